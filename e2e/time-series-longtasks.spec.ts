import type { Browser } from '@playwright/test';
import { test, expect, gotoLab, type Page } from './fixtures';

/**
 * Main-thread long tasks during a full run (generate, train 10 epochs, evaluate, int8): the worker does
 * the work, the page only redraws, one chart per task, every chart on a canvas.
 *
 * Two measures of each main-thread task from the click on Train to the drawn result:
 * - CPU time (a Chromium trace's RunTask `tdur`): the page's own work, which load barely changes.
 *   The target holds here: no task over 50 ms of CPU.
 * - Wall time (PerformanceObserver longtask): what a user feels, but on this shared 2-core machine a
 *   task is also stretched by descheduling (50 ms wall = 22 ms CPU at load 18), so its bound is looser.
 * Measured (this spec and scripts/time-series-profile.mjs):
 * - before (recharts ROC, Fisher bars, signal cards; this spec on 68e8d28's build): anomaly field run,
 *   tasks of 66 and 57 ms CPU (96 / 89 ms wall) at load 7, so the CPU bound fails there; classification
 *   42 ms CPU at load 17. Wall: ROC 115–155 ms at load 1.7–4 (profiler on), 241–271 ms at load 18.
 * - after (canvas): most CPU in one task 10–14 ms at load 8–10 (no task over 50 ms wall in either run),
 *   8–40 ms at load 16–19, when wall times reached 52–300 ms from descheduling alone.
 */
const MAX_TASK_CPU_MS = 50;
// Wall time catches what CPU time cannot (a task waiting on something synchronous); only seconds-scale
// blocking is unambiguous at load 20, where one 13 ms-CPU task measured 300 ms wall.
const MAX_TASK_WALL_MS = 500;

// The trace recorder snapshots the DOM on the main thread; it would be measured too.
test.use({ trace: 'off' });

type Long = { start: number; ms: number };
type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } };

/** Thread CPU time (ms) of each main-thread task between the page's marks ts-run-start and ts-run-end, and when (s after the start). */
function cpuPerTask(events: TraceEvent[]): { ms: number; at: number }[] {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const from = events.find((e) => e.name === 'ts-run-start')?.ts ?? Infinity;
  const to = events.find((e) => e.name === 'ts-run-end')?.ts ?? -Infinity;
  return events.filter((e) => e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`) && e.ts >= from && e.ts <= to && e.tdur !== undefined).map((e) => ({ ms: e.tdur! / 1000, at: (e.ts - from) / 1e6 }));
}

/**
 * From clicking Train until `metric` shows a number and the staged charts are drawn: the wall time of
 * each long task (> 50 ms) and the CPU time of every main-thread task.
 */
async function tasksOfRun(page: Page, browser: Browser, query: string, metric: string, drawn: string): Promise<{ wall: number[]; cpu: { ms: number; at: number }[] }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: Long[] };
    w.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longtasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await gotoLab(page, 'time-series', query);
  await expect(page.getByRole('img', { name: /^Spectrogram of / }).first()).toBeVisible();
  // Page load (guide, KaTeX, engine boot, signal preview) is not the run: wait for 2 s without a long task.
  await page.waitForFunction(
    () => {
      const l = (window as unknown as { __longtasks: Long[] }).__longtasks;
      const end = l.length ? l[l.length - 1].start + l[l.length - 1].ms : 0;
      return performance.now() - end > 2000;
    },
    null,
    { timeout: 60_000, polling: 250 },
  );
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  // A plain DOM click, and polling with plain selectors once a second: Playwright's hit test and role
  // queries run on the page's main thread and would be measured as the page's own tasks.
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const t0 = await page.evaluate(() => {
    const start = performance.now();
    performance.mark('ts-run-start');
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Train')!.click();
    return start;
  });
  await page.waitForFunction(
    ([name, sel]) => /\d/.test(document.querySelector(`output[aria-label="${name}"]`)?.textContent ?? '') && !!document.querySelector(sel),
    [metric, drawn] as const,
    { timeout: 150_000, polling: 1000 },
  );
  await page.waitForTimeout(1000); // the last staged redraws
  const wall = await page.evaluate((t) => {
    performance.mark('ts-run-end');
    return (window as unknown as { __longtasks: Long[] }).__longtasks.filter((l) => l.start >= t).map((l) => Math.round(l.ms));
  }, t0);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  return { wall, cpu: cpuPerTask(trace.traceEvents) };
}

function expectShort({ wall, cpu }: { wall: number[]; cpu: { ms: number; at: number }[] }): void {
  const top = [...cpu].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const longestCpu = Math.round(top[0]?.ms ?? 0);
  const text = `long tasks (wall ms): ${JSON.stringify(wall)}; most CPU per task of ${cpu.length}: ${top.map((t) => `${t.ms.toFixed(0)} ms at ${t.at.toFixed(2)} s`).join(', ')}`;
  test.info().annotations.push({ type: 'main-thread tasks', description: text });
  expect(cpu.length, 'the trace holds the run\'s main-thread tasks').toBeGreaterThan(20);
  expect(longestCpu, text).toBeLessThanOrEqual(MAX_TASK_CPU_MS);
  expect(Math.max(0, ...wall), text).toBeLessThanOrEqual(MAX_TASK_WALL_MS);
}

test('a default classification run keeps main-thread tasks short', async ({ page, browser }) => {
  const during = await tasksOfRun(page, browser, 'tsTask=classification', 'Test accuracy', 'figure[aria-label^="Scatter of"]');
  expectShort(during);
  await expect(page.getByRole('status', { name: 'Test accuracy', exact: true })).toHaveText(/\d+\.\d %/);
  await expect(page.getByRole('img', { name: /^Fisher's ratio, best features: / })).toBeVisible();
});

test('the anomaly "field conditions" run (ROC, threshold, Fisher bars) keeps main-thread tasks short', async ({ page, browser }) => {
  const field = 'tsTask=anomaly&tsDataset=motor&tsModel=autoencoder&tsFeatures=dsp&tsRate=1000&tsWindow=256&tsStride=128&tsRecordings=16&tsSeconds=2&tsNoise=8&tsImbalance=0.5&tsEpochs=10&tsSeed=1';
  const during = await tasksOfRun(page, browser, field, 'AUC', 'figure[aria-label="ROC curve"]');
  expectShort(during);
  await expect(page.getByRole('img', { name: /^ROC curve, AUC \d\.\d{3}; at the threshold: / })).toBeVisible();
});
