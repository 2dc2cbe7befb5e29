/**
 * The performance-estimation proxy: train a candidate briefly (a few epochs on a subset) and measure
 * its test accuracy. Cheap enough to run dozens of times in a browser, noisy enough that the guide
 * warns about it: the proxy ranks architectures, it does not certify them.
 */
// Registers the conv / depthwise gradient kernels tfjs-backend-wasm lacks.
import '../../train/wasm-kernels';
import { deriveSeed } from '../../data/random';
import { buildModel } from '../../model/build';
import type { ModelSpec, WeightSet } from '../../model/spec';
import { trainLoop, type DataSplit } from '../../train/loop';
import type { ProxySettings } from './proxy-settings';

export { DEFAULT_PROXY, type ProxySettings } from './proxy-settings';
import { genotypeKey, type Genotype } from './space';
import { synflowScore } from './zero-cost';

export interface ProxyResult {
  accuracy: number;
  zeroCost: number | null;
  /** The trained weights (for "Use this model"), when asked for. */
  weights?: WeightSet;
  /** True when the signal stopped training part-way (the accuracy is then not comparable). */
  stopped: boolean;
}

/**
 * The initialisation seed of an architecture in a search: derived from the search seed and the
 * architecture, so the same architecture starts from the same weights whichever strategy proposed it.
 */
export function candidateSeed(searchSeed: number, g: Genotype): number {
  return deriveSeed(searchSeed, genotypeKey(g));
}

export async function trainProxy(opts: {
  spec: ModelSpec;
  seed: number;
  train: DataSplit;
  test: DataSplit;
  settings: ProxySettings;
  keepWeights?: boolean;
  signal?: AbortSignal;
  /** Fraction of the proxy training done, 0..1 (throttled by the training loop to ≤ 10/s). */
  onProgress?: (fraction: number) => void;
}): Promise<ProxyResult> {
  const { settings: s } = opts;
  const model = buildModel(opts.spec, opts.seed);
  try {
    const zeroCost = s.zeroCost ? synflowScore(model) : null;
    const r = await trainLoop({
      model,
      train: opts.train,
      test: opts.test,
      epochs: s.epochs,
      batchSize: s.batchSize,
      learningRate: s.learningRate,
      optimizer: s.optimizer,
      seed: opts.seed,
      trainSamples: s.trainSamples,
      // Only the final accuracy matters to the search: skip per-epoch evaluation.
      evaluateEachEpoch: false,
      signal: opts.signal,
      onBatch: opts.onProgress
        ? (e) => opts.onProgress!((e.epoch * e.batchesPerEpoch + e.batch + 1) / (s.epochs * e.batchesPerEpoch))
        : undefined,
    });
    return {
      accuracy: r.testAccuracy,
      zeroCost: zeroCost !== null && Number.isFinite(zeroCost) ? zeroCost : null,
      weights: opts.keepWeights && !r.stopped ? model.getWeights() : undefined,
      stopped: r.stopped,
    };
  } finally {
    model.dispose();
  }
}
