import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, gotoLab, percentOf } from './fixtures';

const TRAIN = 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42';

async function trainOnce(page: Page): Promise<number> {
  await gotoLab(page, 'train', TRAIN);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });
  return percentOf(await page.getByRole('status', { name: 'Test accuracy' }).textContent());
}

const table = (page: Page) => page.getByRole('table', { name: 'Model versions' });
const rows = (page: Page) => table(page).locator('tbody tr');
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole('rowheader', { name, exact: true }) });
const cell = (page: Page, name: string, output: string) => row(page, name).getByRole('status', { name: output });

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).include('.models-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('train → prune → save → quantize the pruned version → save; the shelf keeps all three through reload, export, delete and import', async ({ page }) => {
  const trained = await trainOnce(page); // saved to the shelf automatically

  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=80&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after');
  await expect(page.getByLabel('Start from')).toContainText('MLP');
  await page.getByRole('button', { name: 'Prune', exact: true }).click();
  const pr = page.getByRole('region', { name: 'Pruning results' });
  await expect(pr.getByRole('status', { name: 'Sparsity' })).toHaveText('80.0 %', { timeout: 120_000 });
  const prunedAcc = percentOf(await pr.getByRole('status', { name: 'Test accuracy' }).textContent());
  await expect(page.getByLabel('Version name')).toHaveValue(/pruned 80 %/);
  const prunedName = await page.getByLabel('Version name').inputValue();
  await page.getByRole('button', { name: 'Save to shelf', exact: true }).click();
  await expect(page.getByText(/^Saved “.*” to the shelf\.$/)).toBeVisible();

  await gotoLab(page, 'quantization', 'qWeightBits=8&qActivationBits=8&qScheme=asymmetric&qGranularity=per-channel&qCalibration=minmax&qCalibrationSamples=200');
  const start = page.getByLabel('Start from');
  await start.selectOption((await start.locator('option').filter({ hasText: `${prunedName} ·` }).first().getAttribute('value'))!);
  const qr = page.getByRole('region', { name: 'Quantization results' });
  await expect(qr.getByRole('status', { name: 'Float accuracy' })).toHaveText(/\d+\.\d\d %/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Quantize (PTQ)', exact: true }).click();
  await expect(qr.getByRole('status', { name: 'Integer-only accuracy' })).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  const intAcc = percentOf(await qr.getByRole('status', { name: 'Integer-only accuracy' }).textContent());
  await expect(page.getByLabel('Version name')).toHaveValue(/pruned 80 % · int8$/);
  const quantName = await page.getByLabel('Version name').inputValue();
  await page.getByRole('button', { name: 'Save to shelf', exact: true }).click();
  await expect(page.getByText(/^Saved “.*” to the shelf\.$/)).toBeVisible();

  await gotoLab(page, 'models');
  await expect(rows(page)).toHaveCount(3);
  const rootName = (await rows(page).first().getByRole('rowheader').textContent())!.trim();
  const check = async () => {
    await expect(row(page, prunedName).locator('td').first()).toHaveText(rootName);
    await expect(row(page, quantName).locator('td').first()).toHaveText(prunedName);
    expect(Math.abs(percentOf(await cell(page, rootName, 'Test accuracy').textContent()) - trained)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(percentOf(await cell(page, prunedName, 'Test accuracy').textContent()) - prunedAcc)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(percentOf(await cell(page, quantName, 'Test accuracy').textContent()) - intAcc)).toBeLessThanOrEqual(0.1);
    await expect(cell(page, quantName, 'Flash')).toHaveText(/\d+(\.\d+)? KB/);
    await expect(cell(page, quantName, 'Latency')).toHaveText(/\d ms/);
  };
  await check();
  await expect(page.getByRole('list', { name: 'Lineage tree' }).getByRole('listitem')).toHaveCount(3);

  // Compare all three: the scatter and its Pareto front.
  for (const n of [rootName, prunedName, quantName]) await page.getByLabel(`Select ${n}`, { exact: true }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.screenshot({ path: test.info().outputPath('models-compare.png') });
  await expect(page.getByRole('img', { name: /Test accuracy against Flash .* for 3 versions; Pareto front: / })).toBeVisible();
  await axeClean(page);

  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  await check();

  // Export, delete everything (with an undo on the way), import: all three come back with their lineage.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export shelf', exact: true }).click();
  const file = await (await download).path();
  await row(page, quantName).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(rows(page)).toHaveCount(3);
  for (const n of [quantName, prunedName, rootName]) {
    await row(page, n).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(row(page, n)).toHaveCount(0);
  }
  await expect(page.getByText(/The shelf is empty/)).toBeVisible();
  await page.getByLabel('Shelf file').setInputFiles(file);
  await expect(page.getByText(/^Imported 3 versions/)).toBeVisible();
  await check();

  // A foreign file imports nothing and says why.
  await page.getByLabel('Shelf file').setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x","version":"1.0.0"}') });
  await expect(page.getByRole('alert').filter({ hasText: /not a TinyML Lab shelf file/ })).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
});

test('a pipeline run (prune 80 % → int8) saves each intermediate with its parent and progress per step', async ({ page }) => {
  await trainOnce(page);
  await gotoLab(page, 'models');
  await expect(rows(page)).toHaveCount(1);
  const root = (await rows(page).first().getByRole('rowheader').textContent())!.trim();
  await page.getByLabel('Pipeline sparsity (%)').fill('80');
  await page.getByLabel('Fine-tune epochs').fill('0');
  await page.getByRole('button', { name: 'Run pipeline', exact: true }).click();
  await expect(page.getByText(/^Done: 2 versions saved to the shelf\.$/)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('list', { name: 'Pipeline progress' }).getByRole('listitem')).toHaveCount(2);
  await expect(rows(page)).toHaveCount(3);
  await expect(row(page, `${root} · pruned 80 %`).locator('td').first()).toHaveText(root);
  await expect(row(page, `${root} · pruned 80 % · int8`).locator('td').first()).toHaveText(`${root} · pruned 80 %`);
  expect(percentOf(await cell(page, `${root} · pruned 80 % · int8`, 'Test accuracy').textContent())).toBeGreaterThan(50);
});

test('storage full: the version stays usable for the session and a notice names the usage and offers export or delete', async ({ page, baseURL }) => {
  await gotoLab(page, 'models');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 20_000 });
  await trainOnce(page);
  await gotoLab(page, 'models');
  await expect(rows(page)).toHaveCount(1);
  const alert = page.locator('.models-page').getByRole('alert');
  await expect(alert).toHaveText(/storage is full \([\d.]+ MB used.*Export the shelf.*delete versions/);
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(/storage is full/);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin });
});

test('no IndexedDB (private window): the app works, says models are not kept, and forgets on reload', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await gotoLab(page, 'models');
  await expect(page.getByText(/Models cannot be kept in this browser/).first()).toBeVisible();
  await trainOnce(page);
  await gotoLab(page, 'models');
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(page.getByText(/The shelf is empty/)).toBeVisible();
});
