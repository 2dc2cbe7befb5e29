/**
 * Presenter mode's precomputed results: an instructor prepares a long job before class (a recorded
 * NAS run, a trained teacher), reloads, and in class fills the page from the recording, which says
 * what it is and when the page's settings differ from it. Also: the measured "Teacher training time"
 * and an explicit kdTeacher=zoo link that a saved baseline must not override.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, testWithBaseline, expect, gotoLab } from './fixtures';

const NAS = 'present=1&nasBlocks=1,2&nasWidths=4,8&nasKernels=3&nasHeads=0&nasEpochs=1&nasSubset=300&nasSeed=7&nasTime=0&nasZeroCost=false&nasStrategy=random&nasCandidates=2&nasFinalEpochs=0&nasLatency=20&nasRam=100&nasFlash=500';

test('a NAS run prepared for class survives a reload, names a settings mismatch, and replays as recorded', async ({ page }) => {
  await gotoLab(page, 'nas', NAS);
  const panel = page.getByRole('region', { name: 'Precomputed results' });
  const recorded = panel.getByRole('status', { name: 'Recorded NAS run' });
  await expect(recorded).toHaveText('None yet.');
  await expect(panel.getByRole('button', { name: 'Use recorded NAS run' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Prepare for class' }).click();
  await expect(recorded).toHaveText(/2 trained of \d+ evaluated, best \d+\.\d % — recorded .* on wasm/, { timeout: 150_000 });

  await page.reload();
  await expect(recorded).toHaveText(/2 trained of \d+ evaluated/);
  await expect(page.getByRole('status', { name: 'Recording differs' })).toHaveCount(0);
  // Another seed on the page: the recording says it was made with seed 7, and using it puts 7 back.
  await page.getByLabel('Seed', { exact: true }).fill('8');
  await expect(page.getByRole('status', { name: 'Recording differs' })).toContainText('Seed: recorded 7, page 8');
  await panel.getByRole('button', { name: 'Use recorded NAS run' }).click();
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  await expect(page.getByRole('status', { name: 'Recording differs' })).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Candidates evaluated' })).toHaveText('2 of 2');
  await expect(page.locator('.nas-status')).toHaveText(/^Recorded, not run here: the random search recorded .* on wasm/);
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeFocused();
  await expect(page.getByRole('img', { name: /last values: random #\d+ \(recorded\)/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('presenter-nas-1280.png') });
  const axe = await new AxeBuilder({ page }).include('.precomputed').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test('the teacher: speed measured, prepared for class, and used after a reload with a mismatch named', async ({ page }) => {
  test.setTimeout(400_000);
  await gotoLab(page, 'distillation', 'present=1&kdTeacher=zoo&kdTeacherEpochs=1&kdSeed=1');
  const time = page.getByRole('status', { name: 'Teacher training time' });
  await expect(time).toHaveText(/Not measured yet on wasm/);
  await page.getByRole('button', { name: 'Measure teacher speed' }).click();
  await expect(time).toHaveText(/^About \d+ (s|min) before Distill can start \(1 × .* per epoch, from 4 teacher batches timed just now on wasm/, { timeout: 120_000 });

  const panel = page.getByRole('region', { name: 'Precomputed results' });
  const recorded = panel.getByRole('status', { name: 'Recorded teacher' });
  await panel.getByRole('button', { name: 'Prepare for class' }).click();
  await expect(recorded).toHaveText(/^Teacher CNN.*, \d+\.\d % test accuracy — trained .* for 1 epoch \(seed 1\) on wasm/, { timeout: 300_000 });
  await expect(panel.getByText('In use: the teacher on this page is this recording.')).toBeVisible();

  // In class: another browser session would be the same; here a reload with other teacher settings.
  await gotoLab(page, 'distillation', 'present=1&kdTeacher=zoo&kdTeacherEpochs=3&kdSeed=1');
  await page.reload();
  await expect(recorded).toHaveText(/for 1 epoch/);
  await expect(page.getByRole('status', { name: 'Recording differs' })).toContainText('Teacher epochs: recorded 1, page 3');
  await panel.getByRole('button', { name: 'Use precomputed teacher' }).click();
  await expect(panel.getByText('In use: the teacher on this page is this recording.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Distill', exact: true })).toBeEnabled();
  await expect(page.locator('.baseline-line')).toHaveText(/^Teacher: Teacher CNN.*\d+\.\d % test accuracy/);
  await page.screenshot({ path: test.info().outputPath('presenter-teacher-1280.png') });
});

testWithBaseline('an explicit kdTeacher=zoo link wins over the saved baseline; only the default falls back', async ({ page }) => {
  await gotoLab(page, 'distillation');
  const teacher = page.getByLabel('Teacher', { exact: true });
  // The default falls back to the saved baseline (and says so).
  await expect(page.getByRole('status', { name: 'Teacher choice' })).toBeVisible();
  await expect(teacher).toHaveValue('baseline');

  await page.goto('./#/distillation?kdTeacher=zoo&present=1');
  await page.reload();
  await expect(teacher).toHaveValue('zoo');
  // The baseline has loaded in this page load (the NAS page names it) and still does not take over.
  await page.evaluate(() => (window.location.hash = '#/nas'));
  await expect(page.getByText(/^Baseline: MLP/)).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/distillation'));
  await expect(page.getByRole('button', { name: 'Train teacher', exact: true })).toBeVisible();
  await expect(teacher).toHaveValue('zoo');
  await expect(page.getByRole('status', { name: 'Teacher choice' })).toHaveCount(0);
  // The teacher CNN is not trained here: its time says it is not measured yet, and the panel offers to prepare it.
  await expect(page.getByRole('status', { name: 'Teacher training time' })).toContainText('Not measured yet');
  await expect(page.getByRole('status', { name: 'Recorded teacher' })).toHaveText('None yet.');
  const axe = await new AxeBuilder({ page }).include('.kd-teacher-time').include('.precomputed').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations).toEqual([]);
});
