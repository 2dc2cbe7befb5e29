import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACE } from '../core/techniques/nas/space';
import { defaults, decode } from './settings-schema';
import type { CandidateRecord } from '../core/techniques/nas/search';
import { MAX_RUNS, nasSettings, spaceFromSettings, useNasStore } from './nas';

describe('NAS settings', () => {
  it('defaults describe the default search space', () => {
    expect(spaceFromSettings(defaults(nasSettings))).toEqual(DEFAULT_SPACE);
  });
  it('space choices from a link are canonicalised, and bad ones fall back to the default with a notice', () => {
    const { values, rejected } = decode(nasSettings, { nasWidths: '16,4', nasKinds: 'dsconv', nasKernels: '7', nasBlocks: '' });
    expect(values.nasWidths).toBe('4,16');
    expect(spaceFromSettings(values).kinds).toEqual(['dsconv']);
    expect(values.nasKernels).toBe('3,5');
    expect(rejected.map((r) => r.label).sort()).toEqual(['Blocks', 'Kernel']);
  });
  it('rejects an unknown engine', () => {
    const { values, rejected } = decode(nasSettings, { nasEngine: 'gpu' });
    expect(values.nasEngine).toBe('cpu');
    expect(rejected[0].label).toBe('Engine');
  });
});

describe('NAS runs', () => {
  const rec = (index: number) => ({ index, key: `k${index}` }) as unknown as CandidateRecord;
  it('appends a batch of records to its run only, in order, in one update', () => {
    const st = useNasStore.getState();
    st.clear();
    const a = st.startRun({ strategy: 'random', seed: 1, label: 'a', candidates: 3 });
    const b = st.startRun({ strategy: 'evolution', seed: 1, label: 'b', candidates: 3 });
    st.addRecord(a, rec(0));
    const runB = useNasStore.getState().runs[1];
    let updates = 0;
    const unsub = useNasStore.subscribe(() => updates++);
    useNasStore.getState().addRecords(a, [rec(1), rec(2)]);
    useNasStore.getState().addRecords(a, []);
    unsub();
    expect(updates).toBe(1);
    const [ra, rb] = useNasStore.getState().runs;
    expect(ra.records.map((r) => r.key)).toEqual(['k0', 'k1', 'k2']);
    // The other run keeps its identity, so its chart series is not redrawn.
    expect(rb).toBe(runB);
    expect(rb.id).toBe(b);
    st.clear();
  });

  it(`keeps at most ${MAX_RUNS} runs over a long lesson, never drops a running one, and counts the dropped`, () => {
    const st = useNasStore.getState();
    st.clear();
    const first = st.startRun({ strategy: 'random', seed: 1, label: 'long', candidates: 3 });
    for (let i = 0; i < 3 * MAX_RUNS; i++) {
      const id = useNasStore.getState().startRun({ strategy: 'random', seed: i, label: `r${i}`, candidates: 3 });
      useNasStore.getState().addRecords(id, [rec(0), rec(1)]);
      useNasStore.getState().select({ run: id, index: 0 });
      useNasStore.getState().finishRun(id, { stopReason: 'budget' });
    }
    const { runs, droppedRuns, selected } = useNasStore.getState();
    expect(runs.length).toBeLessThanOrEqual(MAX_RUNS);
    expect(runs.some((r) => r.id === first && r.running)).toBe(true);
    expect(droppedRuns).toBe(3 * MAX_RUNS + 1 - runs.length);
    expect(selected && runs.some((r) => r.id === selected.run)).toBe(true);
    st.clear();
    expect(useNasStore.getState().droppedRuns).toBe(0);
  });
});
