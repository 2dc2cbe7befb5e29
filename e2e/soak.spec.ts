/**
 * Soak (issue 20): a long lesson in one page — the main jobs of several labs (Train, Prune, PTQ,
 * a small NAS search) run again and again. After every repetition the worker's tensor count (the
 * diagnostics' "Tensors in memory", polled from tf.memory()) must be back at the same value, and the
 * page's JS heap (after a forced GC) must not keep growing. Few repetitions, small jobs: `npm run
 * bench` is the place for more.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const REPS = 3;

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
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function run(page: Page, lab: string, query: string, button: string, done: () => Promise<void>) {
  await page.goto(`./#/${lab}?${query}`);
  const start = page.getByRole('button', { name: button, exact: true });
  await expect(start).toBeEnabled({ timeout: 60_000 });
  await start.click();
  await done();
  await expect(page.getByRole('status', { name: 'Running job' })).toHaveText('none', { timeout: 120_000 });
}

test('repeated jobs of several labs return the worker to the same tensor count; the heap stays flat', async ({ page }) => {
  test.setTimeout(400_000);
  const tensors: number[] = [];
  const heap: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    await run(page, 'train', 'model=mlp&epochs=1&batchSize=64&seed=1', 'Train', () =>
      expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 }),
    );
    await run(page, 'pruning', 'prFineTune=0&prTarget=80&prGranularity=unstructured&prWhen=after', 'Prune', async () => undefined);
    await run(page, 'quantization', 'qWeightBits=8&qActivationBits=8&qCalibrationSamples=200', 'Quantize (PTQ)', async () => undefined);
    await run(page, 'nas', 'nasStrategy=random&nasCandidates=2&nasEpochs=1&nasSubset=200&nasFinalEpochs=0&nasZeroCost=false', 'Search', async () => undefined);
    tensors.push(await settledTensors(page));
    heap.push(await heapAfterGc(page));
  }
  console.log(`soak: tensors after each repetition ${tensors.join(', ')}; page heap ${heap.map((h) => (h / 1e6).toFixed(1)).join(', ')} MB`);
  // The first repetition may fill per-session state (slots, data); after that nothing may accumulate.
  for (const t of tensors.slice(1)) expect(t).toBe(tensors[0]);
  // Heap: the last repetition within 15 % of the second (the first warms caches, chunks, charts).
  expect(heap[REPS - 1]).toBeLessThan(heap[1] * 1.15);
});
