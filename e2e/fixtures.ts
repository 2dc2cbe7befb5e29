/**
 * Shared Playwright fixture for every spec: import { test, expect } from './fixtures'.
 *
 * It fails the test when the page logs a console error or throws an uncaught error (in the page or
 * the worker's console), so "no console errors" is checked everywhere without extra code.
 * If a test expects an error on purpose, call `allowConsoleError(/pattern/)` inside it.
 *
 * Also exports small helpers the lab specs share: `gotoLab(page, id, query?)` and `percentOf(text)`.
 */
import { test as base, expect, type Page } from '@playwright/test';

interface Fixtures {
  /** Ignore console errors matching this pattern in the current test. */
  allowConsoleError: (pattern: RegExp) => void;
}

export const test = base.extend<Fixtures>({
  allowConsoleError: [
    async ({ page }, use, testInfo) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (!allowed.some((re) => re.test(text))) errors.push(`console.error: ${text}`);
      });
      page.on('pageerror', (err) => {
        const text = `${err.name}: ${err.message}`;
        if (!allowed.some((re) => re.test(text))) errors.push(`page error: ${text}`);
      });
      // Worker consoles are separate targets; watch them too.
      page.on('worker', (worker) => {
        worker.on('console', (msg) => {
          if (msg.type() === 'error' && !allowed.some((re) => re.test(msg.text()))) {
            errors.push(`worker console.error: ${msg.text()}`);
          }
        });
      });
      await use((pattern) => allowed.push(pattern));
      if (testInfo.status === testInfo.expectedStatus) {
        expect(errors, 'console errors or page errors during the test').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
export type { Page };

/** Opens a lab by id with an optional settings query, e.g. gotoLab(page, 'train', 'epochs=1'). */
export async function gotoLab(page: Page, id: string, query = ''): Promise<void> {
  await page.goto(`./#/${id}${query ? `?${query}` : ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Parses "97.9 %" (an output's text) to 97.9; NaN when there is no number. */
export function percentOf(text: string | null): number {
  const m = /(-?\d+(?:\.\d+)?)\s*%/.exec(text ?? '');
  return m ? Number(m[1]) : NaN;
}

/**
 * `testWithBaseline`: each test starts in a fresh context whose storage already holds a saved baseline
 * (an MLP trained for one epoch, seed 42), so the long lab specs can be split into short tests without
 * training the baseline again in each. The baseline is trained once per Playwright worker (the
 * "Train" page's own path) and its storage — IndexedDB included — is restored into every test's
 * context. Specs that test the no-baseline path use `test`.
 */
export const testWithBaseline = test.extend<object, { baselineState: string }>({
  baselineState: [
    async ({ browser }, use, workerInfo) => {
      const file = workerInfo.project.outputDir + `/baseline-state-${workerInfo.workerIndex}.json`;
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await gotoLab(page, 'train', 'model=mlp&epochs=1&batchSize=64&learningRate=0.001&optimizer=adam&seed=42');
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect(page.getByText(/Saved baseline: MLP/)).toBeVisible({ timeout: 150_000 });
      await context.storageState({ path: file, indexedDB: true });
      await context.close();
      await use(file);
    },
    { scope: 'worker', timeout: 200_000 },
  ],
  storageState: async ({ baselineState }, provide) => provide(baselineState),
});
