import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab, percentOf } from './fixtures';

const num = (t: string | null) => Number((t ?? '').replace(/[^\d.]/g, ''));

test('trains a baseline here, prunes 80 %, prunes structured with fewer MACs, and scans sensitivity', async ({ page }) => {
  // Fast settings: no fine-tuning, so each prune is one-shot.
  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=80&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after');

  // A fresh browser has no baseline: train a tiny one on the spot.
  await page.getByLabel('Baseline model').selectOption('mlp');
  await page.getByLabel('Baseline epochs').selectOption('1');
  await page.getByRole('button', { name: 'Train a baseline here', exact: true }).click();
  const results = page.getByRole('region', { name: 'Pruning results' });
  const pruneButton = page.getByRole('button', { name: 'Prune', exact: true });
  await expect(pruneButton).toBeEnabled({ timeout: 150_000 });

  // Every control has its visible label.
  for (const label of ['Granularity', 'Scope', 'Criterion', 'When to prune', 'Target sparsity', 'Fine-tune epochs', 'Seed']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }

  const macsBefore = num(await results.getByRole('status', { name: 'MACs' }).textContent());
  expect(macsBefore).toBeGreaterThan(100_000);
  await pruneButton.click();
  await expect(results.getByRole('status', { name: 'Sparsity' })).toHaveText('80.0 %', { timeout: 120_000 });
  const acc = percentOf(await results.getByRole('status', { name: 'Test accuracy' }).textContent());
  expect(acc).toBeGreaterThan(30);
  await expect(results.getByRole('status', { name: 'Accuracy change' })).toHaveText(/-?\+?\d+\.\d\d pp/);
  // Unstructured: the dense model runs the same MACs.
  expect(num(await results.getByRole('status', { name: 'MACs' }).textContent())).toBe(macsBefore);
  await expect(page.getByRole('img', { name: /^Mask of fc1/ }).first()).toBeVisible();

  // Structured 50 %: units really go, MACs fall.
  await page.getByLabel('Granularity', { exact: true }).selectOption('structured');
  await page.getByLabel('Target sparsity', { exact: true }).fill('50');
  await pruneButton.click();
  await expect(results.getByRole('status', { name: 'Sparsity' })).toHaveText('50.0 %', { timeout: 120_000 });
  await expect.poll(async () => num(await results.getByRole('status', { name: 'MACs' }).textContent())).toBeLessThan(macsBefore * 0.6);

  // Sensitivity scan of every included layer.
  await page.getByRole('button', { name: 'Run sensitivity scan', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Use as local targets', exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(/Test accuracy when one layer is pruned/)).toBeVisible();
  await page.getByRole('button', { name: 'Use as local targets', exact: true }).click();
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('local');
  await expect(page.getByLabel(/Target for /).first()).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.pruning-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
