import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab } from './fixtures';

test('a guide quiz scores right and wrong answers, explains them and keeps the progress', async ({ page }) => {
  await gotoLab(page, 'train');
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await quiz.scrollIntoViewIfNeeded();
  const groups = quiz.getByRole('radiogroup');
  expect(await groups.count()).toBeGreaterThanOrEqual(4);

  // Q1 right (ln 10 is the second option), Q2 numeric right, Q3 numeric wrong, the rest unanswered.
  await groups.nth(0).getByRole('radio').nth(1).check();
  await quiz.getByRole('spinbutton', { name: /how many gradient steps/i }).fill('250');
  await quiz.getByRole('spinbutton', { name: /how many parameters/i }).fill('109000');
  await quiz.getByRole('button', { name: 'Check answers', exact: true }).click();
  const score = quiz.getByRole('status', { name: 'Score' });
  const total = await quiz.getByRole('listitem').count();
  await expect(score).toHaveText(`2 / ${total}`);
  await expect(score).toBeInViewport();
  await expect(quiz.getByText('Correct.')).toHaveCount(2);
  await expect(quiz.getByText(/The answer is 109386 parameters/)).toBeVisible();

  // Fix the wrong one: the score follows.
  await quiz.getByRole('spinbutton', { name: /how many parameters/i }).fill('109386');
  await quiz.getByRole('button', { name: 'Check answers', exact: true }).click();
  await expect(score).toHaveText(`3 / ${total}`);

  // Progress is stored locally: a reload still knows which checks were passed.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Check your understanding' }).getByText(`3 of ${total} answered correctly so far`)).toBeAttached();

  // The course map on the home page shows it per lab.
  await page.goto('./#/');
  await expect(page.getByRole('list', { name: 'Course' }).getByText(`Checks passed: 3 of ${total} answered`)).toBeVisible();
});

test('glossary terms show their definition on focus, and exercise links set the controls', async ({ page }) => {
  await gotoLab(page, 'train', 'epochs=9&learningRate=0.003');
  const term = page.getByRole('button', { name: 'softmax', exact: true }).first();
  await term.focus();
  const tip = page.getByRole('tooltip').filter({ hasText: /turns logits/i });
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  await page.getByRole('link', { name: 'Set up this exercise' }).first().click();
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('1');
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.001');
  expect(page.url()).toContain('epochs=1');
});

test('a challenge link fails without a fitting model and passes once one is trained', async ({ page }) => {
  const meets = 'target:mcxn947,flash:150,acc:85';
  // A fresh browser has no baseline: the challenge is scored against an untrained default and fails.
  await gotoLab(page, 'devices', `challenge=${meets}`);
  const challenge = page.getByRole('region', { name: 'Challenge', exact: true });
  await expect(challenge.getByRole('status', { name: 'Goal' })).toHaveText(/150 KB flash on MCX N947 \(int8\) with ≥ 85 % test accuracy/);
  await expect(challenge.getByRole('status', { name: 'Result' })).toHaveText('fail');
  await expect(challenge).toBeInViewport();
  await expect(challenge.getByText('not measured (train the model first)')).toBeVisible();

  // Train the MLP for one epoch (≥ 85 % on this split; int8 it is ~140 KB with the runtime).
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });

  await gotoLab(page, 'devices', `challenge=${meets}`);
  await expect(page.getByRole('region', { name: 'Challenge', exact: true }).getByRole('status', { name: 'Result' })).toHaveText('pass');

  // The same model against a tighter flash budget fails on that line only.
  await gotoLab(page, 'devices', 'challenge=target:mcxn947,flash:100,acc:85');
  const tight = page.getByRole('region', { name: 'Challenge', exact: true });
  await expect(tight.getByRole('status', { name: 'Result' })).toHaveText('fail');
  await expect(tight.getByRole('row', { name: /Flash with runtime/ })).toContainText('✗ no');
  await expect(tight.getByRole('row', { name: /Test accuracy/ })).toContainText('✓ yes');

  // A broken link says so instead of scoring something else.
  await gotoLab(page, 'devices', 'challenge=target:nowhere');
  await expect(page.getByRole('region', { name: 'Challenge', exact: true }).getByRole('alert')).toContainText('could not be read');
});

test('the instructor composer builds a challenge link that opens the challenge', async ({ page }) => {
  await gotoLab(page, 'devices');
  const composer = page.getByRole('region', { name: 'Composer for instructors' });
  await composer.scrollIntoViewIfNeeded();
  await composer.getByLabel('Challenge target').selectOption('mcxn236');
  await composer.getByLabel('Flash limit (KB)').fill('300');
  await composer.getByLabel('Latency limit (ms)').fill('20');
  await composer.getByLabel('Latency engine').selectOption('cpu');
  await composer.getByLabel('Minimum test accuracy (%)').fill('97');
  await expect(composer.getByRole('status', { name: 'Challenge link' })).toHaveText(
    /#\/devices\?challenge=target:mcxn236,flash:300,lat:20,engine:cpu,acc:97$/,
  );
  await composer.getByRole('link', { name: 'Open this challenge' }).click();
  await expect(page.getByRole('region', { name: 'Challenge', exact: true }).getByRole('status', { name: 'Goal' })).toHaveText(
    /300 KB flash and 20 ms on the CPU on MCX N236 \(int8\) with ≥ 97 %/,
  );
});

