/**
 * The engine worker under faults (issue 20): a worker stuck in an endless computation is detected by
 * the heartbeat (src/worker/heartbeat.ts), the job ends, a notice says so and a fresh worker boots;
 * with WebAssembly missing in the page and in the worker, the engine falls back to another backend,
 * says what is unavailable and the page stays usable. No test hook in the app: the hang is a loop
 * evaluated in the worker by the test, and WebAssembly is removed by the test from the worker's script.
 */
import { test, expect, gotoLab } from './fixtures';

test('a worker that stops answering is detected: the job ends, a notice says why, the engine restarts', async ({ page }) => {
  // The page's clock is faked so the 30 s hang timeout passes without waiting 30 s.
  await page.clock.install();
  await gotoLab(page, 'train', 'model=mlp&epochs=30');
  const running = page.getByRole('status', { name: 'Running job' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(running).toContainText('(Train)');
  await expect(page.getByRole('status', { name: 'Loss' })).toHaveText(/\d\.\d+/);
  const engine = page.workers().find((w) => w.url().includes('engine.worker'));
  expect(engine, 'the engine worker').toBeDefined();
  // An endless loop in the worker's thread: it stops answering everything, as a runaway kernel would.
  void engine!.evaluate(() => {
    for (;;) {
      /* stuck */
    }
  }).catch(() => undefined);
  await page.waitForTimeout(3_000); // real time: a heartbeat ping goes out and stays unanswered
  await page.clock.fastForward(40_000);
  await page.clock.resume();
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(/The training engine stopped \(it stopped answering for \d+ s/);
  await expect(running).toHaveText('none');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
  // A fresh worker booted: it answers the tensor poll again.
  await expect(page.getByRole('status', { name: 'Tensors in memory' })).toHaveText(/\d+ tensors/);
  expect(page.workers().filter((w) => w.url().includes('engine.worker')).length).toBeGreaterThanOrEqual(1);
});

test('without WebAssembly (page and worker) the engine falls back, says what is missing, and the page works', async ({ page }) => {
  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  // The worker is its own realm: remove WebAssembly at the top of its (single-file) script.
  await page.route('**/assets/engine.worker-*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `delete globalThis.WebAssembly;\n${await response.text()}` });
  });
  await gotoLab(page, 'train', 'model=mlp&epochs=1');
  const backend = page.getByRole('status', { name: 'Backend in use' });
  await expect(backend).toHaveText(/^(webgl|cpu) \(instead of wasm\)$/);
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(/The wasm backend is not available here \(wasm failed: .+\); using (webgl|cpu) instead/);
  // Usable: the controls work and a model trains on the fallback backend.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await page.getByLabel('Epochs').fill('1');
  await expect(page.getByRole('heading', { level: 1, name: 'Train' })).toBeVisible();
});
