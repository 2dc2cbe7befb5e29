/**
 * The bench's lab-page measurements (used by scripts/bench.mjs): main-thread long tasks
 * (PerformanceObserver 'longtask') while a lab's job runs on the real page at 1280x720, charts and all.
 */

/** Installs the long-task observer before any script of the page runs. */
async function observeLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Waits with a plain querySelector twice a second. Not a locator's waitFor: that runs Playwright's
 * role/name matching over the page on the main thread many times a second, which itself made long
 * tasks (most of them, under load) and inflated the counts of earlier runs.
 */
async function waitForText(page, selector, pattern, timeout = 300_000) {
  await page.waitForFunction(([sel, src, flags]) => new RegExp(src, flags).test(document.querySelector(sel)?.textContent ?? ''), [selector, pattern.source, pattern.flags], { polling: 500, timeout });
}

function summarize(all, t0, t1) {
  const tasks = all.filter((t) => t.start >= t0 && t.start <= t1);
  return {
    seconds: (t1 - t0) / 1000,
    count: tasks.length,
    longestMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    over50ms: tasks.filter((t) => t.duration > 50).length,
    // When (s after the click) and how long (ms), for finding what caused them.
    tasks: tasks.map((t) => ({ atS: +((t.start - t0) / 1000).toFixed(2), ms: Math.round(t.duration) })),
  };
}

/**
 * The Train page: LeNet-5, one epoch on all 8,000 samples. Also the time from navigation start to the
 * first training report on screen (the Train button is clicked as soon as it is enabled).
 */
export async function measureTrainPage(browser, base, batchSize) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await observeLongTasks(page);
    await page.goto(`${base}#/train?model=lenet5&epochs=1&batchSize=${batchSize}&learningRate=0.001&optimizer=adam&seed=1`);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await train.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Train' && !b.disabled), null, { timeout: 60_000 });
    const t0 = await page.evaluate(() => performance.now());
    await train.click();
    const sps = page.getByRole('status', { name: 'Samples per second' });
    await page.waitForFunction(() => /\d/.test(document.querySelector('output[aria-label="Samples per second"]')?.textContent ?? ''), null, { timeout: 120_000, polling: 20 });
    const firstStep = await page.evaluate(() => performance.now());
    await waitForText(page, '[aria-label="Run status"]', /Done|Stopped|failed/i);
    const t1 = await page.evaluate(() => performance.now());
    const s = summarize(await page.evaluate(() => window.__longTasks), t0, t1);
    return {
      lab: 'train',
      ...s,
      firstStepS: firstStep / 1000,
      clickToFirstStepS: (firstStep - t0) / 1000,
      testAccuracy: (await page.getByRole('status', { name: 'Test accuracy' }).textContent())?.trim(),
      samplesPerSecond: (await sps.textContent())?.trim(),
    };
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  } finally {
    await page.close();
  }
}

const NAS_QUERY = 'nasBlocks=1,2&nasWidths=4,8&nasKernels=3&nasHeads=0&nasEpochs=1&nasSubset=500&nasSeed=7&nasTime=0&nasZeroCost=true&nasStrategy=random&nasCandidates=6&nasLatency=20&nasRam=100&nasFlash=500';

/** A lab's job on its page; today the NAS search (6 small candidates), the known offender. */
export async function measureLabPage(browser, base, lab) {
  if (lab !== 'nas') return { error: `no job defined for ${lab}` };
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await observeLongTasks(page);
    await page.goto(`${base}#/nas?${NAS_QUERY}`);
    const search = page.getByRole('button', { name: 'Search', exact: true });
    await search.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Search' && !b.disabled), null, { timeout: 60_000 });
    const t0 = await page.evaluate(() => performance.now());
    await search.click();
    await waitForText(page, '[aria-label="Candidates evaluated"]', /^6 of 6$/);
    await page.waitForTimeout(300);
    const t1 = await page.evaluate(() => performance.now());
    return { lab, ...summarize(await page.evaluate(() => window.__longTasks), t0, t1) };
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  } finally {
    await page.close();
  }
}
