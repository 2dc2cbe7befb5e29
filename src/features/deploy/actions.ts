/**
 * What the Deploy page's controls do (click handlers only, never effects — except refreshModels,
 * which only reads the list and is idempotent).
 */
import { trainBaselineHere } from '../../store/baseline';
import { setEngineBusy } from '../../store/engine';
import { whenEngineReady } from '../../store/engine-boot';
import { pushNotice } from '../../store/notices';
import { patchDeploy, useDeploy } from '../../store/deploy';
import { getEngine, proxy } from '../../worker/client';
import type { TrainEvent } from '../../worker/protocol';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const OWNER = { id: 'deploy', title: 'Deploy' };

export async function refreshModels(): Promise<void> {
  try {
    await whenEngineReady();
    const models = await getEngine().deploy.models();
    const { selected } = useDeploy.getState();
    patchDeploy({ models, selected: models.some((m) => m.id === selected) ? selected : (models[0]?.id ?? 'baseline') });
  } catch (e) {
    patchDeploy({ error: message(e) });
  }
}

async function job(text: string, fn: () => Promise<void>): Promise<void> {
  if (useDeploy.getState().running) return;
  patchDeploy({ running: true, progress: { fraction: 0, text }, error: null });
  setEngineBusy(true, OWNER);
  try {
    await whenEngineReady();
    await fn();
  } catch (e) {
    if (message(e) === 'stopped') pushNotice('info', 'The export was stopped; nothing was written.', 'deploy-stopped');
    else patchDeploy({ error: message(e) });
  } finally {
    patchDeploy({ running: false, progress: null });
    setEngineBusy(false);
  }
}

export function exportModel(calibrationImages: number, testVectors: number): Promise<void> {
  const model = useDeploy.getState().selected;
  patchDeploy({ result: null });
  return job('Exporting…', async () => {
    const result = await getEngine().deploy.export(
      { model, calibrationImages, testVectors },
      proxy((fraction: number, text: string) => patchDeploy({ progress: { fraction, text } })),
    );
    patchDeploy({ result });
  });
}

export function trainBaseline(model: string, epochs: number): Promise<void> {
  return job('Training the baseline', async () => {
    const onEvent = proxy((e: TrainEvent) => {
      if (e.type === 'batch') patchDeploy({ progress: { fraction: (e.epoch + (e.batch + 1) / e.batchesPerEpoch) / epochs, text: `Baseline: epoch ${e.epoch + 1}, batch ${e.batch + 1} of ${e.batchesPerEpoch}` } });
    });
    if (!(await trainBaselineHere('deploy:baseline-train', model, epochs, 42, onEvent))) {
      pushNotice('info', 'The baseline run was stopped; nothing was saved.', 'deploy-baseline');
    }
    await refreshModels();
  });
}

export function stop(): void {
  void getEngine().stop();
}
