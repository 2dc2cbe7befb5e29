import { test, expect, gotoLab } from './fixtures';

/**
 * Main-thread long tasks during a full default classification run (generate, train 10 epochs,
 * evaluate, int8): the worker does the work, the page only redraws, one chart per task.
 *
 * The budget is looser than the 50 ms target on purpose: this machine (and CI) is shared by many
 * processes, and one task that takes 30 ms on an idle core takes 100+ ms at load 20. Measured with a
 * PerformanceObserver and a CPU profile (like scripts/time-series-perf.mjs), default classification run:
 * before the fix 7 tasks up to 299 ms at load ≈ 0.3 (26 up to 416 ms at load ≈ 25); after it 0–6
 * tasks, max ≤ 124 ms at load 12–19 (this test at load 12: none). A 250 ms cap and a count bound fail
 * if a chart that draws hundreds of SVG
 * elements, or all charts at once, comes back onto the result path.
 */
const MAX_TASK_MS = 250;
const MAX_TASKS = 12;

// The trace recorder snapshots the DOM on the main thread; it would be measured too.
test.use({ trace: 'off' });

test('a default classification run keeps main-thread tasks short', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: { start: number; ms: number }[] };
    w.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longtasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await gotoLab(page, 'time-series', 'tsTask=classification');
  await expect(page.getByRole('img', { name: /Spectrogram of off/ })).toBeVisible();
  // Page load (guide, KaTeX, engine boot, signal preview) is not the run: wait for 2 s without a long task.
  await page.waitForFunction(
    () => {
      const l = (window as unknown as { __longtasks: { start: number; ms: number }[] }).__longtasks;
      const end = l.length ? l[l.length - 1].start + l[l.length - 1].ms : 0;
      return performance.now() - end > 2000;
    },
    null,
    { timeout: 60_000, polling: 250 },
  );
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Polled once a second with a plain selector: Playwright's role queries run on the main thread too.
  await page.waitForFunction(() => /\d %/.test(document.querySelector('output[aria-label="Test accuracy"]')?.textContent ?? '') && !!document.querySelector('figure[aria-label^="Scatter of"] canvas'), null, { timeout: 150_000, polling: 1000 });
  await page.waitForTimeout(500);
  const during = await page.evaluate((t) => (window as unknown as { __longtasks: { start: number; ms: number }[] }).__longtasks.filter((l) => l.start >= t).map((l) => Math.round(l.ms)), t0);
  await expect(page.getByRole('status', { name: 'Test accuracy', exact: true })).toHaveText(/\d+\.\d %/);
  test.info().annotations.push({ type: 'long tasks (ms)', description: JSON.stringify(during) });
  expect(Math.max(0, ...during), `long tasks: ${JSON.stringify(during)}`).toBeLessThanOrEqual(MAX_TASK_MS);
  expect(during.length, `long tasks: ${JSON.stringify(during)}`).toBeLessThanOrEqual(MAX_TASKS);
});
