/**
 * Soak (issue 20): a long lesson in one page — the main job of every lab that runs one (Train,
 * Prune, the sensitivity scan, PTQ, Distil, a small NAS search, a Deploy export checked by LiteRT.js,
 * a time-series run) again and again, with tiny settings. After every repetition the worker's
 * tensor count (the diagnostics' "Tensors in memory", polled from tf.memory()) must be back at the
 * same value, and the page's JS heap after a forced GC, taken on the start page so no lab's DOM is
 * counted, must stay within a small bound per repetition once the first one has warmed up. Few
 * repetitions: `npm run bench` is the place for more.
 *
 * What the heap does (heap snapshots compared between repetitions, CDP HeapProfiler): after the
 * first repetition it grows by V8's compiled code (functions compiled and optimised as they are
 * used again), by the NAS runs the page keeps (bounded: store/nas.ts MAX_RUNS) and by nothing
 * else that accumulates; recharts' module-level selectors hold the last chart's state (and so its
 * detached page) until the next chart replaces it — one page, not one per repetition.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Repetitions: 3 in `npm test`; `SOAK_REPS=12 npx playwright test soak` for a longer lesson. */
const REPS = Math.max(3, Number(process.env.SOAK_REPS) || 3);
/** Allowed heap growth per repetition after the first (JIT code and the bounded NAS runs). */
const HEAP_GROWTH_PER_REP = 1.5e6;

async function settledTensors(page: Page): Promise<number> {
  const out = page.getByRole('status', { name: 'Tensors in memory' });
  const read = async () => Number(((await out.textContent()) ?? '').replace(/ tensors.*$/, '').replace(/,/g, ''));
  // The diagnostics poll once a second: wait for two equal readings in a row.
  let last = NaN;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(1_200);
    const now = await read();
    if (Number.isFinite(now) && now === last) return now;
    last = now;
  }
  throw new Error(`the tensor count did not settle (last ${last})`);
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function run(page: Page, lab: string, query: string, button: string, done: () => Promise<void> = async () => undefined) {
  await page.goto(`./#/${lab}?${query}`);
  const start = page.getByRole('button', { name: button, exact: true });
  await expect(start).toBeEnabled({ timeout: 90_000 });
  await start.click();
  await done();
  await expect(page.getByRole('status', { name: 'Running job' })).toHaveText('none', { timeout: 240_000 });
}

const status = (page: Page, name: string) => page.getByRole('status', { name, exact: true });

test('a long lesson: every lab\'s job again and again returns the worker to the same tensor count; the heap stays flat', async ({ page }) => {
  test.setTimeout(400_000 * REPS);
  const tensors: number[] = [];
  const heap: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    await run(page, 'train', 'model=mlp&epochs=1&batchSize=64&seed=1', 'Train', () =>
      expect(status(page, 'Run status')).toContainText('Done', { timeout: 150_000 }),
    );
    await run(page, 'pruning', 'prFineTune=0&prTarget=80&prGranularity=unstructured&prWhen=after', 'Prune');
    await run(page, 'pruning', 'prFineTune=0', 'Run sensitivity scan', () =>
      expect(page.getByRole('button', { name: 'Use as local targets', exact: true })).toBeVisible({ timeout: 180_000 }),
    );
    await run(page, 'quantization', 'qWeightBits=8&qActivationBits=8&qCalibrationSamples=200', 'Quantize (PTQ)');
    await run(page, 'distillation', 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTransfer=500&kdLeaveOut=none&kdShifts=0&kdEpochs=1&kdSeed=1', 'Distill', () =>
      expect(status(page, 'Scratch student accuracy')).toHaveText(/\d+\.\d %/, { timeout: 180_000 }),
    );
    await run(page, 'nas', 'nasStrategy=random&nasCandidates=2&nasEpochs=1&nasSubset=200&nasFinalEpochs=0&nasZeroCost=false', 'Search');
    await run(page, 'deploy', 'dpCalibration=50&dpTestVectors=10', 'Export', () =>
      expect(status(page, 'Runtime accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 200_000 }),
    );
    await run(page, 'time-series', 'tsTask=classification&tsDataset=motor&tsRate=500&tsWindow=128&tsStride=64&tsRecordings=3&tsSeconds=1&tsEpochs=2&tsSeed=2', 'Train');
    tensors.push(await settledTensors(page));
    // The start page: no lab's own DOM is counted, only what the session keeps.
    await page.goto('./#/');
    await page.waitForTimeout(1_500);
    heap.push(await heapAfterGc(page));
  }
  await page.getByText('Caches', { exact: true }).click();
  // One line per cache, "name: entries of bound, bytes" (its label and value are separate elements).
  const lines = (await page.getByRole('list', { name: 'Caches and their bounds' }).getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const caches = lines.join('\n');
  console.log(`soak: tensors after each repetition ${tensors.join(', ')}; page heap ${heap.map((h) => (h / 1e6).toFixed(2)).join(', ')} MB; caches: ${caches.replace(/\n/g, ' · ')}`);
  // The first repetition may fill per-session state (slots, data, the teacher); after that nothing may accumulate.
  for (const t of tensors.slice(1)) expect(t).toBe(tensors[0]);
  for (let r = 2; r < REPS; r++) expect(heap[r] - heap[r - 1], `heap growth in repetition ${r + 1}`).toBeLessThan(HEAP_GROWTH_PER_REP);
  // The time-series lab's kept datasets are listed too (one per task).
  expect(caches).toMatch(/^Time-series data: 1 of 3, /m);
  // Every cache is within its bound (and the bounds are read: most caches have one).
  const bounded = lines.map((line) => ({ line, m: /: (\d+) of (\d+)/.exec(line) })).filter((b) => b.m);
  expect(bounded.length, caches).toBeGreaterThanOrEqual(5);
  for (const { line, m } of bounded) expect(Number(m![1]), line).toBeLessThanOrEqual(Number(m![2]));
});
