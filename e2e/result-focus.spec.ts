/**
 * Results in view and focused (issue 16) at 1280x720: after Prune, Quantize and Search the results
 * heading is scrolled into the viewport and has the keyboard focus (not <body>). Small, fast settings:
 * a 1-epoch MLP baseline, one-shot pruning, PTQ on 200 calibration digits, a 2-candidate search.
 */
import { test, expect, gotoLab } from './fixtures';

const NAS_SMALL = 'nasBlocks=1,2&nasWidths=4,8&nasKernels=3&nasHeads=0&nasEpochs=1&nasSubset=300&nasSeed=7&nasTime=0&nasZeroCost=true';

test('the results heading is in view and focused after Prune, Quantize and Search', async ({ page }) => {
  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=50&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after');
  await page.getByLabel('Baseline model').selectOption('mlp');
  await page.getByLabel('Baseline epochs').selectOption('1');
  await page.getByRole('button', { name: 'Train a baseline here', exact: true }).click();
  const prune = page.getByRole('button', { name: 'Prune', exact: true });
  await expect(prune).toBeEnabled({ timeout: 150_000 });
  await prune.click();
  const pruned = page.getByRole('region', { name: 'Pruning results' }).getByRole('heading', { level: 2, name: /^Result: 50 %/ });
  await expect(pruned).toBeFocused({ timeout: 120_000 });
  await expect(pruned).toBeInViewport();

  await gotoLab(page, 'quantization', 'qWeightBits=8&qActivationBits=8&qScheme=asymmetric&qGranularity=per-tensor&qCalibration=minmax&qCalibrationSamples=200');
  const quantize = page.getByRole('button', { name: 'Quantize (PTQ)', exact: true });
  await expect(quantize).toBeEnabled({ timeout: 60_000 });
  await quantize.click();
  const quantized = page.getByRole('region', { name: 'Quantization results' }).getByRole('heading', { level: 2, name: 'Results' });
  await expect(quantized).toBeFocused({ timeout: 120_000 });
  await expect(quantized).toBeInViewport();

  await gotoLab(page, 'nas', `${NAS_SMALL}&nasStrategy=random&nasCandidates=2&nasFinalEpochs=0&nasLatency=20&nasRam=100&nasFlash=500`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const searched = page.getByRole('heading', { level: 2, name: 'Search results' });
  await expect(searched).toBeFocused({ timeout: 150_000 });
  await expect(searched).toBeInViewport();
  await expect(page.getByRole('status', { name: 'Candidates evaluated' })).toHaveText('2 of 2');
});
