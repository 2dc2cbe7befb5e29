/**
 * The model shelf across tabs and labs: a save in one tab appears in another without reload
 * (BroadcastChannel), two tabs writing the same record at once leave one valid record both agree on;
 * Distillation's "Start from" (student init) / "Teacher version" / "Save to shelf", NAS's seed
 * architecture, the device panel's pinned versions, and Compare on RAM.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, gotoLab, percentOf } from './fixtures';

const TRAIN = 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42';
const rows = (page: Page) => page.getByRole('table', { name: 'Model versions' }).locator('tbody tr');
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function train(page: Page): Promise<void> {
  await gotoLab(page, 'train', TRAIN);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });
}

/** The fixture watches the first page only; a second tab gets the same "no console errors" check. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`console.error: ${m.text()}`)));
  page.on('pageerror', (e) => void errors.push(`page error: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => void (m.type() === 'error' && errors.push(`worker console.error: ${m.text()}`))));
  return errors;
}

async function axeClean(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function optionValue(select: ReturnType<Page['getByLabel']>, text: string): Promise<string> {
  return (await select.locator('option').filter({ hasText: text }).first().getAttribute('value'))!;
}

test('two tabs: a save in one shows on the other without reload; renaming the same version at once leaves one valid record', async ({ page }) => {
  const other = await page.context().newPage();
  const otherErrors = watchErrors(other);
  await gotoLab(other, 'models');
  await expect(other.getByText(/The shelf is empty/)).toBeVisible();

  await train(page); // the Train run is saved in this tab's worker…
  await expect(rows(other)).toHaveCount(1); // …and the other tab's Models page lists it, no reload
  const name = (await rows(other).first().getByRole('rowheader').textContent())!.trim();

  // Both tabs rename the same record at the same moment: the last write wins, both tabs see it.
  await gotoLab(page, 'models');
  for (const [p, text] of [[page, 'Tab A'], [other, 'Tab B']] as const) {
    await row(p, name).getByRole('button', { name: 'Rename', exact: true }).click();
    await p.getByLabel('New name', { exact: true }).fill(text);
  }
  await Promise.all([page, other].map((p) => p.getByRole('button', { name: 'Save name', exact: true }).click()));
  const winner = async (p: Page) => (await rows(p).first().getByRole('rowheader').textContent())!.trim();
  await expect.poll(async () => [await winner(page), await winner(other)].join(' | ')).toMatch(/^(Tab A \| Tab A|Tab B \| Tab B)$/);
  for (const p of [page, other]) {
    await expect(rows(p)).toHaveCount(1);
    await expect(p.getByRole('region', { name: 'Damaged records' })).toHaveCount(0);
  }
  await other.reload(); // what is stored is what both tabs show
  await expect(rows(other)).toHaveCount(1);
  await expect(rows(other).first().getByRole('rowheader')).toHaveText(await winner(page));
  expect(otherErrors).toEqual([]);
  await other.close();
});

test('Distillation starts the student from a shelf version and saves it; NAS seeds its space; pins and Compare on RAM', async ({ page }) => {
  await train(page);
  await gotoLab(page, 'models');
  const root = (await rows(page).first().getByRole('rowheader').textContent())!.trim();
  // The automatic save carries the link that reproduces it.
  await expect(row(page, root).getByRole('link', { name: 'Reproduce' })).toHaveAttribute('href', /^#\/train\?.*epochs=1.*seed=42/);

  await gotoLab(page, 'distillation', 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=500&kdLeaveOut=none&kdShifts=0&kdEpochs=1&kdSeed=1&kdDigit=3');
  await expect(page.getByLabel('Teacher version', { exact: true })).toContainText(root);
  const start = page.getByLabel('Start from', { exact: true });
  await expect(start).toHaveValue(''); // default: a fresh student
  await start.selectOption(await optionValue(start, `${root} ·`));
  const results = page.getByRole('region', { name: 'Distillation results' });
  await expect(results.getByRole('status', { name: 'Size ratio' })).toHaveText(/1\.0×/); // the student is now the version's architecture
  await page.getByRole('button', { name: 'Distill', exact: true }).click();
  await expect(results.getByRole('status', { name: 'Scratch student accuracy' })).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  // Started from a trained model, one epoch on 500 samples keeps it far above chance.
  expect(percentOf(await results.getByRole('status', { name: 'Distilled student accuracy' }).textContent())).toBeGreaterThan(60);
  await expect(page.getByLabel('Version name', { exact: true })).toHaveValue(`${root} · distilled from ${root}`);
  await page.getByLabel('Version name', { exact: true }).fill('Distilled MLP');
  await page.getByRole('button', { name: 'Save to shelf', exact: true }).click();
  await expect(page.getByText(/^Saved “Distilled MLP” to the shelf\.$/)).toBeVisible();
  await axeClean(page, '.kd-shelf');

  await gotoLab(page, 'nas');
  const seed = page.getByLabel('Start from', { exact: true });
  await expect(seed).toHaveValue(''); // optional
  await seed.selectOption(await optionValue(seed, 'Distilled MLP'));
  await expect(page.getByRole('status', { name: 'Seed architecture' })).toContainText('closest architecture');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('nasPools=flatten');

  // Pin the distilled version on the device panel: its column follows to every lab and through a reload.
  await page.getByText('Pin versions', { exact: true }).first().click();
  await page.getByRole('group', { name: 'Pin versions' }).getByRole('checkbox', { name: 'Distilled MLP' }).check();
  await axeClean(page, '.dp-pins');
  const pinned = page.getByRole('region', { name: 'Pinned: Distilled MLP' });
  for (const out of ['Flash', 'RAM', 'Latency (CPU)', 'Energy per inference']) await expect(pinned.getByRole('status', { name: out, exact: true })).toHaveText(/\d/);
  await gotoLab(page, 'models');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Pinned: Distilled MLP' }).getByRole('status', { name: 'Flash', exact: true })).toHaveText(/KB/);
  await page.screenshot({ path: test.info().outputPath('models-pinned.png') });

  await expect(row(page, 'Distilled MLP').locator('td').first()).toHaveText(root);
  await expect(row(page, 'Distilled MLP').getByRole('link', { name: 'Reproduce' })).toHaveAttribute('href', /^#\/distillation\?.*kdTransfer=500/);
  for (const n of [root, 'Distilled MLP']) await page.getByLabel(`Select ${n}`, { exact: true }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByLabel('Compare against', { exact: true }).selectOption('ram');
  await expect(page.getByRole('img', { name: /Test accuracy against RAM on .* \(KB\) for 2 versions/ })).toBeVisible();
});
