import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab, percentOf } from './fixtures';

// The zoo teacher CNN takes minutes to train on CI, so the e2e run uses the Train lab's baseline
// (an MLP trained for one epoch) as the teacher; the page and the worker path are the same.
test('distils for one epoch, shows all three accuracies, redraws soft targets with T, and stops mid-run', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });

  await gotoLab(page, 'distillation', 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=500&kdLeaveOut=3&kdShifts=0&kdEpochs=1&kdSeed=1&kdDigit=3');
  for (const label of ['Teacher', 'Student', 'Temperature', 'Alpha', 'Transfer set size', 'Leave out digit', 'Epochs']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Train teacher', exact: true })).toHaveCount(0); // only for the zoo teacher
  const results = page.getByRole('region', { name: 'Distillation results' });
  await expect(results.getByRole('status', { name: 'Teacher accuracy' })).toHaveText(/\d+\.\d %/, { timeout: 60_000 });
  await expect(results.getByRole('status', { name: 'Size ratio' })).toHaveText(/4\.3× fewer parameters/);

  // Distill for one epoch: both students finish and report their accuracy.
  await page.getByRole('button', { name: 'Distill', exact: true }).click();
  await expect(results.getByRole('status', { name: 'Scratch student accuracy' })).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Distill', exact: true })).toBeEnabled();
  const teacher = percentOf(await results.getByRole('status', { name: 'Teacher accuracy' }).textContent());
  const distilled = percentOf(await results.getByRole('status', { name: 'Distilled student accuracy' }).textContent());
  const scratch = percentOf(await results.getByRole('status', { name: 'Scratch student accuracy' }).textContent());
  expect(teacher).toBeGreaterThan(80);
  expect(distilled).toBeGreaterThan(30);
  expect(scratch).toBeGreaterThan(30);
  // Digit 3 was left out: the scratch student has never seen one and gets none right.
  await expect(results.getByRole('status', { name: 'Scratch student on test 3s' })).toHaveText(/^0\.0 % \(0 of \d+\)/);
  await expect(results.getByRole('status', { name: 'Transfer set' })).toHaveText(/500 samples, none of them a 3/);
  await expect(page.getByText(/Test accuracy per epoch/)).toBeVisible();

  // Soft targets: a higher temperature flattens the teacher's distribution — the bars change.
  const soft = page.getByRole('region', { name: 'Soft targets' });
  await expect(soft.getByRole('img', { name: /a 3$/ })).toBeVisible();
  const entropy = soft.getByRole('status', { name: 'Entropy at T = 4' });
  await expect(entropy).toHaveText(/bits/);
  const bitsAt = async (t: number) => Number((await soft.getByRole('status', { name: `Entropy at T = ${t}` }).textContent())!.split(' ')[0]);
  const bars = () => soft.locator('.recharts-bar-rectangle path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  const before = await bars();
  const e4 = await bitsAt(4);
  const slider = page.getByLabel('Temperature', { exact: true });
  await slider.focus();
  for (let i = 0; i < 6; i++) await slider.press('ArrowRight');
  await expect(slider).toHaveValue('10');
  await expect(soft.getByRole('status', { name: 'Entropy at T = 10' })).toBeVisible();
  expect(await bitsAt(10)).toBeGreaterThan(e4);
  expect(await bars()).not.toEqual(before);

  // Stop mid-run: a long run ends at once and keeps what it has.
  // (60 epochs over 500 images and 8 shifted copies of each: minutes of work if not stopped.)
  await page.getByLabel('Epochs', { exact: true }).fill('60');
  await page.getByLabel('Shifted copies', { exact: true }).selectOption('8');
  await page.getByRole('button', { name: 'Distill', exact: true }).click();
  const progress = page.getByRole('status', { name: 'Progress' });
  await expect(progress).toContainText('Training the distilled student', { timeout: 60_000 });
  const stopButton = page.getByRole('button', { name: 'Stop', exact: true });
  await expect(stopButton).toBeEnabled();
  await stopButton.click();
  await expect(progress).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Distill', exact: true })).toBeEnabled();
  await expect(page.getByText(/Stopped: the results show the students/)).toBeVisible();
  await expect(results.getByRole('status', { name: 'Distilled student accuracy' })).toHaveText(/\d+\.\d %/);

  const axe = await new AxeBuilder({ page }).include('.distillation-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
