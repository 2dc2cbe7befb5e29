/**
 * The NAS lab's state: its settings (typed schema → URL + localStorage) and the search runs of this
 * session (records stream in from the worker). Runs are kept per strategy run so the page can compare
 * random vs evolution on the same budget and seed.
 */
import { create } from 'zustand';
import type { CandidateRecord, StopReason } from '../core/techniques/nas/search';
import {
  ALL_BLOCK_COUNTS,
  ALL_HEAD_WIDTHS,
  ALL_KERNELS,
  ALL_WIDTHS,
  BLOCK_KINDS,
  DEFAULT_SPACE,
  DOWNSAMPLES,
  HEAD_POOLS,
  type SearchSpace,
} from '../core/techniques/nas/space';
import type { StrategyName } from '../core/techniques/nas/strategies';
import { boolField, defineSettings, enumField, intField, numberField, type Field } from './settings-schema';
import { registerPageCache } from './page-caches';

/**
 * A set of allowed values stored as canonical text ("4,8,16"): strings compare by value, so the
 * settings store sees no change when a link carries the same set in another order.
 */
function setField<T extends string | number>(label: string, all: readonly T[], def: readonly T[]): Field<string> {
  const canon = (vals: readonly T[]) => all.filter((v) => vals.includes(v)).join(',');
  return {
    label,
    default: canon(def),
    describe: `a comma-separated, non-empty subset of ${all.join(', ')}`,
    parse(text) {
      const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
      const vals = parts.map((p) => all.find((v) => String(v) === p));
      if (parts.length === 0 || vals.some((v) => v === undefined)) return undefined;
      return canon(vals as T[]);
    },
    serialise: (v) => v,
  };
}


export const nasSettings = defineSettings('nas', {
  nasStrategy: enumField('Strategy', ['evolution', 'random', 'grid'] as const, 'evolution'),
  nasCandidates: intField('Candidates', 20, { min: 1, max: 200 }),
  nasEpochs: intField('Proxy epochs', 1, { min: 1, max: 10 }),
  nasSubset: intField('Training subset', 2000, { min: 100, max: 8000 }),
  nasSeed: intField('Seed', 1, { min: 0, max: 999999 }),
  nasTime: intField('Time budget (s)', 0, { min: 0, max: 3600 }),
  nasZeroCost: boolField('Zero-cost proxy (SynFlow)', true),
  nasPopulation: intField('Population', 8, { min: 2, max: 50 }),
  nasTournament: intField('Tournament size', 3, { min: 1, max: 50 }),
  nasEngine: enumField('Engine', ['cpu', 'npu'] as const, 'cpu'),
  nasRam: numberField('RAM budget', 100, { min: 0, max: 1_000_000 }),
  nasFlash: numberField('Flash budget', 500, { min: 0, max: 1_000_000 }),
  nasLatency: numberField('Latency budget', 20, { min: 0, max: 100_000 }),
  nasFinalEpochs: intField('Final epochs', 3, { min: 0, max: 20 }),
  nasBlocks: setField('Blocks', ALL_BLOCK_COUNTS, DEFAULT_SPACE.blockCounts),
  nasKinds: setField('Block kind', BLOCK_KINDS, DEFAULT_SPACE.kinds),
  nasKernels: setField('Kernel', ALL_KERNELS, DEFAULT_SPACE.kernels),
  nasWidths: setField('Width', ALL_WIDTHS, DEFAULT_SPACE.widths),
  nasDown: setField('Downsampling', DOWNSAMPLES, DEFAULT_SPACE.downsamples),
  nasPools: setField('Head pooling', HEAD_POOLS, DEFAULT_SPACE.headPools),
  nasHeads: setField('Head width', ALL_HEAD_WIDTHS, DEFAULT_SPACE.headWidths),
});

type NasValues = { [K in keyof typeof nasSettings.fields]: (typeof nasSettings.fields)[K]['default'] };

const nums = (s: string) => s.split(',').filter(Boolean).map(Number);
const strs = <T extends string>(s: string) => s.split(',').filter(Boolean) as T[];

export type NasSettingsValues = NasValues;

