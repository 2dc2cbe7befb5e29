import { test, expect, gotoLab, percentOf } from './fixtures';

/** Technique depth (issue 19): criteria as defined, 2:4 sparsity, weight clustering. */
test('prunes with the papers\' criteria and 2:4, then clusters the baseline (Deep Compression)', async ({ page }) => {
  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=50&prGranularity=structured&prScope=local&prCriterion=taylor-group&prWhen=after');
  await page.getByLabel('Baseline model').selectOption('mlp');
  await page.getByLabel('Baseline epochs').selectOption('1');
  await page.getByRole('button', { name: 'Train a baseline here' }).click();
  const pruneButton = page.getByRole('button', { name: 'Prune', exact: true });
  await expect(pruneButton).toBeEnabled({ timeout: 150_000 });
  const results = page.getByRole('region', { name: 'Pruning results' });
  const criterion = page.getByLabel('Criterion', { exact: true });

  for (const name of ['Taylor, group (Molchanov 2019)', 'Taylor, activation (Molchanov 2017)', 'APoZ', 'Optimal Brain Damage']) {
    await criterion.selectOption({ label: name });
    await pruneButton.click();
    await expect(results.getByRole('heading', { name: new RegExp(`Result: 50 % structured local ${await criterion.inputValue()},`) })).toBeVisible({ timeout: 120_000 });
    await expect(results.getByRole('status', { name: 'Sparsity' })).toHaveText('50.0 %');
    expect(percentOf(await results.getByRole('status', { name: 'Test accuracy' }).textContent())).toBeGreaterThan(10);
  }

  // 2:4: half the weights, the 2:4 storage row, and the note that no NXP part accelerates it.
  await page.getByLabel('Granularity', { exact: true }).selectOption({ label: 'N:M (2:4)' });
  await criterion.selectOption({ label: 'Magnitude |w|' });
  await pruneButton.click();
  await expect(results.getByRole('heading', { name: /Result: 50 % nm/ })).toBeVisible({ timeout: 120_000 });
  await expect(results.getByRole('status', { name: 'Sparsity' })).toHaveText('50.0 %');
  await expect(results.getByRole('row', { name: /2:4 \(int8 values \+ 2-bit indices\)/ })).toContainText('KB');
  await expect(results.getByText(/No NXP part accelerates it today/)).toBeVisible();

  // Weight clustering on the same saved baseline.
  await gotoLab(page, 'quantization', 'qClusters=16&qClusterPrune=80&qClusterEpochs=1&qClusterCodebook=int8');
  const cluster = page.getByRole('button', { name: 'Cluster', exact: true });
  await expect(cluster).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByLabel('Clusters', { exact: true })).toHaveValue('16');
  await cluster.click();
  const panel = page.getByRole('region', { name: 'Weight clustering' });
  const ratio = panel.getByRole('status', { name: 'Compression ratio' });
  await expect(ratio).toHaveText(/\d+\.\dx \(gzip \d+\.\dx\)/, { timeout: 180_000 });
  const [packed, gz] = [...((await ratio.textContent()) ?? '').matchAll(/(\d+\.\d)x/g)].map((m) => Number(m[1]));
  expect(packed).toBeGreaterThan(8);
  expect(gz).toBeGreaterThan(8);
  expect(percentOf(await panel.getByRole('status', { name: 'Clustered accuracy' }).textContent())).toBeGreaterThan(70);
  await expect(panel.getByText(/Distinct non-zero values per kernel/)).toBeVisible();
  await panel.screenshot({ path: 'test-results/techniques-cluster.png' });
});
