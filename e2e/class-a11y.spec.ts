/**
 * Issue 16, for a class (deep links: course-links.spec.ts): Train and Prune run with the keyboard alone; axe finds nothing on any page with presenter mode on or off.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, gotoLab } from './fixtures';
import type { Page } from '@playwright/test';

/** Presses Tab until the focused element is the button named `name` (keyboard only, no clicks). */
async function tabTo(page: Page, name: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el && el.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : null;
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached the "${name}" button`);
}

test('Train and Prune run with the keyboard alone', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
  await tabTo(page, 'Train');
  await page.keyboard.press('Enter');
  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText('Done', { timeout: 150_000 });
  // The focus came back from <body> to the run's outcome.
  await expect(status).toBeFocused();

  // With a saved baseline, Distillation does not make the student wait for the teacher CNN.
  await gotoLab(page, 'distillation');
  await expect(page.getByRole('status', { name: 'Teacher choice' })).toContainText('saved baseline as the teacher');
  await expect(page.getByLabel('Teacher', { exact: true })).toHaveValue('baseline');

  await gotoLab(page, 'pruning', 'prFineTune=0&prTarget=50&prGranularity=unstructured&prScope=global&prCriterion=magnitude&prWhen=after');
  await expect(page.getByRole('button', { name: 'Prune', exact: true })).toBeEnabled({ timeout: 60_000 });
  await tabTo(page, 'Prune');
  await page.keyboard.press('Space');
  const heading = page.getByRole('region', { name: 'Pruning results' }).getByRole('heading', { level: 2, name: /^Result: 50 %/ });
  await expect(heading).toBeFocused({ timeout: 120_000 });
  await expect(page.getByRole('region', { name: 'Pruning results' }).getByRole('status', { name: 'Sparsity' })).toHaveText('50.0 %');
});

// One test per mode: axe on 13 full pages (long guides) takes minutes on a loaded 2-core machine.
for (const present of ['0', '1']) {
  test(`axe finds no WCAG 2 A/AA violation on any page, presenter mode ${present === '1' ? 'on' : 'off'}`, async ({ page }) => {
    test.setTimeout(420_000);
    await page.goto('./#/');
    // The pages are the navigation's (it is built from src/app/labs.ts), plus the home page.
    const hrefs = await page.getByRole('navigation', { name: 'Labs' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThanOrEqual(12);
    const found: string[] = [];
    for (const href of ['#/', ...hrefs]) {
      await page.goto(`./${href}${href.includes('?') ? '&' : '?'}present=${present}`);
      await expect(page.locator('main h1, main h2').first()).toBeVisible();
      if (present === '1') await expect(page.locator('html')).toHaveAttribute('data-present', 'on');
      else await expect(page.locator('html')).not.toHaveAttribute('data-present', 'on');
      // Lazy pages and their guides settle first (a half-rendered page is not what a student sees).
      if (href !== '#/') await expect(page.locator('.guide h2').first()).toBeAttached();
      // WCAG 2 A/AA rules (axe's best-practice extras are slower still on the long guides and not WCAG failures).
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of axe.violations) found.push(`${href} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }
    expect(found).toEqual([]);
  });
}

test('NAS marks a rejected candidate and asks before training it', async ({ page }) => {
  // A 0 ms latency budget rejects every candidate before training (no training in this test).
  await gotoLab(page, 'nas', 'nasBlocks=1,2&nasWidths=4,8&nasKernels=3&nasHeads=0&nasEpochs=1&nasSubset=300&nasSeed=7&nasTime=0&nasZeroCost=false&nasStrategy=random&nasCandidates=2&nasLatency=0.01&nasRam=100&nasFlash=500');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const firstRow = page.getByRole('table').getByRole('button').first();
  await expect(firstRow).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('rejected');
  await firstRow.click();
  await expect(page.getByRole('heading', { level: 2, name: /rejected, not trained/ })).toBeVisible();
  await page.getByRole('button', { name: 'Use this model', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Train a rejected candidate?' });
  await expect(ask).toContainText('rejected before training');
  await ask.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(ask).toHaveCount(0);
  // Nothing was trained: no adoption status line.
  await expect(page.getByRole('status', { name: 'Use this model status' })).toHaveCount(0);
});
