import { gzipSync } from 'node:zlib';
import { test, expect, gotoLab } from './fixtures';

// Issue 18's bound on the start page's JavaScript (gzipped, engine worker and service worker excluded:
// they do not block the first paint). The same measurement as the bench (scripts/bench/initial-js.mjs).
const INITIAL_JS_LIMIT_BYTES = 110 * 1024;

test('the start page loads at most 110 kB of gzipped JavaScript', async ({ page }) => {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js') && !path.includes('engine.worker') && !path.endsWith('coi-sw.js')) bodies.set(path, r.body());
  });
  await page.goto('./', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { name: 'TinyML Lab', level: 1 })).toBeVisible();
  const sizes = await Promise.all([...bodies].map(async ([path, body]) => ({ path, gzip: gzipSync(await body, { level: 9 }).length })));
  const total = sizes.reduce((a, s) => a + s.gzip, 0);
  expect(sizes.length).toBeGreaterThan(0);
  expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(INITIAL_JS_LIMIT_BYTES);
});

// vite preview sends COOP/COEP (vite.config.ts): the page is cross-origin isolated, tfjs loads its
// threaded SIMD wasm build, and the diagnostics bar says how many threads the engine trains on.
// Which tfjs wasm binary the engine worker fetched (the threaded SIMD build needs SharedArrayBuffer).
const wasmBuilds = (requests: string[]) => requests.filter((u) => /tfjs-backend-wasm[^/]*\.wasm$/.test(u)).map((u) => u.split('/').pop()!);

test('the page is cross-origin isolated and the diagnostics bar shows the thread count', async ({ page }) => {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  await gotoLab(page, 'train', 'model=mlp&epochs=1&seed=3');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/^wasm/, { timeout: 60_000 });
  const threads = page.getByRole('status', { name: 'Threads' });
  await expect(threads).toHaveText(/^\d+ threads?$/);
  await expect(threads).toHaveAttribute('title', /^threaded SIMD build, \d+ threads?$/);
  expect(wasmBuilds(urls)).toEqual([expect.stringMatching(/^tfjs-backend-wasm-threaded-simd/)]);
  const n = Number((await threads.textContent())!.split(' ')[0]);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(Math.max(1, Math.min(8, Math.floor(cores / 2))));
  // The threaded build trains (its pthreads start from a self-contained factory, see vite.config.ts).
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Samples per second' })).toHaveText(/\d/, { timeout: 120_000 });
});

test('without isolation the engine runs on one thread and says why', async ({ browser }) => {
  // A page served without the headers (the same build through a route that drops them), and no
  // service worker to add them back (public/coi-sw.js): the fallback a plain static host gets.
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
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('#/train');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/^wasm/, { timeout: 60_000 });
  const threads = page.getByRole('status', { name: 'Threads' });
  await expect(threads).toHaveText(/^1 thread \(page not cross-origin isolated/);
  await expect(threads).toHaveAttribute('title', /^SIMD, 1 thread \(/);
  expect(wasmBuilds(urls)).toEqual([expect.stringMatching(/^tfjs-backend-wasm-simd/)]);
  expect(errors).toEqual([]);
  await context.close();
});

// Headless Chromium here has no GPU adapter: the probe says so, and choosing webgpu falls back to wasm.
test('the WebGPU probe reports no adapter and the webgpu choice falls back to wasm with the reason', async ({ page }) => {
  await gotoLab(page, 'train', 'model=mlp&epochs=1&seed=3');
  await expect(page.getByRole('status', { name: 'WebGPU' })).toHaveText(/^not available: (no GPU adapter|no WebGPU in this browser)$/, { timeout: 30_000 });
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/^wasm/, { timeout: 60_000 });
  const backend = page.getByLabel('Backend', { exact: true });
  await expect(backend.locator('option[value="webgpu"]')).toHaveText(/^webgpu \((no GPU adapter|no WebGPU in this browser): falls back to wasm\)$/);
  await backend.selectOption('webgpu');
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText('wasm (instead of webgpu)', { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(/webgpu backend is not available here \(webgpu failed: (no GPU adapter|no WebGPU in this browser)\)/);
});
