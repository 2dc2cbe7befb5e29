import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, gotoLab, percentOf } from './fixtures';

async function trainBaseline(page: Page, model: string) {
  await page.getByLabel('Baseline model').selectOption(model);
  await page.getByLabel('Baseline epochs').selectOption('1');
  await page.getByRole('button', { name: 'Train a baseline here', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeEnabled({ timeout: 170_000 });
}

async function exportAndCheck(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const out = (name: string) => page.getByRole('status', { name, exact: true });
  await expect(out('Runtime accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 170_000 });
  const runtime = percentOf(await out('Runtime accuracy').textContent());
  const app = percentOf(await out('App integer accuracy').textContent());
  const agreement = percentOf(await out('Argmax agreement').textContent());
  const within = percentOf(await out('Outputs within 1 LSB').textContent());
  const size = Number((await out('File size').textContent())!.replace(/[^\d]/g, ''));
  expect(app).toBeGreaterThan(80);
  expect(Math.abs(runtime - app)).toBeLessThanOrEqual(0.2);
  expect(agreement).toBeGreaterThanOrEqual(99.5);
  expect(within).toBeGreaterThanOrEqual(99);
  // The runtime's own speed on this computer, measured while it ran the test digits.
  const took = (await page.getByRole('region', { name: 'Checked by a real runtime' }).textContent())!.match(/LiteRT\.js took ([\d.]+) ms per digit/);
  expect(took, 'the time per digit LiteRT.js took').not.toBeNull();
  const msPerDigit = Number(took![1]);
  expect(msPerDigit).toBeGreaterThan(0);
  return { runtime, app, agreement, within, size, msPerDigit };
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFile((await d.path())!);
}

test('exports the MLP, LiteRT.js agrees with the app, downloads, Devices page round trip and bad files', async ({ page }, info) => {
  test.setTimeout(400_000);
  await gotoLab(page, 'deploy', 'dpCalibration=300&dpTestVectors=50');
  await trainBaseline(page, 'mlp');
  // One select carries both names the issues use ("Model to deploy", issue 13; "Start from", issue 12).
  await expect(page.getByLabel('Model to deploy')).toHaveCount(1);
  await expect(page.getByLabel('Start from')).toHaveCount(1);
  await expect(page.getByLabel('Start from')).toHaveAttribute('id', (await page.getByLabel('Model to deploy').getAttribute('id'))!);
  await expect(page.getByLabel('Calibration images', { exact: true })).toBeVisible();
  const m = await exportAndCheck(page);
  console.log(`MLP: ${JSON.stringify(m)}`);
  await page.screenshot({ path: info.outputPath('deploy-mlp.png'), fullPage: true });

  const tflite = await download(page, 'Download .tflite');
  expect(tflite.length).toBe(m.size);
  expect(tflite.subarray(4, 8).toString('latin1')).toBe('TFL3');
  expect((await download(page, 'Download C array')).subarray(0, 2).toString('latin1')).toBe('PK');
  expect((await download(page, 'Download TFLM project')).subarray(0, 2).toString('latin1')).toBe('PK');
  const vectors = await download(page, 'Download test vectors');
  const h = Number(vectors.readBigUInt64LE(0));
  const header = JSON.parse(vectors.subarray(8, 8 + h).toString('utf8'));
  expect(header.count).toBe(50);
  expect(vectors.length).toBe(8 + h + 50 * 784 + 50 + 50 * 10);

  // The Devices page reads the exported file back.
  await gotoLab(page, 'devices');
  const file = page.getByLabel('Model file');
  await file.setInputFiles({ name: 'mlp_int8.tflite', mimeType: 'application/octet-stream', buffer: tflite });
  // Same layers, params and MACs as the exported spec (exact equality is checked in the unit tests).
  await expect(page.getByText(/4 layers, 109 K parameters, 109 K MACs, input \[28, 28, 1\]/)).toBeVisible();
  await file.setInputFiles({ name: 'cut.tflite', mimeType: 'application/octet-stream', buffer: tflite.subarray(0, Math.floor(tflite.length / 2)) });
  await expect(page.getByRole('alert')).toContainText(/cut\.tflite: .*truncated/);
  await file.setInputFiles({ name: 'photo.tflite', mimeType: 'application/octet-stream', buffer: Buffer.from('\x89PNG\r\n\x1a\n0000000000000000') });
  await expect(page.getByRole('alert')).toContainText(/not a TFLite model/);
});

test('exports LeNet-5 and LiteRT.js reproduces the app integer accuracy', async ({ page }, info) => {
  test.setTimeout(400_000);
  await gotoLab(page, 'deploy', 'dpCalibration=500&dpTestVectors=200');
  await trainBaseline(page, 'lenet5');
  const m = await exportAndCheck(page);
  console.log(`LeNet-5: ${JSON.stringify(m)}`);
  await expect(page.getByText(/Operators \(4, the op resolver registers exactly these\): CONV_2D, MAX_POOL_2D, RESHAPE, FULLY_CONNECTED\./)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Weight quantization per layer' })).toContainText('6 (per-channel)');
  await page.screenshot({ path: info.outputPath('deploy-lenet5.png'), fullPage: true });
  const tflite = await download(page, 'Download .tflite');
  await gotoLab(page, 'devices');
  await page.getByLabel('Model file').setInputFiles({ name: 'lenet5_int8.tflite', mimeType: 'application/octet-stream', buffer: tflite });
  await expect(page.getByText(/8 layers, 61\.7 K parameters, 417 K MACs/)).toBeVisible();
});

test('a LiteRT.js load failure says so, keeps the app numbers and downloads; the int8 model goes onto the shelf', async ({ page }, info) => {
  test.setTimeout(300_000);
  // The runtime's wasm cannot be fetched (offline, blocked by a proxy…).
  await page.context().route(/litert_wasm.*\.wasm/, (route) => route.abort());
  await gotoLab(page, 'deploy', 'dpCalibration=50&dpTestVectors=10');
  await trainBaseline(page, 'mlp');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'LiteRT.js could not run the exported model' })).toBeVisible({ timeout: 170_000 });
  await expect(page.getByRole('status', { name: 'Runtime accuracy', exact: true })).toHaveText('not run');
  expect(percentOf(await page.getByRole('status', { name: 'App integer accuracy', exact: true }).textContent())).toBeGreaterThan(50);
  const tflite = await download(page, 'Download .tflite');
  expect(tflite.subarray(4, 8).toString('latin1')).toBe('TFL3');
  await page.screenshot({ path: info.outputPath('deploy-litert-failure.png'), fullPage: true });

  await page.getByLabel('Version name').fill('MLP deployed int8');
  await page.getByRole('button', { name: 'Save to shelf', exact: true }).click();
  await expect(page.getByText('Saved “MLP deployed int8” to the shelf.')).toBeVisible();
  await expect(page.getByLabel('Model to deploy').locator('option', { hasText: 'Shelf: MLP deployed int8' })).toHaveCount(1);
  await page.getByLabel('Model to deploy').selectOption({ label: 'Shelf: MLP deployed int8' });
  await expect(page.getByText('Shelf lineage: MLP deployed int8')).toBeVisible();
  // Deploy wrote it with TFLite's own scheme, so it deploys again with exactly those parameters.
  await expect(page.getByText(/^Written with its own quantization parameters/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('deploy-shelf-version.png') });
});
