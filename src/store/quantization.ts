/**
 * The Quantization lab's state: its settings (typed schema → URL + localStorage) and the results of
 * the jobs it ran in the worker (PTQ, QAT, bit-depth sweep, size ledger, neuron step-through).
 * Plain data only.
 */
import { create } from 'zustand';
import type { Field } from './settings-schema';
import { defineSettings, enumField, intField } from './settings-schema';
import { registerPageCache } from './page-caches';
import type { NeuronTrace } from '../core/techniques/quantization/explain';
import type { ClusterReport, LedgerRow, QuantInfo, QuantReport, SweepPoint } from '../worker/protocol/quantization';

export const WEIGHT_FORMATS = ['2', '3', '4', '5', '6', '7', '8', '10', '12', '16', 'fp16', 'bf16'] as const;
export const ACTIVATION_BITS = ['2', '3', '4', '5', '6', '7', '8', '10', '12', '16'] as const;
export const SCHEMES = ['asymmetric', 'symmetric'] as const;
export const GRANULARITIES = ['per-channel', 'per-tensor'] as const;
export const CALIBRATIONS = ['minmax', 'percentile', 'mse', 'kl'] as const;
export const PERCENTILES = ['99', '99.9', '99.99'] as const;
export const ROUNDINGS = ['nearest', 'stochastic'] as const;
export const REQUANT_ROUNDINGS = ['double', 'single'] as const;
export const QAT_LEARNING_RATES = ['0.0001', '0.0003', '0.001'] as const;
export const SWEEP_BITS = [8, 6, 4, 3, 2];
export const CENTROID_INITS = ['linear', 'density', 'random'] as const;
export const CODEBOOKS = ['int8', 'fp32'] as const;

/** Mixed precision: "conv1:4,fc1:2" in the URL (weight bits 2..8 per layer; empty = uniform). */
function layerBitsField(label: string): Field<Record<string, number>> {
  return {
    label,
    default: {},
    describe: 'layer:bits pairs separated by commas, bits 2 to 8',
    parse(t) {
      const out: Record<string, number> = {};
      for (const part of t.split(',').map((x) => x.trim()).filter(Boolean)) {
        const m = /^([\w:.-]+):([2-8])$/.exec(part);
        if (!m) return undefined;
        out[m[1]] = Number(m[2]);
      }
      return out;
    },
    serialise: (v) => Object.entries(v).map(([k, b]) => `${k}:${b}`).join(','),
  };
}

export const quantizationSettings = defineSettings('quantization', {
  qWeightBits: enumField('Weight bits', WEIGHT_FORMATS, '8'),
  qActivationBits: enumField('Activation bits', ACTIVATION_BITS, '8'),
  qScheme: enumField('Scheme', SCHEMES, 'asymmetric'),
  qGranularity: enumField('Granularity', GRANULARITIES, 'per-channel'),
  qRounding: enumField('Rounding', ROUNDINGS, 'nearest'),
  qRequant: enumField('Requantization rounding', REQUANT_ROUNDINGS, 'double'),
  qCalibration: enumField('Calibration', CALIBRATIONS, 'minmax'),
  qPercentile: enumField('Percentile', PERCENTILES, '99.99'),
  qCalibrationSamples: intField('Calibration samples', 500, { min: 10, max: 8000 }),
  qQatEpochs: intField('QAT epochs', 1, { min: 0, max: 10 }),
  qLearningRate: enumField('QAT learning rate', QAT_LEARNING_RATES, '0.0003'),
  qSeed: intField('Seed', 1, { min: 0, max: 999999 }),
  qLayerBits: layerBitsField('Bits per layer'),
  qClusters: intField('Clusters', 16, { min: 2, max: 256 }),
  qClusterInit: enumField('Centroid initialisation', CENTROID_INITS, 'linear'),
  qClusterPrune: intField('Prune first', 0, { min: 0, max: 95 }),
  qClusterEpochs: intField('Centroid fine-tune epochs', 1, { min: 0, max: 5 }),
  qClusterCodebook: enumField('Codebook', CODEBOOKS, 'int8'),
});

export type QuantizationSettingsValues = {
  [K in keyof typeof quantizationSettings.fields]: (typeof quantizationSettings.fields)[K] extends Field<infer T> ? T : never;
};

/** Which tensor the histogram explorer shows. */
export interface HistogramTarget {
  kind: 'weights' | 'activations';
  name: string;
}

export interface QuantizationState {
  /** Why the baseline could not be prepared for quantization (null when it could). */
  prepareError: string | null;
  info: QuantInfo | null;
  /** The latest PTQ and QAT results. */
  ptq: QuantReport | null;
  qat: QuantReport | null;
  /** Which of the two the results panel shows. */
  shown: 'PTQ' | 'QAT';
  /** control: the float model fine-tuned for the same epochs without fake quantization. */
  sweep: { points: SweepPoint[]; qatEpochs: number; control: number | null } | null;
  ledger: LedgerRow[] | null;
  trace: (NeuronTrace & { label: number; prediction: number; sample: number; method: 'PTQ' | 'QAT' }) | null;
  target: HistogramTarget | null;
  /** Hand-set clipping ranges, used by the next "Quantize (PTQ)": weights by layer, activations by tensor. */
  weightClip: Record<string, [number, number]>;
  rangeOverrides: Record<string, [number, number]>;
  /** The last weight clustering / Deep Compression run. */
  cluster: ClusterReport | null;
}

export const useQuantization = create<QuantizationState>()(() => ({
  prepareError: null,
  info: null,
  ptq: null,
  qat: null,
  shown: 'PTQ',
  sweep: null,
  ledger: null,
  trace: null,
  target: null,
  weightClip: {},
  rangeOverrides: {},
  cluster: null,
}));

export function patchQuantization(patch: Partial<QuantizationState>): void {
  useQuantization.setState(patch);
}

/** The report the results panel shows (the chosen one, else whichever exists). */
export function shownReport(s: QuantizationState): QuantReport | null {
  return (s.shown === 'QAT' ? s.qat : s.ptq) ?? s.ptq ?? s.qat;
}

// What the page keeps: the latest result of each kind, a new job replacing it.
const KEPT = ['ptq', 'qat', 'sweep', 'ledger', 'trace', 'cluster'] as const;
registerPageCache('Kept quantization runs', () => {
  const s = useQuantization.getState();
  return { entries: KEPT.filter((k) => s[k] !== null).length, maxEntries: KEPT.length, bytes: 0, maxBytes: null, evicted: 0 };
});
