/**
 * Defaults of the Distillation lab, measured with scripts/measure-distillation.ts (see the numbers in
 * labs/distillation.md): with these, a 1,000-sample transfer set gives the distilled student a clear
 * lead over the scratch student, and with digit 3 left out the distilled student still recognises
 * test 3s while the scratch student cannot.
 */
import type { DistillSettings } from './run';

/** How the page trains the zoo teacher CNN ("Train teacher"): all 8,000 training samples. */
export const TEACHER_TRAINING = {
  epochs: 6,
  batchSize: 64,
  learningRate: 1e-3,
  optimizer: 'adam' as const,
  seed: 1,
};

export const DISTILL_DEFAULTS = {
  student: 'mlp-small',
  width: 1,
  transferSize: 1000,
  leaveOut: null as number | null,
  shiftedCopies: 8,
  training: {
    temperature: 4,
    alpha: 0.9,
    epochs: 8,
    batchSize: 32,
    learningRate: 3e-3,
    optimizer: 'adam',
    seed: 1,
  } satisfies DistillSettings,
};
