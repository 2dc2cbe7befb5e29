/**
 * The Train lab's run state: lives outside the page component so a run that continues in the
 * worker while you read another lab still has its curves and results when you come back.
 * Written by src/features/train/run.ts, read by the Train page.
 */
import { create } from 'zustand';
import type { EvalResult, TestSamples } from '../worker/protocol';

export type TrainStatus = 'idle' | 'preparing' | 'training' | 'evaluating' | 'done' | 'stopped' | 'error';

/** One chart point; x is in epochs (2.5 = halfway through the third epoch). */
export interface CurvePoint {
  x: number;
  trainLoss?: number;
  trainAccuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
}

export interface TrainRunState {
  status: TrainStatus;
  /** The zoo model and settings of the current/last run (for labels). */
  modelName: string | null;
  totalEpochs: number;
  /** 1-based epoch being trained (or last finished). */
  epoch: number;
  /** Fraction of the current epoch done, 0..1. */
  epochProgress: number;
  loss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  curves: CurvePoint[];
  evaluation: EvalResult | null;
  misclassifiedPixels: TestSamples | null;
  /** True once a model exists in the worker's "train" slot this session. */
  hasModel: boolean;
  savedAsBaseline: boolean;
  error: string | null;
}

export const initialTrainRun: TrainRunState = {
  status: 'idle',
  modelName: null,
  totalEpochs: 0,
  epoch: 0,
  epochProgress: 0,
  loss: null,
  trainAccuracy: null,
  testAccuracy: null,
  curves: [],
  evaluation: null,
  misclassifiedPixels: null,
  hasModel: false,
  savedAsBaseline: false,
  error: null,
};

export const useTrainRun = create<TrainRunState>()(() => initialTrainRun);

export function patchTrainRun(patch: Partial<TrainRunState>): void {
  useTrainRun.setState(patch);
}
