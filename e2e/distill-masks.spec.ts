/**
 * A pruned version distilled from stays pruned: train → prune 80 % → save → Distillation "Start from"
 * the pruned version → Distill → "Save to shelf"; the Models page lists the distilled child with the
 * pruned version as parent and the same 80 % zeros (the worker test checks the masks byte by byte).
 */
import type { Page } from '@playwright/test';
import { test, expect, gotoLab } from './fixtures';

const TRAIN = 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42';
const DISTIL = 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=500&kdLeaveOut=none&kdShifts=0&kdEpochs=1&kdSeed=1&kdDigit=3';
const rows = (page: Page) => page.getByRole('table', { name: 'Model versions' }).locator('tbody tr');
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('distilling from a pruned version keeps its sparsity in the saved student', async ({ page }) => {
  await gotoLab(page, 'train', TRAIN);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });

  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=80&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after');
  await page.getByRole('button', { name: 'Prune', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Pruning results' }).getByRole('status', { name: 'Sparsity' })).toHaveText('80.0 %', { timeout: 120_000 });
  const prunedName = await page.getByLabel('Version name').inputValue();
  await page.getByRole('button', { name: 'Save to shelf', exact: true }).click();
  await expect(page.getByText(/^Saved “.*” to the shelf\.$/)).toBeVisible();

  await gotoLab(page, 'distillation', DISTIL);
  const start = page.getByLabel('Start from', { exact: true });
  await start.selectOption((await start.locator('option').filter({ hasText: `${prunedName} ·` }).first().getAttribute('value'))!);
  await expect(page.getByText(/A pruned version stays pruned/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('distill-start.png') });
  const results = page.getByRole('region', { name: 'Distillation results' });
  await page.getByRole('button', { name: 'Distill', exact: true }).click();
  await expect(results.getByRole('status', { name: 'Scratch student accuracy' })).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  await page.getByLabel('Version name', { exact: true }).fill('Distilled pruned MLP');
  const save = page.getByRole('button', { name: 'Save to shelf', exact: true });
  await save.scrollIntoViewIfNeeded();
  await save.click();
  await expect(page.getByText(/^Saved “Distilled pruned MLP” to the shelf\.$/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('distill-saved.png') });

  await gotoLab(page, 'models');
  await expect(row(page, 'Distilled pruned MLP').locator('td').first()).toHaveText(prunedName);
  await expect(row(page, 'Distilled pruned MLP').getByText('80 % zeros')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('models.png') });
});
