import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab, percentOf } from './fixtures';

test('trains the MLP for one epoch to at least 85 % test accuracy, then the draw pad predicts', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText('Done', { timeout: 150_000 });

  const acc = percentOf(await page.getByRole('status', { name: 'Test accuracy' }).textContent());
  expect(acc).toBeGreaterThanOrEqual(85);
  expect(acc).toBeLessThanOrEqual(100);
  expect(percentOf(await page.getByRole('status', { name: 'Train accuracy' }).textContent())).toBeGreaterThan(50);
  await expect(page.getByRole('status', { name: 'Epoch' })).toHaveText('1 / 1');
  const loss = Number(await page.getByRole('status', { name: 'Loss' }).textContent());
  expect(loss).toBeGreaterThan(0);
  expect(loss).toBeLessThan(1);
  await expect(page.getByRole('status', { name: 'Samples per second' })).toHaveText(/\d[\d,]* samples\/s/);

  // The confusion matrix counts all 2,000 test digits, and its diagonal matches the test accuracy.
  // It renders just after the run's numbers (a deferred render), so wait for its 100 cells first.
  await expect(page.locator('.confusion tbody td')).toHaveCount(100);
  const cells = await page.locator('.confusion tbody td').allTextContents();
  expect(cells).toHaveLength(100);
  const counts = cells.map(Number);
  const total = counts.reduce((a, b) => a + b, 0);
  expect(total).toBe(2000);
  const diagonal = counts.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
  expect((diagonal / total) * 100).toBeCloseTo(acc, 0);
  await expect(page.getByRole('img', { name: /^true \d, predicted \d/ }).first()).toBeVisible();
  await expect(page.getByText(/Saved baseline: MLP/)).toBeVisible();

  // Draw a "1": a vertical stroke through the middle of the pad.
  const pad = page.getByRole('img', { name: /Drawing pad/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.07 * i));
  await page.mouse.up();
  const prediction = page.getByRole('status', { name: 'Prediction' });
  await expect(prediction).toHaveText(/^\d \(\d+(\.\d)? %\)$/);
  await expect(prediction).toHaveText(/^1 /);
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(prediction).toHaveText('–');
});

test('Stop ends a run mid-way and a new run can start', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=20&batchSize=32&seed=1');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  const status = page.getByRole('status', { name: 'Run status' });
  await train.click();
  await expect(status).toContainText('Training');
  await expect(page.getByRole('status', { name: 'Loss' })).toHaveText(/\d\.\d+/);
  await stop.click();
  await expect(status).toContainText('Stopped');
  await expect(train).toBeEnabled();
  await expect(stop).toBeDisabled();
  const epochText = (await page.getByRole('status', { name: 'Epoch' }).textContent()) ?? '';
  expect(Number(epochText.split('/')[0])).toBeLessThan(20);

  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await train.click();
  await expect(status).toContainText('Done', { timeout: 150_000 });
  expect(percentOf(await page.getByRole('status', { name: 'Test accuracy' }).textContent())).toBeGreaterThanOrEqual(85);
});

test('DS-CNN trains on the SIMD kernels in the engine worker (the CSP lets it compile them)', async ({ page }) => {
  await gotoLab(page, 'train', 'model=dscnn&epochs=1&batchSize=64&seed=1');
  const status = page.getByRole('status', { name: 'Run status' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Loss' })).toHaveText(/\d\.\d+/);
  // wasm-kernels-simd.ts marks each SIMD kernel's first run in the worker that ran it.
  const marks = async () =>
    (await Promise.all(page.workers().map((w) => w.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name)).catch(() => [] as string[])))).flat();
  await expect.poll(marks).toEqual(expect.arrayContaining(['tinyml-simd:dw_backprop_filter', 'tinyml-simd:dw_backprop_input', 'tinyml-simd:sum_rows', 'tinyml-simd:conv_backprop_filter', 'tinyml-simd:adam_update']));
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status).toContainText('Stopped');
});

test('the teacher CNN trains its batch norm and max pooling on the SIMD kernels in the engine worker', async ({ page }) => {
  await gotoLab(page, 'train', 'model=teacher&epochs=1&batchSize=64&seed=1');
  const status = page.getByRole('status', { name: 'Run status' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Loss' })).toHaveText(/\d\.\d+/, { timeout: 60_000 });
  const marks = async () =>
    (await Promise.all(page.workers().map((w) => w.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name)).catch(() => [] as string[])))).flat();
  await expect.poll(marks).toEqual(expect.arrayContaining(['tinyml-simd:bn_forward', 'tinyml-simd:bn_backward', 'tinyml-simd:max_pool_grad', 'tinyml-simd:adam_update']));
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status).toContainText('Stopped');
});

test('the Train page has no serious accessibility violations', async ({ page }) => {
  await gotoLab(page, 'train');
  await expect(page.getByRole('region', { name: 'Guide' }).locator('.katex').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
