/**
 * One chart update per browser task. A recharts 3 chart mounts in several synchronous passes (its
 * internal store updates from layout effects run at sync priority, so React's time slicing and
 * useDeferredValue cannot split them). When a run's result arrives, the page has a dozen charts to
 * redraw; done together that is one long main-thread task (up to 416 ms measured), done one per task
 * each stays short and the page keeps answering input between them.
 *
 * useStaged(value) returns `value` once its turn in a page-wide queue comes; until then the previous
 * value (or `initial` on mount, e.g. null for "not drawn yet"). The latest value wins: a chart that
 * changes again while queued is drawn once.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

type Job = { run: () => void; live: boolean };
const queue: Job[] = [];
let pumping = false;

function pump(): void {
  let job = queue.shift();
  while (job && !job.live) job = queue.shift(); // unmounted or superseded while waiting
  if (!job) {
    pumping = false;
    return;
  }
  job.run();
  // setTimeout (not a microtask): the browser paints and handles input before the next chart.
  setTimeout(pump, 0);
}

function enqueue(job: Job): void {
  queue.push(job);
  if (!pumping) {
    pumping = true;
    setTimeout(pump, 0);
  }
}

/** `label` names the redraw in the performance trace ("ts-redraw:<label>"), for profiling. */
export function useStaged<T, I = T>(value: T, initial: I, label = 'chart'): T | I {
  const [shown, setShown] = useState<{ v: T | I }>({ v: initial });
  useEffect(() => {
    if (Object.is(shown.v, value)) return;
    const job: Job = {
      live: true,
      run: () => {
        const start = performance.now();
        flushSync(() => setShown({ v: value }));
        // The trace keeps the measure (scripts/time-series-profile.mjs reads it there); the page's
        // timeline buffer would keep every one of a long lesson.
        performance.measure(`ts-redraw:${label}`, { start });
        performance.clearMeasures(`ts-redraw:${label}`);
      },
    };
    enqueue(job);
    return () => {
      job.live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new value queues a redraw
  }, [value]);

  return shown.v;
}

/** For tests: how many redraws are waiting. */
export function stagedPending(): number {
  return queue.filter((j) => j.live).length;
}
