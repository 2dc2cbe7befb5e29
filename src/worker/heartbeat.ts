/**
 * Hang detection for the engine worker. A worker stuck in a long synchronous computation (an
 * infinite loop, a runaway kernel) never fires an error event: it simply stops answering, and every
 * call to it waits forever. The page pings it on a channel of its own every `intervalMs`; a ping
 * left unanswered for `timeoutMs` means the worker hung, and `onHang` replaces it (client.ts).
 *
 * The worker answers between two awaits, so a job that yields at least once per batch (every job
 * does) answers well within the timeout; 30 s leaves room for a slow step on a loaded machine.
 * Pure logic over a send function and timers, so it is unit-tested with a fake worker.
 */
export const HEARTBEAT_INTERVAL_MS = 2_000;
export const HANG_TIMEOUT_MS = 30_000;

export interface HeartbeatOptions {
  /** Posts ping number `n` to the worker. */
  send(n: number): void;
  /** Called once when a ping stayed unanswered for `timeoutMs`; the heartbeat stops itself first. */
  onHang(silentMs: number): void;
  intervalMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

export interface Heartbeat {
  /** The worker's answer to ping `n`. */
  answered(n: number): void;
  stop(): void;
}

export function startHeartbeat(o: HeartbeatOptions): Heartbeat {
  const intervalMs = o.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const timeoutMs = o.timeoutMs ?? HANG_TIMEOUT_MS;
  const now = o.now ?? (() => Date.now());
  let counter = 0;
  let waiting: { n: number; since: number } | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (waiting) {
      const silent = now() - waiting.since;
      if (silent >= timeoutMs) {
        stop();
        o.onHang(silent);
      }
      return;
    }
    waiting = { n: ++counter, since: now() };
    try {
      o.send(waiting.n);
    } catch {
      /* a closed port: the error event of the worker reports the crash */
    }
  };
  const timer = setInterval(tick, intervalMs);
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return {
    answered(n) {
      if (waiting?.n === n) waiting = null;
    },
    stop,
  };
}
