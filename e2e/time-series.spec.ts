import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab, percentOf } from './fixtures';

// Small data sets so each task trains in seconds on the shared machine.
const SMALL_MOTOR = 'tsRate=500&tsWindow=128&tsStride=64&tsRecordings=3&tsSeconds=1&tsEpochs=3&tsSeed=2';

async function expectNoSeriousA11y(page: import('@playwright/test').Page) {
  const axe = await new AxeBuilder({ page }).include('.ts-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('classification: Generate data, Train, accuracy and confusion matrix; live signal view follows the sampling rate', async ({ page }) => {
  await gotoLab(page, 'time-series', `tsTask=classification&tsDataset=motor&${SMALL_MOTOR}`);
  await expect(page.getByLabel('Task')).toHaveValue('classification');
  await expect(page.getByRole('status', { name: 'Nyquist frequency' })).toHaveText('250.0 Hz');
  await page.getByLabel('Sampling rate (Hz)').fill('400');
  await expect(page.getByRole('status', { name: 'Nyquist frequency' })).toHaveText('200.0 Hz');
  await expect(page.getByRole('img', { name: /Spectrogram of unbalance/ })).toBeVisible();

  await page.getByRole('button', { name: 'Generate data', exact: true }).click();
  // 400 samples per recording, windows of 128 every 64: 5 per recording, 7 classes × 3 recordings.
  await expect(page.getByRole('status', { name: 'Windows', exact: true })).toHaveText('105');
  await expect(page.getByRole('heading', { name: 'Feature separability' })).toBeVisible();

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const acc = page.getByRole('status', { name: 'Test accuracy', exact: true });
  await expect(acc).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  expect(percentOf(await acc.textContent())).toBeGreaterThan(100 / 7); // above chance
  await expect(page.getByRole('status', { name: 'int8 accuracy' })).toHaveText(/\d+\.\d %/);
  await expect(page.getByRole('table').filter({ hasText: 'true ↓ / pred →' })).toContainText('misalignment');
  await expect(page.getByRole('status', { name: 'Inferences per second' })).toHaveText(/\d+(\.\d)? \/s/);
  await page.screenshot({ path: test.info().outputPath('classification.png') });
  await expectNoSeriousA11y(page);
});

test('anomaly detection trains on normal data only and shows AUC, ROC and the threshold', async ({ page }) => {
  await gotoLab(page, 'time-series', `tsTask=classification&${SMALL_MOTOR}`);
  await page.getByLabel('Task').selectOption({ label: 'Anomaly detection' });
  await expect(page.getByLabel('Model')).toHaveValue('autoencoder');
  await page.getByLabel('Recordings per class').fill('4');
  await page.getByLabel('Seconds per recording').fill('1');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const auc = page.getByRole('status', { name: 'AUC', exact: true });
  await expect(auc).toHaveText(/^[01]\.\d{3}$/, { timeout: 120_000 });
  expect(Number(await auc.textContent())).toBeGreaterThan(0.7);
  await expect(page.getByRole('figure', { name: 'ROC curve' })).toBeVisible();
  const recall = page.getByRole('status', { name: 'Recall' });
  const before = percentOf(await recall.textContent());
  await page.getByRole('slider', { name: 'Threshold' }).fill('50');
  await expect.poll(async () => percentOf(await recall.textContent())).toBeGreaterThanOrEqual(before);
  await expect(page.getByRole('table', { name: 'Faults missed at this threshold' })).toContainText('inner race');
  await page.screenshot({ path: test.info().outputPath('anomaly.png') });
  await expectNoSeriousA11y(page);
});

test('regression predicts the state of charge: MAE and R²', async ({ page }) => {
  await gotoLab(page, 'time-series', 'tsTask=regression&tsDataset=battery&tsRate=1&tsWindow=60&tsStride=20&tsRecordings=6&tsEpochs=4&tsModel=mlp&tsFeatures=dsp');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'R²', exact: true })).toHaveText(/^-?\d+\.\d{3}$/, { timeout: 120_000 });
  await expect(page.getByRole('status', { name: 'MAE', exact: true })).toHaveText(/\d+\.\d % SoC/);
  await expect(page.getByRole('figure', { name: /Predicted against true/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('regression.png') });
  await expectNoSeriousA11y(page);
});

test('CSV import: a bad file is refused by name of the problem, a good one trains', async ({ page }) => {
  await gotoLab(page, 'time-series', 'tsTask=classification&tsEpochs=5&tsModel=mlp&tsFeatures=dsp&tsWindow=100&tsStride=50');
  const file = page.getByLabel('Sensor file');
  await file.setInputFiles('e2e/fixtures/time-series-ragged.csv');
  await expect(page.getByRole('alert')).toContainText('Ragged rows: row 3 has 1 values');
  await file.setInputFiles('e2e/fixtures/time-series-two-classes.csv');
  await expect(page.getByRole('heading', { name: 'Imported files' })).toBeVisible();
  await expect(page.getByLabel('Dataset')).toHaveValue('csv');
  await expect(page.getByLabel('Sampling rate (Hz)')).toHaveValue('100');
  await expect(page.getByRole('status', { name: 'Windows', exact: true })).toHaveText(/^\d+$/);
  await expect(page.getByRole('img', { name: /Spectrogram of fast/ })).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const acc = page.getByRole('status', { name: 'Test accuracy', exact: true });
  await expect(acc).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  expect(percentOf(await acc.textContent())).toBeGreaterThan(50);
  await expectNoSeriousA11y(page);
});

test('Stop ends a long run and keeps the page usable', async ({ page }) => {
  await gotoLab(page, 'time-series', 'tsTask=classification&tsDataset=motor&tsEpochs=100&tsRecordings=12&tsSeconds=2&tsRate=1000&tsWindow=256&tsStride=128');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/Epoch \d+ of 100/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByText(/Stopped after \d+ epochs/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});
