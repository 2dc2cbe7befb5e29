import AxeBuilder from '@axe-core/playwright';
import { testWithBaseline as test, expect, gotoLab, percentOf, type Page } from './fixtures';

const num = (t: string | null) => Number((t ?? '').replace(/[^\d.]/g, ''));
// Fast settings: no fine-tuning, so each prune is one-shot.
const FAST = 'prFineTune=0&prTarget=80&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after';

async function openPruning(page: Page, query = FAST) {
  await gotoLab(page, 'pruning', query);
  const prune = page.getByRole('button', { name: 'Prune', exact: true });
  await expect(prune).toBeEnabled({ timeout: 60_000 });
  const results = page.getByRole('region', { name: 'Pruning results' });
  const macs = async () => num(await results.getByRole('status', { name: 'MACs' }).textContent());
  return { prune, results, macs };
}

test('labels every control and prunes 80 % unstructured: sparsity as asked, same MACs, masks shown', async ({ page }) => {
  const { prune, results, macs } = await openPruning(page);
  for (const label of ['Granularity', 'Scope', 'Criterion', 'When to prune', 'Target sparsity', 'Fine-tune epochs', 'Seed']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  const macsBefore = await macs();
  expect(macsBefore).toBeGreaterThan(100_000);
  await prune.click();
  await expect(results.getByRole('status', { name: 'Sparsity' })).toHaveText('80.0 %', { timeout: 120_000 });
  expect(percentOf(await results.getByRole('status', { name: 'Test accuracy' }).textContent())).toBeGreaterThan(30);
  await expect(results.getByRole('status', { name: 'Accuracy change' })).toHaveText(/-?\+?\d+\.\d\d pp/);
  // Unstructured: the dense model runs the same MACs.
  expect(await macs()).toBe(macsBefore);
  await expect(page.getByRole('img', { name: /^Mask of fc1/ }).first()).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.pruning-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('structured pruning removes whole units: MACs fall with the sparsity', async ({ page }) => {
  const { prune, results, macs } = await openPruning(page, FAST.replace('prTarget=80', 'prTarget=50').replace('unstructured', 'structured'));
  await expect(page.getByLabel('Granularity', { exact: true })).toHaveValue('structured');
  const macsBefore = await macs();
  await prune.click();
  await expect(results.getByRole('status', { name: 'Sparsity' })).toHaveText('50.0 %', { timeout: 120_000 });
  await expect.poll(macs).toBeLessThan(macsBefore * 0.6);
});

test('the sensitivity scan prunes one layer at a time and its result becomes local targets', async ({ page }) => {
  await openPruning(page);
  await page.getByRole('button', { name: 'Run sensitivity scan', exact: true }).click();
  const use = page.getByRole('button', { name: 'Use as local targets', exact: true });
  await expect(use).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(/Test accuracy when one layer is pruned/)).toBeVisible();
  await use.click();
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('local');
  await expect(page.getByLabel(/Target for /).first()).toBeVisible();
});
