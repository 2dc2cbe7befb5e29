/** Hang detection with a fake worker: one that answers is left alone, one that stops answering is reported once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from './heartbeat';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A fake worker: echoes pings (after `delayMs`) until `hang()` is called, like a thread stuck in a loop. */
function fakeWorker(delayMs = 5) {
  let hung = false;
  let answer: (n: number) => void = () => undefined;
  return {
    send: (n: number) => {
      if (!hung) setTimeout(() => !hung && answer(n), delayMs);
    },
    hang: () => (hung = true),
    connect: (fn: (n: number) => void) => (answer = fn),
  };
}

describe('heartbeat', () => {
  it('never reports a worker that keeps answering, even slowly', () => {
    const w = fakeWorker(1_500);
    const onHang = vi.fn();
    const beat = startHeartbeat({ send: w.send, onHang, intervalMs: 2_000, timeoutMs: 10_000, now: () => Date.now() });
    w.connect(beat.answered);
    vi.advanceTimersByTime(120_000);
    expect(onHang).not.toHaveBeenCalled();
    beat.stop();
  });

  it('reports a worker that stops answering once, after the timeout, and stops pinging', () => {
    const w = fakeWorker();
    const sent = vi.fn(w.send);
    const onHang = vi.fn();
    const beat = startHeartbeat({ send: sent, onHang, intervalMs: 2_000, timeoutMs: 10_000, now: () => Date.now() });
    w.connect(beat.answered);
    vi.advanceTimersByTime(6_000);
    w.hang();
    vi.advanceTimersByTime(9_000);
    expect(onHang).not.toHaveBeenCalled();
    vi.advanceTimersByTime(4_000);
    expect(onHang).toHaveBeenCalledTimes(1);
    expect(onHang.mock.calls[0][0]).toBeGreaterThanOrEqual(10_000);
    const pings = sent.mock.calls.length;
    vi.advanceTimersByTime(60_000);
    expect(onHang).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls.length).toBe(pings);
  });

  it('ignores answers to old pings (a late echo does not hide a hang)', () => {
    const onHang = vi.fn();
    const beat = startHeartbeat({ send: () => undefined, onHang, intervalMs: 1_000, timeoutMs: 5_000, now: () => Date.now() });
    vi.advanceTimersByTime(1_000); // ping 1 out
    beat.answered(0);
    beat.answered(7);
    vi.advanceTimersByTime(6_000);
    expect(onHang).toHaveBeenCalledTimes(1);
  });
});
