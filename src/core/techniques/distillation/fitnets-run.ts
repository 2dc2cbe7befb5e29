/**
 * FitNets against plain knowledge distillation on the same seed: both students start from the same
 * initialisation, see the same transfer set in the same order with the same KD loss and optimizer;
 * the FitNets student first runs the hint stage (fitnets.ts). The difference is the hint stage alone.
 */
import { runDistillation, type DistillRunOptions, type StudentOutcome } from './run';
import { hintPair, hintTraining, type HintPair } from './fitnets';

export interface FitNetsComparison {
  pair: HintPair;
  kd: StudentOutcome | null;
  fitnets: StudentOutcome | null;
  /** Mean hint loss per stage-1 epoch. */
  hintLosses: number[];
  stopped: boolean;
}

export async function compareFitNets(
  opts: Omit<DistillRunOptions, 'kinds' | 'prepareStudent'> & { hintEpochs: number; onHintEpoch?: (epoch: number, loss: number) => void; onStage?: (stage: 'kd' | 'hint' | 'fitnets') => void },
): Promise<FitNetsComparison> {
  const pair = hintPair(opts.teacher.spec, opts.studentSpec);
  opts.onStage?.('kd');
  const kdRun = await runDistillation({ ...opts, kinds: ['distilled'] });
  const kd = kdRun.students[0] ?? null;
  if (kdRun.stopped) return { pair, kd, fitnets: null, hintLosses: [], stopped: true };
  let hintLosses: number[] = [];
  try {
    const s = opts.settings;
    const fitRun = await runDistillation({
      ...opts,
      kinds: ['distilled'],
      prepareStudent: async (model, transfer) => {
        opts.onStage?.('hint');
        hintLosses = await hintTraining({
          student: model, teacher: opts.teacher, pair, xs: transfer.xs, epochs: opts.hintEpochs,
          batchSize: s.batchSize, learningRate: s.learningRate, seed: s.seed, signal: opts.signal, onEpoch: opts.onHintEpoch,
        });
        opts.onStage?.('fitnets');
      },
    });
    return { pair, kd, fitnets: fitRun.students[0] ?? null, hintLosses, stopped: fitRun.stopped };
  } catch (e) {
    kd?.model.dispose();
    throw e;
  }
}