test('quiz, glossary and challenge pass axe', async ({ page }) => {
  await gotoLab(page, 'devices', 'challenge=target:mcxn947,flash:150,acc:85');
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await quiz.getByRole('button', { name: 'Check answers', exact: true }).click();
  await expect(quiz.getByRole('status', { name: 'Score' })).toHaveText(/^0 \/ \d+$/);
  await page.getByRole('button', { name: 'XIP', exact: true }).first().focus();
  const axe = await new AxeBuilder({ page }).include('.guide').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

/** Smallest computed font size (px) of the SVG text inside charts, and of all visible text on the page. */
async function smallestText(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const shown = (el: Element) => (el as HTMLElement).getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const chartTexts = [...document.querySelectorAll('svg text')].filter((t) => shown(t) && (t.textContent ?? '').trim() !== '');
    const textEls = [...document.querySelectorAll('main *, .device-dock *')].filter(
      (el) => shown(el) && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''),
    );
    return {
      charts: chartTexts.length,
      panelCharts: chartTexts.filter((t) => t.closest('.device-dock')).length,
      chart: Math.min(...chartTexts.map(size)),
      text: Math.min(...textEls.map(size)),
      root: size(document.documentElement),
    };
  });
}

test('presenter mode: a switch that persists, ?present=1, legible charts, a guide drawer and demo shortcuts', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  // Wait for the charts of the page and of the device panel (its memory timeline, drawn once scrolled near).
  await page.locator('.device-dock .dp-timeline').scrollIntoViewIfNeeded();
  await expect.poll(async () => { const t = await smallestText(page); return t.charts > t.panelCharts && t.panelCharts > 0; }).toBe(true);
  const before = await smallestText(page);
  expect(before.chart).toBeLessThan(18);

  const toggle = page.getByRole('switch', { name: 'Presenter mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  const on = await smallestText(page);
  expect(on.chart).toBeGreaterThanOrEqual(18);
  expect(on.text).toBeGreaterThanOrEqual(18);

  // It stays on across a reload and another lab.
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Presenter mode' })).toHaveAttribute('aria-checked', 'true');
  await gotoLab(page, 'devices');
  await expect(page.getByRole('switch', { name: 'Presenter mode' })).toHaveAttribute('aria-checked', 'true');

  // Text scales up on a 1920 px screen.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wide = await smallestText(page);
  expect(wide.root).toBeGreaterThan(on.root);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The guide is folded into a drawer.
  const guide = page.getByRole('region', { name: 'Guide' });
  await expect(guide).toBeHidden();
  await page.getByRole('button', { name: 'Show guide', exact: true }).click();
  await expect(guide).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close guide', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(guide).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show guide', exact: true })).toBeFocused();

  // Shortcuts: Ctrl+Enter starts the page's main action, Ctrl+. stops it.
  await gotoLab(page, 'train', 'model=lenet5&epochs=5&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  await page.keyboard.press('Control+.');
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Stopped');

  // Switching off restores the normal sizes.
  await page.getByRole('switch', { name: 'Presenter mode' }).click();
  expect((await smallestText(page)).root).toBe(before.root);
});

test('?present=1 turns presenter mode on in a fresh browser; axe passes with it on and off', async ({ page }) => {
  await gotoLab(page, 'quantization', 'present=1');
  await expect(page.getByRole('switch', { name: 'Presenter mode' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Show guide', exact: true }).click();
  const onScan = await new AxeBuilder({ page }).include('.topbar').include('.guide-tools').include('.guide').analyze();
  expect(onScan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  await page.getByRole('button', { name: 'Close guide', exact: true }).click();
  await page.getByRole('switch', { name: 'Presenter mode' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-present', 'on');
  const offScan = await new AxeBuilder({ page }).include('.topbar').include('.guide').analyze();
  expect(offScan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a reload mid-training asks first, then says the run was interrupted; chart SVGs are not tab stops', async ({ page }) => {
  await gotoLab(page, 'train', 'model=lenet5&epochs=5&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await expect.poll(() => page.locator('main .chart svg, .device-dock svg.recharts-surface').count()).toBeGreaterThan(0);
  expect(await page.locator('svg.recharts-surface[tabindex]').count()).toBe(0);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByText(/Training in the Train lab was interrupted when the page reloaded/)).toBeVisible();
  // Only once: the note is cleared, so the next reload is quiet.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/was interrupted when the page reloaded/)).toHaveCount(0);
});
