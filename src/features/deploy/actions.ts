/**
 * What the Deploy page's controls do (click handlers only, never effects — except refreshModels,
 * which only reads the list and is idempotent).
 */
import { whenEngineReady } from '../../store/engine-boot';
import { runJob, stopJob } from '../../store/jobs';
import { patchDeploy, useDeploy } from '../../store/deploy';
import { getEngine, proxy } from '../../worker/client';
import { deployLab } from './lab';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function refreshModels(): Promise<void> {
  try {
    await whenEngineReady();
    const models = await getEngine().deploy.models();
    const { selected } = useDeploy.getState();
    patchDeploy({ models, listError: null, selected: models.some((m) => m.id === selected) ? selected : (models[0]?.id ?? 'baseline') });
  } catch (e) {
    patchDeploy({ listError: message(e) });
  }
}

export async function exportModel(calibrationImages: number, testVectors: number): Promise<void> {
  const model = useDeploy.getState().selected;
  patchDeploy({ result: null });
  const out = await runJob(deployLab, 'Export', async (job) => {
    job.progress(0, 'Exporting…');
    return getEngine().deploy.export({ model, calibrationImages, testVectors }, proxy(job.guard((f: number, text: string) => job.progress(f, text))));
  });
  if (out.status === 'done') patchDeploy({ result: out.value });
}

export function stop(): void {
  void stopJob(deployLab);
}
