/** "Compare FitNets with KD": the same-seed comparison in the worker; its result in a small store. */
import { create } from 'zustand';
import { runJob } from '../../store/jobs';
import { getEngine, proxy } from '../../worker/client';
import type { FitNetsReport } from '../../worker/protocol/distillation';
import { leaveOutOf, studentSpecOf, type DistillSettingsValues } from './actions';
import { distillationLab } from './lab';

export const useFitNets = create<{ report: FitNetsReport | null }>(() => ({ report: null }));

export async function compareFitNets(v: DistillSettingsValues, hintEpochs: number): Promise<void> {
  useFitNets.setState({ report: null });
  const req = {
    teacher: v.kdTeacher,
    studentSpec: studentSpecOf(v),
    transferSize: v.kdTransfer,
    leaveOut: leaveOutOf(v),
    shiftedCopies: Number(v.kdShifts),
    // The page's distillation settings (as "Distill" uses them), so only the hint stage differs.
    settings: { temperature: v.kdTemperature, alpha: v.kdAlpha, epochs: v.kdEpochs, batchSize: 32, learningRate: Number(v.kdLearningRate), optimizer: 'adam' as const, seed: v.kdSeed },
    hintEpochs,
  };
  const out = await runJob(distillationLab, 'The FitNets comparison', (j) =>
    getEngine().distillation.fitnets(req, proxy(j.guard((stage: string, f: number) => j.progress(f, `FitNets comparison: ${stage}…`)))),
  );
  if (out.status === 'done' || out.status === 'stopped') useFitNets.setState({ report: out.value });
}
