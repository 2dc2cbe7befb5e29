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

// vite preview sends COOP/COEP (vite.config.ts): the page is cross-origin isolated, so tfjs can load
// its threaded SIMD wasm build; the diagnostics bar says how many threads the engine trains on.
// Which tfjs wasm binary the engine worker fetched (the threaded SIMD build needs SharedArrayBuffer).
const wasmBuilds = (requests: string[]) => requests.filter((u) => /tfjs-backend-wasm[^/]*\.wasm$/.test(u)).map((u) => u.split('/').pop()!);
const THREADED = /^tfjs-backend-wasm-threaded-simd/;
const PLAIN_SIMD = /^tfjs-backend-wasm-simd/;

test('the page is cross-origin isolated; auto threads are one per physical core, and one thread loads the plain SIMD build', async ({ page }) => {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  await gotoLab(page, 'train', 'model=mlp&epochs=1&seed=3');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status', { name: 'Backend in use' })).toHaveText(/^wasm/, { timeout: 60_000 });
  const threads = page.getByRole('status', { name: 'Threads' });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const auto = Math.max(1, Math.min(8, Math.floor(cores / 2)));
  await expect(page.getByRole('combobox', { name: 'Threads', exact: true })).toHaveValue('auto');
  if (auto === 1) {
    await expect(threads).toHaveText(`1 thread (auto: 1 thread on ${cores} cores)`);
    await expect(threads).toHaveAttribute('title', `SIMD, 1 thread (auto: 1 thread on ${cores} cores)`);
    expect(wasmBuilds(urls)).toEqual([expect.stringMatching(PLAIN_SIMD)]);
  } else {
    await expect(threads).toHaveText(`${auto} threads`);
    await expect(threads).toHaveAttribute('title', `threaded SIMD build, ${auto} threads`);
    expect(wasmBuilds(urls)).toEqual([expect.stringMatching(THREADED)]);
  }
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Samples per second' })).toHaveText(/\d/, { timeout: 120_000 });
});

test('threads=2 in the link starts the threaded build on two threads, which trains; a new choice applies on reload', async ({ page }) => {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  await gotoLab(page, 'train', 'model=mlp&epochs=1&seed=3&threads=2');
  const threads = page.getByRole('status', { name: 'Threads' });
  await expect(threads).toHaveText('2 threads', { timeout: 60_000 });
  await expect(threads).toHaveAttribute('title', 'threaded SIMD build, 2 threads');
  expect(wasmBuilds(urls)).toEqual([expect.stringMatching(THREADED)]);
  // The threaded build trains (its pthreads start from a self-contained factory, see vite.config.ts).
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Samples per second' })).toHaveText(/\d/, { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 120_000 });

  // The running worker keeps its pool: a new count waits for the reload the hint offers.
  const select = page.getByRole('combobox', { name: 'Threads', exact: true });
  await select.selectOption('1');
  await expect(page).toHaveURL(/threads=1/);
  await expect(select).toHaveAccessibleDescription(/applies when the page reloads/);
  await expect(threads).toHaveText('2 threads');
  urls.length = 0;
  await page.getByRole('button', { name: 'Reload now' }).click();
  await expect(threads).toHaveText('1 thread (1 thread asked)', { timeout: 60_000 });
  await expect(threads).toHaveAttribute('title', 'SIMD, 1 thread (1 thread asked)');
  expect(wasmBuilds(urls)).toEqual([expect.stringMatching(PLAIN_SIMD)]);
  await expect(select).toHaveAccessibleDescription(/plain SIMD build/);
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
