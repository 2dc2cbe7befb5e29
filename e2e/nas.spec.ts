import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab, percentOf } from './fixtures';

// A small, fast space and proxy: 1–2 narrow blocks, 1 epoch on 300 digits.
const SMALL = 'nasBlocks=1,2&nasWidths=4,8&nasKernels=3&nasHeads=0&nasEpochs=1&nasSubset=300&nasSeed=7&nasTime=0&nasZeroCost=true';

test('searches 3 candidates, plots them, and "Use this model" sets the baseline', async ({ page }) => {
  await gotoLab(page, 'nas', `${SMALL}&nasStrategy=evolution&nasCandidates=3&nasFinalEpochs=0&nasLatency=20&nasRam=100&nasFlash=500`);
  await expect(page.getByRole('status', { name: 'Space size' })).toHaveText(/\d[\d,]* architectures/);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const evaluated = page.getByRole('status', { name: 'Candidates evaluated' });
  await expect(evaluated).toHaveText('3 of 3', { timeout: 150_000 });
  await expect(page.getByText(/search finished its candidate budget/)).toBeVisible();

  // Three trained points on the scatter (rejected ones, if any, are drawn as extra grey crosses).
  // The scatter is a canvas (CandidateChart.tsx); data-points counts what it drew.
  const chart = page.getByRole('img', { name: /^Scatter of 3 trained and \d+ rejected candidates/ });
  await expect(chart).toBeVisible();
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(3);
  const best = percentOf(await page.getByRole('status', { name: 'Best accuracy' }).textContent());
  expect(best).toBeGreaterThan(20);
  expect(best).toBeLessThanOrEqual(100);
  await expect(page.getByRole('status', { name: 'Best latency' })).toHaveText(/\d+(\.\d+)? ms/);
  await expect(page.getByRole('status', { name: 'Feasible' })).toHaveText(/^3 of \d+ \(\d+ %\)$/);

  // Selecting a row of the table shows that candidate's architecture.
  const firstRow = page.getByRole('table').getByRole('button').first();
  const key = (await firstRow.textContent())!;
  await firstRow.click();
  await expect(page.getByRole('heading', { name: new RegExp(`Candidate ${key}`) })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Architecture' })).toContainText('logits');

  await page.getByRole('button', { name: 'Use this model', exact: true }).click();
  const status = page.getByRole('status', { name: 'Use this model status' });
  await expect(status).toContainText('Saved as the baseline', { timeout: 60_000 });
  await expect(page.getByText(new RegExp(`Baseline: NAS ${key}`))).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.nas-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('Stop ends a search and keeps its results', async ({ page }) => {
  await gotoLab(page, 'nas', `${SMALL}&nasStrategy=random&nasCandidates=40`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const evaluated = page.getByRole('status', { name: 'Candidates evaluated' });
  await expect(evaluated).toHaveText(/^[1-9]\d* of 40$/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByText(/search was stopped/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeEnabled();
  const n = Number((await evaluated.textContent())!.split(' ')[0]);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThan(40);
  expect(Number(await page.locator('.nas-chart canvas').getAttribute('data-points'))).toBeGreaterThanOrEqual(n);
});
