import { test, expect, gotoLab } from './fixtures';

// Which tfjs wasm binary the engine worker fetches: the threaded SIMD build needs SharedArrayBuffer,
// i.e. a cross-origin-isolated page (vite preview sends COOP/COEP, vite.config.ts); without
// isolation tfjs must fall back to the single-threaded SIMD build and the diagnostics say why.
const wasmBuilds = (requests: string[]) => requests.filter((u) => /tfjs-backend-wasm[^/]*\.wasm$/.test(u)).map((u) => u.split('/').pop()!);

test('an isolated page trains on the threaded SIMD wasm build and shows its thread count', async ({ page }) => {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  await gotoLab(page, 'train', 'model=mlp&epochs=1&seed=3');
  const threads = page.getByRole('status', { name: 'Threads' });
  await expect(threads).toHaveText(/^\d+ threads?$/, { timeout: 60_000 });
  await expect(threads).toHaveAttribute('title', /^threaded SIMD build, \d+ threads?$/);
  const builds = wasmBuilds(urls);
  expect(builds).toHaveLength(1);
  expect(builds[0]).toMatch(/^tfjs-backend-wasm-threaded-simd/);
});

test('without isolation the engine fetches the single-threaded SIMD build and says so', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  const page = await context.newPage();
  await page.goto('#/train');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  const threads = page.getByRole('status', { name: 'Threads' });
  await expect(threads).toHaveText(/^1 thread \(page not cross-origin isolated/, { timeout: 60_000 });
  await expect(threads).toHaveAttribute('title', /^SIMD, 1 thread \(/);
  const builds = wasmBuilds(urls);
  expect(builds).toHaveLength(1);
  expect(builds[0]).toMatch(/^tfjs-backend-wasm-simd/);
  await context.close();
});
