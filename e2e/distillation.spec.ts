import AxeBuilder from '@axe-core/playwright';
import { testWithBaseline as test, expect, gotoLab, percentOf, type Page } from './fixtures';

// The zoo teacher CNN takes minutes to train on CI, so the e2e run uses the saved baseline (an MLP
// trained for one epoch, from the fixture) as the teacher; the page and the worker path are the same.
const ONE_EPOCH = 'kdTeacher=baseline&kdStudent=mlp-small&kdWidth=1&kdTemperature=4&kdAlpha=0.9&kdTransfer=500&kdLeaveOut=3&kdShifts=0&kdEpochs=1&kdSeed=1&kdDigit=3';

async function openDistillation(page: Page, query = ONE_EPOCH) {
  await gotoLab(page, 'distillation', query);
  const results = page.getByRole('region', { name: 'Distillation results' });
  await expect(results.getByRole('status', { name: 'Teacher accuracy' })).toHaveText(/\d+\.\d %/, { timeout: 60_000 });
  return results;
}

test('distils for one epoch: teacher, distilled and scratch students, and the left-out digit', async ({ page }) => {
  const results = await openDistillation(page);
  for (const label of ['Teacher', 'Student', 'Temperature', 'Alpha', 'Transfer set size', 'Leave out digit', 'Epochs']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Train teacher', exact: true })).toHaveCount(0); // only for the zoo teacher
  await expect(results.getByRole('status', { name: 'Size ratio' })).toHaveText(/4\.3× fewer parameters/);

  await page.getByRole('button', { name: 'Distill', exact: true }).click();
  await expect(results.getByRole('status', { name: 'Scratch student accuracy' })).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Distill', exact: true })).toBeEnabled();
  const acc = async (name: string) => percentOf(await results.getByRole('status', { name }).textContent());
  expect(await acc('Teacher accuracy')).toBeGreaterThan(80);
  expect(await acc('Distilled student accuracy')).toBeGreaterThan(30);
  expect(await acc('Scratch student accuracy')).toBeGreaterThan(30);
  // Digit 3 was left out: the scratch student has never seen one and gets none right.
  await expect(results.getByRole('status', { name: 'Scratch student on test 3s' })).toHaveText(/^0\.0 % \(0 of \d+\)/);
  await expect(results.getByRole('status', { name: 'Transfer set' })).toHaveText(/500 samples, none of them a 3/);
  await expect(page.getByText(/Test accuracy per epoch/)).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.distillation-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a higher temperature flattens the soft targets: entropy rises and the bars change', async ({ page }) => {
  await openDistillation(page);
  const soft = page.getByRole('region', { name: 'Soft targets' });
  await expect(soft.getByRole('img', { name: /a 3$/ })).toBeVisible();
  await expect(soft.getByRole('status', { name: 'Entropy at T = 4' })).toHaveText(/bits/);
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
});

test('Stop ends a long distillation at once and keeps the students it has', async ({ page }) => {
  // 60 epochs over 500 images and 8 shifted copies of each: minutes of work if not stopped.
  const results = await openDistillation(page, ONE_EPOCH.replace('kdShifts=0', 'kdShifts=8').replace('kdEpochs=1', 'kdEpochs=60'));
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
});
