import { test, expect, gotoLab } from './fixtures';

// Hand-edited links: a task alone brings its dataset's own signal defaults, and settings that would
// simulate tens of millions of samples are refused with the fix named (the worker once sat in
// "Preparing windows…" until the hang detector stopped it).

test('a link with only tsTask=regression runs the battery at its own 1 Hz and trains', async ({ page }) => {
  await gotoLab(page, 'time-series', 'tsTask=regression&tsEpochs=2');
  await expect(page.getByLabel('Dataset')).toHaveValue('battery');
  await expect(page.getByLabel('Sampling rate (Hz)')).toHaveValue('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'R²', exact: true })).toHaveText(/-?\d+\.\d+/, { timeout: 120_000 });
});

test('the battery at 1000 Hz is refused with a message naming the fix; the page stays usable', async ({ page }) => {
  await gotoLab(page, 'time-series', 'tsTask=regression&tsDataset=battery&tsRate=1000&tsEpochs=2');
  await expect(page.getByLabel('Sampling rate (Hz)')).toHaveValue('1000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/lower the sampling rate \(this dataset's default is 1 Hz\)/).first()).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Sampling rate (Hz)').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'R²', exact: true })).toHaveText(/-?\d+\.\d+/, { timeout: 120_000 });
});
