import { test, expect, gotoLab, percentOf } from './fixtures';

// The smallest classification run e2e/time-series.spec.ts uses, with 1 epoch.
const SMALL_MOTOR = 'tsTask=classification&tsDataset=motor&tsRate=500&tsWindow=128&tsStride=64&tsRecordings=3&tsSeconds=1&tsEpochs=1&tsSeed=2';

test('a time-series run goes onto the shelf: Save to shelf → #/models lists it with its metric and task; MNIST labs do not offer it', async ({ page }) => {
  await gotoLab(page, 'time-series', SMALL_MOTOR);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const acc = page.getByRole('status', { name: 'Test accuracy', exact: true });
  await expect(acc).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  const accuracy = percentOf(await acc.textContent());

  const name = page.getByLabel('Version name');
  await expect(name).toHaveValue('1-D CNN · motor modes');
  await name.fill('Motor CNN (e2e)');
  await page.getByRole('button', { name: 'Save to shelf' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Motor CNN (e2e)” to the shelf.' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('time-series-save.png') });
  // Change a setting after saving: "Open in lab" must bring back the run's own settings.
  await page.getByLabel('Window length').fill('200');
  await expect(page.getByLabel('Window length')).toHaveValue('200');

  await gotoLab(page, 'models');
  const row = page.getByRole('table', { name: 'Model versions' }).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Motor CNN (e2e)', exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('time series · classification · motor modes');
  // Its own stored accuracy (on motor windows), not an MNIST evaluation.
  expect(percentOf(await row.getByRole('status', { name: 'Test accuracy' }).textContent())).toBeCloseTo(accuracy, 1);
  await expect(row.getByRole('status', { name: 'Flash' })).toHaveText(/\d/);
  await expect(row.getByRole('status', { name: 'Latency' })).toHaveText(/\d/);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('models.png') });

  // "Open in lab" takes it back to the Time-series lab with the run's settings (not into an image lab).
  await row.getByRole('button', { name: 'Open in lab' }).click();
  await expect(page).toHaveURL(/#\/time-series\?/);
  await expect(page.getByLabel('Window length')).toHaveValue('128');

  // The image labs work on MNIST: their "Start from" does not list it, and says why.
  await gotoLab(page, 'pruning');
  const startFrom = page.getByLabel('Start from');
  await expect(startFrom).not.toContainText('Motor CNN (e2e)');
  await page.screenshot({ path: test.info().outputPath('pruning.png') });
  await expect(page.getByText(/Not listed: “Motor CNN \(e2e\)” \(a time-series model \(classification, motor modes\) needs its own data/)).toBeVisible();
});
