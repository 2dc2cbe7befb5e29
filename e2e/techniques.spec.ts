import { test, expect, gotoLab, percentOf } from './fixtures';

/** Technique depth (issue 19): criteria as defined, 2:4 sparsity, weight clustering. */
test('prunes with the papers\' criteria and 2:4, then clusters the baseline (Deep Compression)', async ({ page }) => {
  test.setTimeout(480_000); // one baseline, then eight engine jobs in a row
  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=50&prGranularity=structured&prScope=local&prCriterion=taylor-group&prWhen=after');
  await page.getByLabel('Baseline model').selectOption('mlp');
  await page.getByLabel('Baseline epochs').selectOption('1');
  await page.getByRole('button', { name: 'Train a baseline here', exact: true }).click();
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

  // Cost-aware global structured pruning: the MACs each layer lost are listed.
  await page.getByLabel('Granularity', { exact: true }).selectOption('structured');
  await page.getByLabel('Scope', { exact: true }).selectOption('global');
  await page.getByLabel('Normalisation', { exact: true }).selectOption({ label: 'Per-layer L2, per MAC saved' });
  await pruneButton.click();
  await expect(results.getByText(/MACs [\d,]+ → [\d,]+ \([\d,]+ removed\)/).first()).toBeVisible({ timeout: 120_000 });
  await page.getByLabel('Granularity', { exact: true }).selectOption('unstructured');

  // Lottery tickets: 2 rounds to 80 % with rewinding, one line on the chart.
  await page.getByLabel('Target sparsity', { exact: true }).fill('80');
  await page.getByLabel('Rounds', { exact: true }).fill('2');
  await page.getByLabel('Reset weights', { exact: true }).selectOption({ label: 'Rewind' });
  await page.getByRole('button', { name: 'Run rounds', exact: true }).click();
  const lottery = page.getByRole('region', { name: 'Iterative pruning and lottery tickets' });
  await expect(lottery.getByRole('status', { name: 'Accuracy after the last round (rewind)' })).toHaveText(/\d+\.\d\d %/, { timeout: 180_000 });
  await expect(lottery.getByText('Test accuracy after each round, by weight reset')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run rounds', exact: true })).toBeEnabled({ timeout: 120_000 });
  await lottery.screenshot({ path: 'test-results/techniques-lottery.png' });

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

  // KL-divergence calibration runs the PTQ path.
  await page.getByLabel('Calibration', { exact: true }).selectOption({ label: 'KL divergence' });
  await page.getByRole('button', { name: 'Quantize (PTQ)', exact: true }).click();
  const qres = page.getByRole('region', { name: 'Quantization results' });
  await expect(qres.getByRole('status', { name: 'Integer-only accuracy' })).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  expect(percentOf(await qres.getByRole('status', { name: 'Quantized accuracy' }).textContent())).toBeGreaterThan(70);
});

test('finds the bias that brings back the left-out digit (Hinton et al. 2015, §3)', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });
  await gotoLab(page, 'distillation', 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=1000&kdLeaveOut=3&kdShifts=0&kdEpochs=2&kdSeed=1&kdBias=0');
  await page.getByRole('button', { name: 'Distill', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Bias adjustment' });
  await expect(panel.getByLabel('Bias adjustment', { exact: true })).toBeVisible({ timeout: 150_000 });
  await panel.getByRole('button', { name: 'Find best bias', exact: true }).click();
  const after = panel.getByRole('status', { name: 'Left-out digit accuracy', exact: true });
  await expect(after).toHaveText(/\d+\.\d %/, { timeout: 60_000 });
  const before = percentOf(await panel.getByRole('status', { name: 'Left-out digit accuracy before' }).textContent());
  expect(percentOf(await after.textContent())).toBeGreaterThan(before);
  const delta = Number(await panel.getByLabel('Bias adjustment', { exact: true }).inputValue());
  expect(delta).toBeGreaterThan(0);
  // δ = 0 by hand restores the student: the left-out accuracy returns to its value before.
  await panel.getByLabel('Bias adjustment', { exact: true }).fill('0');
  await expect(after).toHaveText(new RegExp(`^${before.toFixed(1)} %`));
  await panel.screenshot({ path: 'test-results/techniques-bias.png' });
});

test('16x8 integer engine, the device panel\'s 16x8 and int4 notes, and the mixed-precision front', async ({ page }) => {
  test.setTimeout(360_000);
  await gotoLab(page, 'quantization', 'qWeightBits=8&qActivationBits=16&qScheme=symmetric&qGranularity=per-channel&qCalibration=minmax&qCalibrationSamples=200');
  await page.getByLabel('Baseline model').selectOption('mlp');
  await page.getByLabel('Baseline epochs').selectOption('1');
  await page.getByRole('button', { name: 'Train a baseline here', exact: true }).click();
  const ptq = page.getByRole('button', { name: 'Quantize (PTQ)', exact: true });
  await expect(ptq).toBeEnabled({ timeout: 150_000 });
  await expect(page.getByText(/16x8: int16 activations, symmetric \(zero point 0\)/)).toBeVisible();

  // 16-bit activations with int8 weights run on the integer engine (no "n/a").
  await ptq.click();
  const results = page.getByRole('region', { name: 'Quantization results' });
  await expect(results.getByRole('status', { name: 'Integer-only accuracy' })).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  const q = percentOf(await results.getByRole('status', { name: 'Quantized accuracy' }).textContent());
  const int = percentOf(await results.getByRole('status', { name: 'Integer-only accuracy' }).textContent());
  expect(Math.abs(int - q)).toBeLessThanOrEqual(0.5);

  // Device panel: the 16x8 variant, and which engines run it on the chosen target.
  await page.getByLabel('Target', { exact: true }).selectOption('imx93');
  const v16 = page.getByRole('region', { name: '16x8 (int16 activations)' });
  await expect(v16.getByRole('list', { name: /where it runs/ })).toContainText('Ethos-U65-256 takes 16-bit activations');
  await page.getByLabel('Target', { exact: true }).selectOption('mcxn947');
  await expect(v16.getByRole('list', { name: /where it runs/ })).toContainText('assumed int8 only');
  await expect(v16.getByRole('status', { name: 'Latency (NPU)' })).toHaveText('n/a');
  const int4 = page.getByRole('region', { name: 'int4 (computed as int8)' });
  await expect(int4.getByRole('list', { name: /where it runs/ })).toContainText('CMSIS-NN s4 kernels');

  // Mixed precision: scan, a Pareto chart, and a front point applied to "Bits per layer".
  await page.getByLabel('Activation bits', { exact: true }).selectOption('8');
  await page.getByRole('button', { name: 'Scan layer sensitivity', exact: true }).click();
  const mixed = page.getByRole('region', { name: 'Mixed precision per layer' });
  await expect(mixed.getByRole('status', { name: 'Pareto configurations' })).toHaveText(/^\d+$/, { timeout: 180_000 });
  expect(Number(await mixed.getByRole('status', { name: 'Pareto configurations' }).textContent())).toBeGreaterThanOrEqual(2);
  await expect(mixed.getByRole('status', { name: 'Most sensitive layer' })).toHaveText(/(fc1|fc2|logits) \(−\d+\.\d\d pp at [24] bit\)/);
  await expect(mixed.getByRole('figure', { name: 'Size–accuracy Pareto chart of bit assignments' })).toBeVisible();
  const use = mixed.getByRole('button', { name: /^Use fc1:\d, fc2:\d, logits:\d$/ }).first();
  const label = ((await use.getAttribute('aria-label')) ?? '').replace('Use ', '');
  await use.click();
  const expected = label.split(', ').filter((p) => !p.endsWith(':8')).join(',');
  await expect(page.getByLabel('Bits per layer', { exact: true })).toHaveValue(expected);
  await mixed.screenshot({ path: 'test-results/techniques-mixed.png' });
});

test('FitNets hint training against plain KD on the same seed', async ({ page }) => {
  test.setTimeout(300_000);
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });
  await gotoLab(page, 'distillation', 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=1000&kdLeaveOut=none&kdShifts=0&kdEpochs=1&kdSeed=1');
  const panel = page.getByRole('region', { name: 'FitNets hint training' });
  await panel.getByLabel('Hint epochs', { exact: true }).fill('1');
  await panel.getByRole('button', { name: 'Compare FitNets with KD', exact: true }).click();
  await expect(panel.getByRole('status', { name: 'FitNets student accuracy' })).toHaveText(/\d+\.\d\d %/, { timeout: 180_000 });
  expect(percentOf(await panel.getByRole('status', { name: 'KD student accuracy' }).textContent())).toBeGreaterThan(50);
  expect(percentOf(await panel.getByRole('status', { name: 'FitNets student accuracy' }).textContent())).toBeGreaterThan(50);
  await expect(panel.getByRole('status', { name: 'Hint layers' })).toHaveText('fc2 (64) ← fc1 (32)');
  await panel.screenshot({ path: 'test-results/techniques-fitnets.png' });
});
