/**
 * Issue 16, links for a class: an instructor's lab link opened in a fresh browser (no baseline) shows
 * the lab's own controls, disabled, holding the link's values, under "No baseline yet", with the
 * link's baseline recipe; the device panel names its default model and sits above the guide at
 * 800 px; a challenge scores the student's current model (the lab's latest result or the baseline).
 */
import { test, testWithBaseline, expect, gotoLab } from './fixtures';

test("a deep link in a fresh browser shows each lab's own configured controls, disabled, with its baseline recipe", async ({ page, browser, baseURL }) => {
  await gotoLab(page, 'pruning', 'prTarget=70&prGranularity=structured&prCriterion=taylor&prFineTune=2&blModel=lenet5&blEpochs=1&blSeed=7');
  const gate = page.getByRole('region', { name: 'No baseline yet' });
  // The Pruning lab's own fields (the same components and names as with a baseline), disabled.
  const target = gate.getByRole('spinbutton', { name: 'Target sparsity' });
  await expect(target).toHaveValue('70');
  await expect(target).toBeDisabled();
  await expect(gate.getByRole('combobox', { name: 'Granularity' })).toHaveValue('structured');
  await expect(gate.getByRole('combobox', { name: 'Granularity' })).toBeDisabled();
  await expect(gate.getByRole('combobox', { name: 'Criterion' })).toHaveValue('taylor');
  await expect(gate.getByRole('spinbutton', { name: 'Fine-tune epochs' })).toHaveValue('2');
  // Settings the link leaves alone show their defaults, and the lab's actions are not offered yet.
  await expect(gate.getByRole('combobox', { name: 'When to prune' })).toHaveValue('after');
  await expect(page.getByRole('button', { name: 'Prune', exact: true })).toHaveCount(0);
  // The recipe: the link's model, epochs and seed are what "Train a baseline here" will run.
  await expect(gate.getByLabel('Baseline model')).toHaveValue('lenet5');
  await expect(gate.getByLabel('Baseline epochs')).toHaveValue('1');
  await expect(gate.getByRole('spinbutton', { name: 'Baseline seed' })).toHaveValue('7');
  await expect(gate.getByLabel('Baseline recipe')).toContainText('LeNet-5');
  await expect(gate.getByRole('button', { name: 'Train a baseline here', exact: true })).toBeEnabled();
  // With no baseline the device panel says which model it shows.
  await expect(page.getByRole('complementary', { name: 'Device panel' })).toContainText('LeNet-5 (default)');

  await gotoLab(page, 'quantization', 'qWeightBits=4&qGranularity=per-tensor&qQatEpochs=3');
  const qGate = page.getByRole('region', { name: 'No baseline yet' });
  await expect(qGate.getByRole('combobox', { name: 'Weight bits' })).toHaveValue('4');
  await expect(qGate.getByRole('combobox', { name: 'Weight bits' })).toBeDisabled();
  await expect(qGate.getByRole('combobox', { name: 'Granularity' })).toHaveValue('per-tensor');
  await expect(qGate.getByRole('spinbutton', { name: 'QAT epochs' })).toHaveValue('3');
  await expect(qGate.getByRole('spinbutton', { name: 'QAT epochs' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Quantize (PTQ)', exact: true })).toHaveCount(0);

  // Deploy shows its controls anyway: with nothing to export they hold the link's values, disabled.
  await gotoLab(page, 'deploy', 'dpCalibration=300&dpTestVectors=20');
  await expect(page.getByRole('region', { name: 'No baseline yet' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Calibration images' })).toHaveValue('300');
  await expect(page.getByRole('spinbutton', { name: 'Calibration images' })).toBeDisabled();
  await expect(page.getByRole('spinbutton', { name: 'Test vectors' })).toHaveValue('20');
  await expect(page.getByRole('spinbutton', { name: 'Test vectors' })).toBeDisabled();

  // Distillation needs a baseline only when the link's teacher is the baseline.
  await gotoLab(page, 'distillation', 'kdTeacher=baseline&blEpochs=3');
  const kdGate = page.getByRole('region', { name: 'No baseline yet' });
  await expect(kdGate.getByLabel('Baseline epochs')).toHaveValue('3');
  await expect(page.getByLabel('Teacher', { exact: true })).toHaveValue('baseline');

  // Without a recipe (another fresh browser) the panel offers the Train page's defaults.
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await gotoLab(other, 'quantization');
  const plain = other.getByRole('region', { name: 'No baseline yet' });
  await expect(plain.getByLabel('Baseline model')).toHaveValue('mlp');
  await expect(plain.getByLabel('Baseline epochs')).toHaveValue('5');
  await expect(plain.getByRole('spinbutton', { name: 'Baseline seed' })).toHaveValue('42');
  await fresh.close();
});

test('at 800 px the device panel sits above the guide, and its model select shows whole names', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await gotoLab(page, 'pruning');
  const panel = page.getByRole('complementary', { name: 'Device panel' });
  await expect(panel.getByRole('heading', { level: 2, name: 'Device' })).toBeVisible();
  const guideHeading = page.locator('.guide h2').first();
  await expect(guideHeading).toBeAttached();
  const panelBox = await panel.boundingBox();
  const guideBox = await guideHeading.boundingBox();
  expect(panelBox!.y).toBeLessThan(guideBox!.y);
  // The baseline recipe's model select is wide enough for its longest option at 800 and 1280 px.
  for (const width of [800, 1280]) {
    await page.setViewportSize({ width, height: 720 });
    const select = page.getByRole('region', { name: 'No baseline yet' }).getByLabel('Baseline model');
    await select.selectOption('mlp');
    const clipped = await select.evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.style.position = 'absolute';
      probe.textContent = el.options[el.selectedIndex].text;
      document.body.append(probe);
      const text = probe.getBoundingClientRect().width;
      probe.remove();
      return text > el.clientWidth - 24; // 24 px: padding and the arrow
    });
    expect(clipped, `Baseline model select at ${width} px`).toBe(false);
  }
});

testWithBaseline("a challenge passes with the lab's pruned model that meets it and fails with the baseline that does not", async ({ page }) => {
  // The 1-epoch MLP baseline is ~140 KB of flash with the runtime (int8): over this 120 KB budget.
  // Removing half of its units leaves a dense model of about 80 KB.
  await gotoLab(page, 'pruning', 'challenge=target:mcxn947,flash:120,acc:80&prGranularity=structured&prScope=global&prNormalise=none&prCriterion=magnitude&prWhen=after&prTarget=50&prFineTune=1&prSeed=1');
  const challenge = page.getByRole('region', { name: 'Challenge', exact: true });
  const pick = challenge.getByRole('combobox', { name: 'Model to score' });
  await expect(pick).toHaveValue('baseline');
  await expect(challenge.getByRole('status', { name: 'Result' })).toHaveText('fail');
  await expect(challenge.getByRole('row', { name: /Flash with runtime/ })).toContainText('✗ no');

  await expect(page.getByRole('button', { name: 'Prune', exact: true })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Prune', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Pruning results' }).getByRole('status', { name: 'Sparsity' })).toHaveText('50.0 %', { timeout: 120_000 });
  // The new model is scored at once: the lab's latest result, with its own numbers.
  await expect(pick).toHaveValue('latest');
  await expect(pick.locator('option:checked')).toContainText('pruned 50 % units');
  await expect(challenge.getByRole('status', { name: 'Result' })).toHaveText('pass');
  const flashRow = challenge.getByRole('row', { name: /Flash with runtime/ });
  await expect(flashRow).toContainText('✓ yes');
  const kb = Number(/([\d.]+) KB/.exec((await flashRow.locator('td').nth(1).textContent()) ?? '')?.[1]);
  expect(kb).toBeLessThanOrEqual(120);
  await expect(challenge.getByRole('row', { name: /Test accuracy/ })).toContainText('✓ yes');

  // Picking the baseline again scores it again: fail.
  await pick.selectOption('baseline');
  await expect(challenge.getByRole('status', { name: 'Result' })).toHaveText('fail');
});
