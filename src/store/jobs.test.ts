import { beforeEach, describe, expect, it, vi } from 'vitest';

// The runner talks to the worker only through these calls; record them instead of starting a worker.
const calls: string[] = [];
const crashListeners = new Set<(reason: string) => void>();
const crash = (reason: string) => [...crashListeners].forEach((l) => l(reason));
vi.mock('../worker/client', () => ({
  getEngine: () => ({
    beginJob: async (id: string) => void calls.push(`begin ${id}`),
    endJob: async (id: string) => void calls.push(`end ${id}`),
    stop: async (id: string) => void calls.push(`stop ${id}`),
  }),
  onEngineCrash: (l: (reason: string) => void) => {
    crashListeners.add(l);
    return () => crashListeners.delete(l);
  },
}));
vi.mock('./engine-boot', () => ({ whenEngineReady: async () => undefined }));

const { runJob, stopJob, useJobs, refusal } = await import('./jobs');
const { useNotices } = await import('./notices');

const pruning = { id: 'pruning', title: 'Pruning' };
const train = { id: 'train', title: 'Train' };

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  calls.length = 0;
  useJobs.setState({ current: null, errors: {} });
  useNotices.setState({ notices: [] });
});

describe('runJob', () => {
  it('announces its id to the worker, resolves done with the value and frees the engine', async () => {
    const out = await runJob(pruning, 'Pruning', async (job) => {
      expect(useJobs.getState().current?.id).toBe(job.id);
      return 42;
    });
    expect(out).toEqual({ status: 'done', value: 42 });
    expect(useJobs.getState().current).toBeNull();
    expect(calls[0]).toMatch(/^begin pruning:\d+$/);
    await Promise.resolve();
    expect(calls[1]).toBe(calls[0].replace('begin', 'end'));
  });

  it('refuses a second job while one runs, naming whose job it is', async () => {
    const gate = deferred<void>();
    const first = runJob(pruning, 'The sweep', () => gate.promise);
    await vi.waitFor(() => expect(useJobs.getState().current).not.toBeNull());
    expect(refusal(useJobs.getState(), train)).toMatch(/Pruning lab's job \(The sweep\)/);
    const second = await runJob(train, 'Training', async () => 1);
    expect(second.status).toBe('refused');
    gate.resolve();
    expect((await first).status).toBe('done');
  });

  it('drops progress and callbacks that arrive after the job ended', async () => {
    let late: ((x: number) => void) | null = null;
    const seen: number[] = [];
    await runJob(pruning, 'Pruning', async (job) => {
      late = job.guard((x: number) => seen.push(x));
      late(1);
      job.progress(0.5, 'half');
      expect(useJobs.getState().current?.progress).toEqual({ fraction: 0.5, text: 'half' });
    });
    late!(2);
    expect(seen).toEqual([1]);
  });

  it('stopJob stops this job by its id and the outcome says stopped', async () => {
    const gate = deferred<string>();
    const run = runJob(pruning, 'Pruning', () => gate.promise);
    await vi.waitFor(() => expect(useJobs.getState().current).not.toBeNull());
    const id = useJobs.getState().current!.id;
    await stopJob(train); // not this lab's job: nothing happens
    expect(calls).not.toContain(`stop ${id}`);
    await stopJob(pruning);
    expect(calls).toContain(`stop ${id}`);
    gate.resolve('partial');
    expect(await run).toEqual({ status: 'stopped', value: 'partial' });
  });

  it("turns a failure into the lab's error and a notice", async () => {
    const out = await runJob(pruning, 'The scan', async () => {
      throw new Error('out of memory');
    });
    expect(out).toEqual({ status: 'error', error: 'out of memory' });
    expect(useJobs.getState().errors.pruning).toBe('out of memory');
    expect(useNotices.getState().notices.map((n) => n.text)).toContain('The scan failed: out of memory');
  });

  it('a crashed worker ends the running job with an error instead of leaving the engine busy', async () => {
    // The body awaits a worker call that will never answer (the worker is gone).
    const out = runJob(train, 'Training', () => new Promise<never>(() => undefined));
    await vi.waitFor(() => expect(useJobs.getState().current).not.toBeNull());
    crash('worker died');
    expect(useJobs.getState().current).toBeNull();
    expect(useJobs.getState().errors.train).toMatch(/worker died/);
    // The caller's await ends too (the lab can reset its view), with no second notice.
    expect(await out).toEqual({ status: 'error', error: 'the engine stopped (worker died)' });
    expect(useNotices.getState().notices.filter((n) => /Training failed/.test(n.text))).toEqual([]);
  });

  it('jobs that end normally leave no crash listener behind', async () => {
    const before = crashListeners.size;
    for (let i = 0; i < 5; i++) await runJob(train, 'Training', async () => i);
    expect(crashListeners.size).toBe(before);
  });
});
