/**
 * The Pruning lab's state: its settings (typed schema → URL + localStorage) and the results of the
 * jobs it ran in the worker (prune, sweep, sensitivity scan, criteria duel). Plain data only.
 */
import { create } from 'zustand';
import type { Field } from './settings-schema';
import { defineSettings, enumField, intField } from './settings-schema';
import { registerPageCache } from './page-caches';
import type { SensitivityResult, SensitivityRow } from '../core/techniques/pruning/sensitivity';
import type { DuelResult, PruneReport, PruningInfo, SweepPoint } from '../worker/protocol/pruning';
import type { RoundPoint } from '../core/techniques/pruning/iterative';

export const GRANULARITIES = ['unstructured', 'structured', 'nm'] as const;
export const SCOPES = ['global', 'local'] as const;
export const CRITERIA = ['magnitude', 'activation', 'gradient', 'taylor', 'taylor-group', 'taylor-activation', 'apoz', 'obd'] as const;
export const WHENS = ['after', 'before', 'during'] as const;
export const RESETS = ['rewind', 'finetune', 'random'] as const;
export const NORMALISATIONS = ['none', 'l2', 'macs', 'latency'] as const;
export const LEARNING_RATES = ['0.0001', '0.0003', '0.0005', '0.001', '0.003'] as const;

/** A list of layer names, "conv1,fc2" in the URL (empty = none). */
function layerListField(label: string): Field<string[]> {
  return {
    label,
    default: [],
    describe: 'layer names separated by commas',
    parse: (t) => (/^[\w:.-]*(,[\w:.-]+)*$/.test(t) ? t.split(',').filter(Boolean) : undefined),
    serialise: (v) => v.join(','),
  };
}

/** Per-layer local targets in percent, "conv1:30,fc1:90" in the URL. */
function overridesField(label: string): Field<Record<string, number>> {
  return {
    label,
    default: {},
    describe: 'layer:percent pairs separated by commas, percent 0 to 99',
    parse(t) {
      const out: Record<string, number> = {};
      for (const part of t.split(',').filter(Boolean)) {
        const m = /^([\w:.-]+):(\d{1,2})$/.exec(part);
        if (!m) return undefined;
        out[m[1]] = Number(m[2]);
      }
      return out;
    },
    serialise: (v) => Object.entries(v).map(([k, p]) => `${k}:${p}`).join(','),
  };
}

export const pruningSettings = defineSettings('pruning', {
  prGranularity: enumField('Granularity', GRANULARITIES, 'unstructured'),
  prScope: enumField('Scope', SCOPES, 'global'),
  prCriterion: enumField('Criterion', CRITERIA, 'magnitude'),
  prWhen: enumField('When to prune', WHENS, 'after'),
  prTarget: intField('Target sparsity', 80, { min: 0, max: 99 }),
  prFineTune: intField('Fine-tune epochs', 1, { min: 0, max: 20 }),
  prLearningRate: enumField('Fine-tune learning rate', LEARNING_RATES, '0.001'),
  prSeed: intField('Seed', 1, { min: 0, max: 999999 }),
  prSpan: intField('Schedule span', 70, { min: 10, max: 100 }),
  prStart: intField('Schedule start', 0, { min: 0, max: 90 }),
  prExcluded: layerListField('Excluded layers'),
  prOverrides: overridesField('Per-layer targets'),
  prDuelA: enumField('First criterion', CRITERIA, 'magnitude'),
  prDuelB: enumField('Second criterion', CRITERIA, 'taylor-group'),
  prNormalise: enumField('Normalisation', NORMALISATIONS, 'none'),
  prRounds: intField('Rounds', 3, { min: 1, max: 10 }),
  prReset: enumField('Reset weights', RESETS, 'rewind'),
  prRoundEpochs: intField('Epochs per round', 1, { min: 1, max: 10 }),
});

export type PruningSettingsValues = {
  [K in keyof typeof pruningSettings.fields]: (typeof pruningSettings.fields)[K] extends Field<infer T> ? T : never;
};

export interface PruningState {
  info: PruningInfo | null;
  report: PruneReport | null;
  /** The settings the report was made with (for labels). */
  reportLabel: string | null;
  sweep: { points: SweepPoint[]; fineTune: boolean } | null;
  sensitivity: (SensitivityResult & { partial?: boolean }) | null;
  duel: DuelResult | null;
  /** Iterative-pruning runs by weight reset (one line each on the lottery chart). */
  iterative: Partial<Record<(typeof RESETS)[number], { target: number; dense: number; points: RoundPoint[] }>>;
}

export const usePruning = create<PruningState>()(() => ({
  info: null,
  report: null,
  reportLabel: null,
  sweep: null,
  sensitivity: null,
  duel: null,
  iterative: {},
}));

export function patchPruning(patch: Partial<PruningState>): void {
  usePruning.setState(patch);
}

export function addSensitivityRow(row: SensitivityRow, levels: number[]): void {
  const s = usePruning.getState().sensitivity;
  const rows = [...(s?.rows ?? []).filter((r) => r.layer !== row.layer), row];
  usePruning.setState({ sensitivity: { baseline: s?.baseline ?? NaN, levels, rows, stopped: false, partial: true } });
}

// What the page keeps: the latest result of each kind (iterative: one per weight reset), a new job replacing it.
const KEPT = ['report', 'sweep', 'sensitivity', 'duel'] as const;
registerPageCache('Kept pruning runs', () => {
  const s = usePruning.getState();
  const entries = KEPT.filter((k) => s[k] !== null).length + Object.keys(s.iterative).length;
  return { entries, maxEntries: KEPT.length + RESETS.length, bytes: 0, maxBytes: null, evicted: 0 };
});
