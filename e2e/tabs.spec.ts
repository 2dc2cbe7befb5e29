/**
 * Two tabs of the app at once (issue 20; the shelf across tabs is tested elsewhere): each tab runs
 * its own job (one at a time per tab, each with its own worker), a baseline saved in one tab is
 * announced to the other (BroadcastChannel → it reloads it and says so), and settings changed in
 * both tabs are written per key, so neither tab's change is lost.
 */
import { test, expect, type Page } from '@playwright/test';

function watch(page: Page, errors: string[]) {
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
}

test('two tabs: a job each, the new baseline reaches the other tab, settings kept per key', async ({ context }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  const a = await context.newPage();
  const b = await context.newPage();
  watch(a, errors);
  watch(b, errors);
  await a.goto('./#/train?model=mlp&epochs=1&batchSize=64&seed=1');
  await b.goto('./#/pruning');
  await expect(b.getByRole('button', { name: 'Train a baseline here', exact: true })).toBeVisible();

  // Settings: tab A changes Epochs, tab B changes Batch size; both survive in storage.
  await b.goto('./#/train?model=mlp&epochs=1&batchSize=64&seed=1');
  await b.getByLabel('Batch size', { exact: true }).first().fill('32');
  await b.getByLabel('Batch size', { exact: true }).first().blur();
  await a.getByLabel('Epochs', { exact: true }).first().fill('2');
  await a.getByLabel('Epochs', { exact: true }).first().blur();
  await expect
    .poll(async () => JSON.parse((await a.evaluate(() => localStorage.getItem('tinyml:settings:train'))) ?? '{}'))
    .toMatchObject({ epochs: '2', batchSize: '32' });
  await a.getByLabel('Epochs', { exact: true }).first().fill('1');
  await a.getByLabel('Epochs', { exact: true }).first().blur();

  // One job per tab: B's job does not block A's (each tab has its own engine), and B shows A's nowhere.
  await b.goto('./#/pruning');
  await a.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(a.getByRole('status', { name: 'Running job' })).toContainText('(Train)');
  await expect(b.getByRole('status', { name: 'Running job' })).toHaveText('none');
  await expect(a.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 150_000 });

  // The baseline A saved reaches B without a reload.
  await expect(b.getByRole('region', { name: 'Notices' })).toContainText('Another tab saved a new baseline');
  await expect(b.getByRole('button', { name: 'Prune', exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});