/** The search space the settings describe. */
export function spaceFromSettings(v: Pick<NasValues, 'nasBlocks' | 'nasKinds' | 'nasKernels' | 'nasWidths' | 'nasDown' | 'nasPools' | 'nasHeads'>): SearchSpace {
  return {
    blockCounts: nums(v.nasBlocks),
    kinds: strs(v.nasKinds),
    kernels: nums(v.nasKernels),
    widths: nums(v.nasWidths),
    downsamples: strs(v.nasDown),
    headPools: strs(v.nasPools),
    headWidths: nums(v.nasHeads),
  };
}

export interface NasRun {
  id: number;
  strategy: StrategyName;
  seed: number;
  /** Short description of the settings, for the legend: "evolution · seed 1 · 20 × 1 epoch". */
  label: string;
  /** The candidate budget of this run. */
  candidates: number;
  records: CandidateRecord[];
  running: boolean;
  stopReason?: StopReason;
  elapsedMs?: number;
  error?: string;
  /** A run replayed from a recording ("Use recorded NAS run"), not searched on this page. */
  recorded?: { recordedAt: string; backend: string };
}

export interface TrainingProgress {
  key: string;
  /** 0..1 through the candidate's proxy training. */
  fraction: number;
}

/** "Use this model": the chosen candidate being trained further and saved as the baseline. */
export interface AdoptState {
  key: string;
  phase: 'preparing' | 'training' | 'saving' | 'done' | 'stopped' | 'failed';
  /** 0..1 through the final training. */
  fraction: number;
  reusedWeights?: boolean;
  testAccuracy?: number;
  message?: string;
}

/**
 * Runs kept on the page (chart series, table rows, progress lines). A long lesson of many searches
 * would otherwise grow the DOM and the heap without end; older runs are dropped and the page says so.
 */
export const MAX_RUNS = 6;

interface NasState {
  runs: NasRun[];
  /** How many of the oldest runs were dropped to keep MAX_RUNS. */
  droppedRuns: number;
  adopt: AdoptState | null;
  setAdopt(a: AdoptState | null): void;
  /** Selected candidate: run id + record index. */
  selected: { run: number; index: number } | null;
  training: TrainingProgress | null;
  startRun(run: Omit<NasRun, 'id' | 'records' | 'running'>): number;
  addRecord(runId: number, r: CandidateRecord): void;
  /** Appends several records in one update (one re-render for a burst of rejected candidates). */
  addRecords(runId: number, rs: readonly CandidateRecord[]): void;
  finishRun(runId: number, patch: Pick<NasRun, 'stopReason' | 'elapsedMs' | 'error'>): void;
  setTraining(t: TrainingProgress | null): void;
  select(sel: { run: number; index: number } | null): void;
  clear(): void;
}

let nextRunId = 1;

export const useNasStore = create<NasState>()((set) => ({
  runs: [],
  droppedRuns: 0,
  adopt: null,
  setAdopt: (adopt) => set({ adopt }),
  selected: null,
  training: null,
  startRun: (run) => {
    const id = nextRunId++;
    set((s) => {
      const runs = [...s.runs, { ...run, id, records: [], running: true }];
      // Drop the oldest finished runs beyond the bound (a running one is never dropped).
      const excess = runs.length - MAX_RUNS;
      const drop = new Set(excess > 0 ? runs.filter((r) => !r.running).slice(0, excess).map((r) => r.id) : []);
      if (drop.size === 0) return { runs };
      const selected = s.selected && drop.has(s.selected.run) ? null : s.selected;
      return { runs: runs.filter((r) => !drop.has(r.id)), droppedRuns: s.droppedRuns + drop.size, selected };
    });
    return id;
  },
  addRecord: (runId, r) =>
    set((s) => ({ runs: s.runs.map((run) => (run.id === runId ? { ...run, records: [...run.records, r] } : run)) })),
  addRecords: (runId, rs) => {
    if (rs.length === 0) return;
    set((s) => ({ runs: s.runs.map((run) => (run.id === runId ? { ...run, records: [...run.records, ...rs] } : run)) }));
  },
  finishRun: (runId, patch) =>
    set((s) => ({ runs: s.runs.map((run) => (run.id === runId ? { ...run, ...patch, running: false } : run)), training: null })),
  setTraining: (training) => set({ training }),
  select: (selected) => set({ selected }),
  clear: () => set({ runs: [], selected: null, droppedRuns: 0 }),
}));

registerPageCache('NAS runs', () => {
  const s = useNasStore.getState();
  return { entries: s.runs.length, maxEntries: MAX_RUNS, bytes: 0, maxBytes: null, evicted: s.droppedRuns };
});
