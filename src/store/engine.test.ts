import { describe, expect, it } from 'vitest';
import { otherJob } from './engine';

const idle = { busy: false, busyOwner: null, workerJob: null };
const pruning = { id: 'pruning', title: 'Pruning' };

describe('otherJob', () => {
  it('is null when the engine is idle', () => {
    expect(otherJob(idle, 'train')).toBeNull();
  });

  it("names another lab's announced job, but not the lab's own", () => {
    const s = { busy: true, busyOwner: pruning, workerJob: null };
    expect(otherJob(s, 'train')).toEqual({ owner: pruning, name: "the Pruning lab's job" });
    expect(otherJob(s, 'pruning')).toBeNull();
  });

  it('still blocks when a busy job did not say whose it is', () => {
    expect(otherJob({ busy: true, busyOwner: null, workerJob: null }, 'train')).toEqual({ owner: null, name: 'a job' });
  });

  it('maps an unannounced worker job (a NAS search) to its lab', () => {
    const s = { busy: false, busyOwner: null, workerJob: 'evolution search' };
    expect(otherJob(s, 'train')?.owner?.id).toBe('nas');
    expect(otherJob(s, 'nas')).toBeNull();
    expect(otherJob({ ...s, workerJob: 'something else' }, 'train')).toEqual({ owner: null, name: '"something else"' });
  });
});
