import { test, expect, gotoLab } from './fixtures';

/** The course in order (src/app/labs.ts). */
const COURSE_ORDER = ['Why edge AI', 'Train', 'Pruning', 'Quantization', 'Distillation', 'Architecture search', 'Deploy', 'Time series', 'AI at NXP', 'Generative AI at the edge'];

test('the home page lists every lab and says which backend is in use', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'TinyML Lab' })).toBeVisible();
  // The course map lists the labs in course order, each with its goals; reference pages follow.
  const course = page.getByRole('list', { name: 'Course' });
  await expect(course.locator('.lab-link')).toHaveText(COURSE_ORDER);
  await expect(course.getByRole('list').first().getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Devices', exact: true })).toBeVisible();
  const backend = page.getByRole('status', { name: 'Backend in use' });
  await expect(backend).toHaveText(/wasm|webgl|cpu/);
  await expect(page.getByRole('main')).toContainText(/on the (wasm|webgl|cpu) backend/);
  await expect(page.getByRole('status', { name: 'Tensors in memory' })).toHaveText(/\d+ tensors/);
  await expect(page.getByRole('status', { name: 'Samples per second' })).toBeVisible();
});

test('the Train page opens from the navigation and shows its controls and guide', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Train' }).click();
  await expect(page).toHaveURL(/#\/train/);
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  for (const label of ['Model', 'Epochs', 'Batch size', 'Learning rate', 'Optimizer', 'Seed', 'Backend']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Guide' }).getByRole('heading', { name: 'Training a network' })).toBeVisible();
  // KaTeX rendered the math (no raw $…$ left in the text).
  await expect(page.locator('.guide .katex').first()).toBeVisible();
});

test('an unknown page shows "Page not found" with links back', async ({ page }) => {
  await page.goto('./#/no-such-lab');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the start page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'TinyML Lab' })).toBeVisible();
});

test('a deep link with settings restores them, also after a reload', async ({ page }) => {
  const query = 'model=lenet5&epochs=3&batchSize=32&learningRate=0.005&optimizer=sgd&seed=7&backend=cpu';
  await gotoLab(page, 'train', query);
  const check = async () => {
    await expect(page.getByLabel('Model', { exact: true })).toHaveValue('lenet5');
    await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('3');
    await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('32');
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.005');
    await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('sgd');
    await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
    await expect(page.getByLabel('Backend', { exact: true })).toHaveValue('cpu');
  };
  await check();
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/cpu/);
  await page.reload();
  await check();
  // Changing a control updates the link, so copying the address bar shares the new value.
  await page.getByLabel('Epochs', { exact: true }).fill('4');
  await expect(page).toHaveURL(/epochs=4/);
  // Local storage keeps the settings when the page is opened without them.
  await page.goto('./#/');
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Train' }).click();
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('lenet5');
});

test('every lab that runs jobs carries the backend in its link; the start and reference pages do not', async ({ page }) => {
  await gotoLab(page, 'pruning', 'backend=cpu');
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/cpu/, { timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Quantization' }).click();
  await expect(page).toHaveURL(/#\/quantization\?.*backend=cpu/);
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
  expect(page.url()).not.toMatch(/backend=/);
  // A bad backend in a lab link gets the notice and the default.
  await gotoLab(page, 'nas', 'backend=quantum');
  await expect(page.getByText(/quantum/).first()).toBeVisible();
  await expect(page).toHaveURL(/#\/nas\?.*backend=wasm/);
});

test('a bad value in the link falls back to its default and a notice names the field', async ({ page }) => {
  await gotoLab(page, 'train', 'epochs=abc&optimizer=newton&seed=7');
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices.getByRole('alert').filter({ hasText: 'Epochs' })).toContainText('"abc"');
  await expect(notices.getByRole('alert').filter({ hasText: 'Optimizer' })).toContainText('"newton"');
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('5');
  await expect(page.getByLabel('Optimizer', { exact: true })).toHaveValue('adam');
  // The good value in the same link still applies.
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  // The link is rewritten with the values in use.
  await expect(page).toHaveURL(/epochs=5/);
  await notices.getByRole('alert').filter({ hasText: 'Epochs' }).getByRole('button', { name: 'Dismiss notice', exact: true }).click();
  await expect(notices.getByRole('alert').filter({ hasText: 'Epochs' })).toHaveCount(0);
});

test('corrupt saved settings reset with a notice instead of a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('corrupted')) {
      localStorage.setItem('tinyml:settings:train', '{"epochs": oops');
      sessionStorage.setItem('corrupted', '1');
    }
  });
  await gotoLab(page, 'train');
  await expect(page.getByRole('alert').filter({ hasText: 'unreadable' })).toBeVisible();
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('5');
  expect((await page.evaluate(() => localStorage.getItem('tinyml:settings:train'))) ?? '').not.toContain('oops');
  // The page keeps working: a change is saved again.
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tinyml:settings:train'))).toContain('"epochs":"2"');
});

test('storage access denied (cookies blocked): every lab still opens, settings work and the page says they will not be kept', async ({ page }) => {
  // Reading window.localStorage itself throws there; this once stopped the app before it rendered.
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, { get() { throw new DOMException('denied', 'SecurityError'); }, configurable: true });
    }
  });
  await gotoLab(page, 'train');
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByLabel('Epochs', { exact: true }).blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Settings will not be kept in this browser' })).toHaveCount(1);
  expect(page.url()).toContain('epochs=2');
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Pruning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pruning' })).toBeVisible();
});

test("while the Train lab trains, another lab names that job, links to its Stop and keeps its start buttons off", async ({ page }) => {
  await gotoLab(page, 'train', 'model=lenet5&epochs=20&batchSize=32&seed=1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();

  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Pruning' }).click();
  const note = page.getByRole('status').filter({ hasText: "The engine is busy with the Train lab's job" });
  await expect(note).toBeVisible();
  // A fresh browser has no baseline: the lab offers to train one, but not while the engine is taken.
  await expect(page.getByRole('button', { name: 'Train a baseline here', exact: true })).toBeDisabled();

  await note.getByRole('link', { name: 'Train' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Stopped');

  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Pruning' }).click();
  await expect(page.getByRole('button', { name: 'Train a baseline here', exact: true })).toBeEnabled();
  await expect(note).toHaveCount(0);
});

test("a bad link value's notice stays on its page, and a corrected link retires it", async ({ page }) => {
  await gotoLab(page, 'train', 'epochs=-3');
  const notice = page.getByRole('region', { name: 'Notices' }).getByRole('alert').filter({ hasText: 'Epochs: "-3"' });
  await expect(notice).toBeVisible();
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Pruning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pruning' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Labs' }).getByRole('link', { name: 'Train' }).click();
  await expect(notice).toBeVisible();
  // Pasting a corrected link (a hash change, no reload) applies it and drops the stale notice.
  await page.evaluate(() => {
    window.location.hash = '#/train?epochs=3';
  });
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('3');
  await expect(notice).toHaveCount(0);
});

test('the built page carries a Content-Security-Policy and nothing on the start and Train pages violates it', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCsp', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCsp(v: string): void }).reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  await gotoLab(page, 'train');
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/wasm|webgl|cpu/, { timeout: 90_000 });
  expect(violations).toEqual([]);
});

test('an address outside the app (a deep server path) shows a way home instead of a blank page', async ({ page, allowConsoleError }) => {
  allowConsoleError(/Failed to load resource|MIME type/);
  await page.goto('./some/deep/path');
  await expect(page.getByRole('link', { name: /start page/ })).toBeVisible();
});
