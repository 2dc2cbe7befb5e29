import type { Page } from '@playwright/test';
import { test, expect, gotoLab } from './fixtures';

/**
 * Issue 18: the main thread stays free while a lab's job runs (training is in the worker; the page
 * only draws progress). A PerformanceObserver('longtask') records every task over 50 ms from before
 * the app's first script; each job is measured from its button's click to its result on screen.
 *
 * The target is "no task over 50 ms" on the bench machine at rest; it is not met under load. This
 * spec runs on loaded CI machines (2 cores shared with the worker's training and other jobs), where
 * every task is stretched several times. Measured with this spec on the 2-core team machine at load
 * average 17–20 (other engineers' builds and tests), two runs each, before → after the issue-18
 * render fixes (useJob without progress, SVG curves instead of recharts, one histogram level path,
 * one number formatter, chart font read once): tasks over 50 ms per job Train 37–63 → 6–10,
 * Pruning 3–6 → 3–6, PTQ 3–17 → 2–4, QAT 110–136 → 10–16, Distillation 11–12 → 4, NAS 15–21 →
 * 8–10; longest task 528–3,293 → 116–1,057 ms (the longest are now single result renders and
 * major GCs); blocking time (each task's part beyond 50 ms) at most 14 % of any job (was 38 %).
 * So it asserts what a regression breaks but load does not: at most 25 tasks over 50 ms per job (a
 * chart or panel that re-renders on every progress report made 37–136), no freeze of 1.5 s or more, blocking
 * under 25 % of each job and under 10 % for NAS. The measured distribution is attached to the
 * report (long-tasks.json) and logged, with one line per lab (count over 50 ms, longest, each duration).
 *
 * Deferred result views (useDeferredValue + memo on Pruning, Quantization and Train results; the
 * histogram explorer's clip range derived, not synced by an effect; MaskHeatmap painting 32-bit pixel
 * words): measured with this spec on the 2-core machine at load average 0.1–1.9, base build and
 * this one alternated, tasks over 50 ms (ms) base → after: Pruning [86], [69], [82] → [], [51], [];
 * PTQ [102, 111], [72, 52], [73, 82] → [58], [], []; QAT [74], [73], [58] → [], [], [];
 * Train [], [], [57] → [], [51], [].
 *
 * LONG_TASKS_STRICT=1 asserts the issue's target itself: no task over 50 ms in any lab's job. Use it
 * on an idle machine (the bench); the default mode above is what CI runs.
 *
 * The waits poll a plain querySelector twice a second, not Playwright locators: a locator's wait
 * runs its role/name matching over the whole page on the main thread many times a second, which
 * itself made long tasks here (and, under load, most of them). Each job starts once its page has
 * settled (guide rendered), so the page's own first render is not counted as the job's.
 */
const MAX_TASK_MS = 1500;
const MAX_TASKS_OVER_50_MS = 25;
const MAX_BLOCKED_SHARE = 0.25;
const MAX_NAS_BLOCKED_SHARE = 0.1;
const STRICT = process.env.LONG_TASKS_STRICT === '1';

interface LongTask {
  start: number;
  duration: number;
}

async function observeLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** Runs `job` (click … wait for its result) and returns the long tasks that started meanwhile. */
async function duringJob(page: Page, job: () => Promise<void>) {
  const t0 = await now(page);
  await job();
  const t1 = await now(page);
  const all = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  const ms = all.filter((t) => t.start >= t0 && t.start <= t1).map((t) => Math.round(t.duration));
  // Blocking time (the part of each task beyond 50 ms, as in Lighthouse's TBT) as a share of the job.
  const blockedShare = ms.reduce((a, d) => a + Math.max(0, d - 50), 0) / Math.max(1, t1 - t0);
  return { seconds: +((t1 - t0) / 1000).toFixed(1), count: ms.length, over50: ms.filter((d) => d > 50).length, maxMs: Math.max(0, ...ms), blockedShare: +blockedShare.toFixed(3), tasksMs: ms };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/**
 * Clicks the enabled button whose text is `name` from inside the page: a locator's click first runs
 * Playwright's role and name matching over the whole page on the main thread (30–100 ms at load),
 * which would be counted as the job's.
 */
async function press(page: Page, name: string) {
  const clicked = await page.evaluate((n) => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === n && !x.disabled);
    b?.click();
    return !!b;
  }, name);
  expect(clicked, `an enabled "${name}" button`).toBe(true);
}

