/** "Use recorded NAS run": the recording's settings are applied (and said), its candidates replayed in order. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECORDING_FORMAT, type NasRecording } from '../../core/recordings/recording';
import type { CandidateRecord } from '../../core/techniques/nas/search';
import { genotypeKey, type Genotype } from '../../core/techniques/nas/space';
import { defaults } from '../../store/settings-schema';
import { nasSettings, useNasStore } from '../../store/nas';
import { useNotices } from '../../store/notices';
import { useRecordings } from '../../store/recordings';
import { finishReplay, nasRecordedSettings, replayRecordedRun } from './recording-actions';

function candidate(index: number, trained: boolean): CandidateRecord {
  const genotype: Genotype = { blocks: [{ kind: 'conv', kernel: 3, width: trained ? 8 : 64, down: 'maxpool' }], pool: 'gap', head: 0 };
  return {
    index, trainedIndex: trained ? index + 1 : 0, strategy: 'random', key: genotypeKey(genotype), genotype, origin: 'random', params: 1, macs: 1,
    cost: { flashBytes: 1, ramBytes: 1, latencyMs: 1 }, status: trained ? 'trained' : 'rejected', reasons: [], accuracy: trained ? 0.5 + index / 100 : null, zeroCost: null, evalMs: 1,
  };
}

const v = defaults(nasSettings);
// Rejected, trained, trained, rejected: three replay steps (the last carries the trailing rejection).
const records = [candidate(0, false), candidate(1, true), candidate(2, true), candidate(3, false)];
const recording = (settings = nasRecordedSettings({ ...v, nasSeed: 7 }, 'mcxn947')): NasRecording => ({
  format: RECORDING_FORMAT, kind: 'nas', recordedAt: '2026-12-02T03:45:00.000Z', backend: 'wasm', durationMs: 9000, settings,
  run: { strategy: 'random', seed: 7, label: 'random · seed 7', candidates: 2, stopReason: 'budget', elapsedMs: 8000, records },
});

beforeEach(() => {
  vi.useFakeTimers();
  useNasStore.getState().clear();
  useNotices.setState({ notices: [] });
});
afterEach(() => {
  finishReplay();
  vi.useRealTimers();
});

describe('replaying a recorded NAS run', () => {
  it('adds a run marked as recorded, one trained candidate per step, then finishes it with the recorded outcome', () => {
    const update = vi.fn();
    replayRecordedRun(recording(), { ...v, nasSeed: 7 }, 'mcxn947', update, vi.fn());
    const run = () => useNasStore.getState().runs[0];
    expect(run().recorded).toEqual({ recordedAt: '2026-12-02T03:45:00.000Z', backend: 'wasm' });
    expect(run().records.map((r) => r.index)).toEqual([0, 1]);
    expect(run().running).toBe(true);
    expect(useRecordings.getState().replay).toMatchObject({ shown: 1, total: 2 });
    vi.advanceTimersByTime(400);
    expect(run().records.map((r) => r.index)).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(400);
    expect(run().records).toHaveLength(4);
    expect(run()).toMatchObject({ running: false, stopReason: 'budget', elapsedMs: 8000 });
    expect(useRecordings.getState().replay).toBeNull();
    // Same settings as the page: nothing to change, nothing to say.
    expect(update).not.toHaveBeenCalled();
    expect(useNotices.getState().notices).toHaveLength(0);
  });

  it('sets the page to the recorded settings and says which ones changed', () => {
    const update = vi.fn();
    const setTarget = vi.fn();
    replayRecordedRun(recording(), { ...v, nasSeed: 8, nasCandidates: 5 }, 'imxrt1170', update, setTarget);
    expect(update).toHaveBeenCalledWith({ nasSeed: 7, nasCandidates: v.nasCandidates });
    expect(setTarget).toHaveBeenCalledWith('mcxn947');
    const text = useNotices.getState().notices.map((n) => n.text).join(' ');
    expect(text).toContain('Seed: recorded 7, page 8');
    expect(text).toContain(`Candidates: recorded ${v.nasCandidates}, page 5`);
  });

  it('"Skip to the end" shows every candidate at once; a cleared page stops the replay', () => {
    replayRecordedRun(recording(), { ...v, nasSeed: 7 }, 'mcxn947', vi.fn(), vi.fn());
    finishReplay();
    expect(useNasStore.getState().runs[0]).toMatchObject({ running: false });
    expect(useNasStore.getState().runs[0].records).toHaveLength(4);

    replayRecordedRun(recording(), { ...v, nasSeed: 7 }, 'mcxn947', vi.fn(), vi.fn());
    useNasStore.getState().clear();
    vi.advanceTimersByTime(2000);
    expect(useNasStore.getState().runs).toHaveLength(0);
    expect(useRecordings.getState().replay).toBeNull();
  });
});
