/**
 * A time-series model goes on through the other labs: trained and saved on the Time-series page, then
 * exported by Deploy (int8 .tflite checked by LiteRT.js, reported with its own metric on its own
 * rebuilt windows); quantized on the Quantization page, whose saved child Deploy writes as it is.
 */
import type { Page } from '@playwright/test';
import { test, expect, gotoLab, percentOf } from './fixtures';

// The smallest classification run e2e/time-series.spec.ts uses, 8 epochs (a few seconds: ~90 training windows).
const SMALL_MOTOR = 'tsTask=classification&tsDataset=motor&tsRate=500&tsWindow=128&tsStride=64&tsRecordings=3&tsSeconds=1&tsEpochs=8&tsSeed=2';

async function trainAndSave(page: Page, name: string): Promise<number> {
  await gotoLab(page, 'time-series', SMALL_MOTOR);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const acc = page.getByRole('status', { name: 'Test accuracy', exact: true });
  await expect(acc).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  await page.getByLabel('Version name').fill(name);
  await page.getByRole('button', { name: 'Save to shelf' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${name}” to the shelf.` })).toBeVisible();
  return percentOf(await acc.textContent());
}

const out = (page: Page, name: string) => page.getByRole('status', { name, exact: true });

test('Deploy exports a saved time-series model: int8 .tflite of the window, checked by LiteRT.js, with its own accuracy', async ({ page }, info) => {
  test.setTimeout(300_000);
  const trained = await trainAndSave(page, 'Motor CNN (ts-deploy)');

  await gotoLab(page, 'deploy', 'dpCalibration=200&dpTestVectors=20');
  const pick = page.getByLabel('Model to deploy');
  await expect(pick.locator('option', { hasText: 'Shelf: Motor CNN (ts-deploy)' })).toHaveCount(1);
  await pick.selectOption({ label: 'Shelf: Motor CNN (ts-deploy)' });
  await expect(page.getByText(/calibrated and tested on its own windows, rebuilt from its run link/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('ts-deploy-chosen.png') });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(out(page, 'Runtime accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });

  const runtime = percentOf(await out(page, 'Runtime accuracy').textContent());
  const app = percentOf(await out(page, 'App integer accuracy').textContent());
  const float = percentOf(await out(page, 'Float accuracy').textContent());
  const within = percentOf(await out(page, 'Outputs within 1 LSB').textContent());
  console.log(`ts-deploy: trained ${trained} %, float ${float} %, app int8 ${app} %, LiteRT.js ${runtime} %, within 1 LSB ${within} %`);
  // The rebuilt test windows give back the accuracy the Time-series page measured (shown to 0.1 %).
  expect(Math.abs(float - trained)).toBeLessThanOrEqual(0.05);
  await expect(page.getByText(/reproduce the stored float accuracy/)).toBeVisible();
  // LiteRT.js computes what the app computes (one window of ~50 may fall the other way at a rounding boundary).
  expect(Math.abs(runtime - app)).toBeLessThanOrEqual(2.5);
  expect(within).toBeGreaterThanOrEqual(99);
  await expect(page.getByText(/Input \[1, 128, 1, 3\] int8/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('ts-deploy.png') });
});

test('Quantization quantizes a saved time-series model to int8; Deploy writes the saved child with exactly those parameters', async ({ page }, info) => {
  test.setTimeout(300_000);
  await trainAndSave(page, 'Motor CNN (ts-quant)');
  await gotoLab(page, 'quantization');
  await expect(page.getByText(/Time-series versions are under “Time-series version” below/)).toBeVisible();
  const pick = page.getByLabel('Time-series version', { exact: true });
  await pick.selectOption((await pick.locator('option', { hasText: 'Motor CNN (ts-quant)' }).getAttribute('value'))!);
  // One progress line per page while the job runs (the page's own), not a second one in the panel: a
  // MutationObserver records the most progress lines ever in the page, however briefly the job runs.
  await page.evaluate(() => {
    const w = window as unknown as { maxProgressLines: number };
    w.maxProgressLines = 0;
    new MutationObserver(() => {
      w.maxProgressLines = Math.max(w.maxProgressLines, document.querySelectorAll('[aria-label="Progress"]').length);
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.getByRole('button', { name: 'Quantize time-series version', exact: true }).click();
  const int8 = out(page, 'Integer-only accuracy (time series)');
  await expect(int8).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  expect(await page.evaluate(() => (window as unknown as { maxProgressLines: number }).maxProgressLines)).toBe(1);
  const float = percentOf(await out(page, 'Float accuracy (time series)').textContent());
  const q = percentOf(await int8.textContent());
  console.log(`ts-quant: float ${float} %, integer-only ${q} %`);
  expect(Math.abs(q - float)).toBeLessThanOrEqual(10);
  await page.screenshot({ path: info.outputPath('ts-quant.png') });
  await page.getByLabel('Version name').last().fill('Motor CNN int8 (ts-quant)');
  await page.getByRole('button', { name: 'Save to shelf' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Motor CNN int8 (ts-quant)” to the shelf.' })).toBeVisible();

  await gotoLab(page, 'deploy', 'dpTestVectors=10');
  await page.getByLabel('Model to deploy').selectOption({ label: 'Shelf: Motor CNN int8 (ts-quant)' });
  await expect(page.getByText(/^Written with its own quantization parameters/)).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(out(page, 'Runtime accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  // Same parameters, same rebuilt windows, same integer engine: the Quantization page's figure.
  expect(percentOf(await out(page, 'App integer accuracy').textContent())).toBe(q);
  await expect(page.getByText(/the version’s own quantization parameters \(no new calibration\)/)).toBeVisible();
});