/** Waits (cheaply) until the element at `selector` has text matching `pattern`. */
async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 200_000) {
  await page.waitForFunction(
    ([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''),
    [selector, pattern.source] as const,
    { polling: 500, timeout },
  );
}

/** Waits until the button is enabled and the guide is on the page, then a moment of quiet. */
async function settled(page: Page, name: string) {
  await expect(button(page, name)).toBeEnabled({ timeout: 60_000 });
  await expect(page.locator('section.guide h2').first()).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1500);
}

test('no lab job blocks the main thread: Train, Pruning, Quantization (PTQ, QAT), Distillation, NAS', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await observeLongTasks(page);
  const jobs: Record<string, Awaited<ReturnType<typeof duringJob>>> = {};

  // Train: an MLP for one epoch; it becomes the baseline the next labs start from.
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await settled(page, 'Train');
  jobs.train = await duringJob(page, async () => {
    await press(page, 'Train');
    await waitForText(page, '[aria-label="Run status"]', /Done/);
  });

  // Pruning: 80 % with one fine-tuning epoch (a training job with progress, not a one-shot prune).
  await gotoLab(page, 'pruning', 'prFineTune=1&prTarget=80&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after');
  await settled(page, 'Prune');
  jobs.pruning = await duringJob(page, async () => {
    await press(page, 'Prune');
    await waitForText(page, '[aria-label="Pruning results"] [aria-label="Sparsity"]', /^80\.0 %$/);
  });

  // Quantization: post-training int8 (calibration, then the float, fake-quant and integer-only evals).
  await gotoLab(page, 'quantization', 'qWeightBits=8&qActivationBits=8&qScheme=asymmetric&qGranularity=per-channel&qCalibration=minmax&qCalibrationSamples=200&qQatEpochs=1');
  await settled(page, 'Quantize (PTQ)');
  jobs.quantization = await duringJob(page, async () => {
    await press(page, 'Quantize (PTQ)');
    await waitForText(page, '[aria-label="Quantization results"] [aria-label="Integer-only accuracy"]', /\d+\.\d\d %/);
  });
  // QAT: one epoch of fake-quant training (progress every batch), then the integer evaluation.
  await settled(page, 'Train with QAT');
  jobs.qat = await duringJob(page, async () => {
    await press(page, 'Train with QAT');
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Show QAT'), null, { polling: 500, timeout: 300_000 });
  });

  // Distillation: the baseline teaches a small MLP for one epoch (both students train).
  await gotoLab(page, 'distillation', 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=500&kdLeaveOut=3&kdShifts=0&kdEpochs=1&kdSeed=1&kdDigit=3');
  await settled(page, 'Distill');
  jobs.distillation = await duringJob(page, async () => {
    await press(page, 'Distill');
    await waitForText(page, '[aria-label="Distillation results"] [aria-label="Scratch student accuracy"]', /\d+\.\d %/);
  });

  // NAS: six small candidates, each plotted as it arrives.
  await gotoLab(page, 'nas', 'nasBlocks=1,2&nasWidths=4,8&nasKernels=3&nasHeads=0&nasEpochs=1&nasSubset=300&nasSeed=7&nasTime=0&nasZeroCost=true&nasStrategy=random&nasCandidates=6&nasFinalEpochs=0&nasLatency=20&nasRam=100&nasFlash=500');
  await settled(page, 'Search');
  jobs.nas = await duringJob(page, async () => {
    await press(page, 'Search');
    await waitForText(page, '[aria-label="Candidates evaluated"]', /^6 of 6$/);
  });

  const report = JSON.stringify(jobs, null, 1);
  console.log(`long tasks per job: ${report}`);
  for (const [lab, j] of Object.entries(jobs)) {
    console.log(`${lab.padEnd(12)} ${j.over50} task(s) over 50 ms in ${j.seconds} s, longest ${j.maxMs} ms, blocked ${(j.blockedShare * 100).toFixed(1)} %: [${j.tasksMs.join(', ')}] ms`);
  }
  await testInfo.attach('long-tasks.json', { body: report, contentType: 'application/json' });
  for (const [lab, j] of Object.entries(jobs)) {
    if (STRICT) expect.soft(j.tasksMs.filter((d) => d > 50), `${lab}: main-thread tasks over 50 ms (LONG_TASKS_STRICT=1)`).toEqual([]);
    expect(j.over50, `${lab}: main-thread tasks over 50 ms`).toBeLessThanOrEqual(MAX_TASKS_OVER_50_MS);
    expect(j.maxMs, `${lab}: longest main-thread task (ms)`).toBeLessThanOrEqual(MAX_TASK_MS);
    expect(j.blockedShare, `${lab}: share of the job the main thread was blocked`).toBeLessThanOrEqual(lab === 'nas' ? MAX_NAS_BLOCKED_SHARE : MAX_BLOCKED_SHARE);
  }
});
