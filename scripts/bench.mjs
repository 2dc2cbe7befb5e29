#!/usr/bin/env node
/**
 * npm run bench — measures the training engine in headless Chromium and writes bench/results.json.
 *
 * 1. Builds the app plus a benchmark page (scripts/bench/bench.html) into a temp dir (never dist/).
 * 2. Serves it with `vite preview` (port BENCH_PORT, default 4190) and drives Chromium (CHROMIUM_PATH,
 *    default /usr/bin/chromium) with Playwright.
 * 3. Measures, each on a fresh page (a fresh worker):
 *    - training samples/s through the app's worker engine for the MLP and LeNet-5 on wasm, webgl, cpu
 *      (1 epoch on BENCH_SAMPLES = 2,000 samples, batch 64, Adam, seed 1);
 *    - the same training as a plain tfjs loop on the page's main thread (wasm), and the ratio app/plain
 *      (best of BENCH_REPEATS alternating runs each, to damp the noise of a shared machine);
 *    - main-thread long tasks (PerformanceObserver 'longtask') while the real Train page trains
 *      LeNet-5 for one epoch, charts and all;
 *    - the gzipped size of the JavaScript the home page loads before any lab opens (the worker chunk
 *      and .wasm excluded: they load in the worker).
 * 4. If scripts/bench-estimate.ts exists, runs it with tsx and includes its output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.BENCH_DIST ?? '/tmp/tinyml-lab-bench-dist';
const port = Number(process.env.BENCH_PORT ?? 4190);
const samples = Number(process.env.BENCH_SAMPLES ?? 2000);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const batchSize = 64;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const log = (...a) => console.log('[bench]', ...a);
const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a');

async function main() {
  const data = spawnSync(process.execPath, [join(root, 'scripts/build-mnist.mjs')], { stdio: 'inherit' });
  if (data.status !== 0) throw new Error('npm run data failed');

  log(`building into ${outDir}`);
  await build({
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { index: join(root, 'index.html'), bench: join(root, 'scripts/bench/bench.html') } },
    },
  });
  const server = await preview({ root, logLevel: 'warn', preview: { port, strictPort: true }, build: { outDir } });
  const base = `http://localhost:${port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  // The machine's load matters on a shared box: record it next to the numbers.
  const results = { date: new Date().toISOString(), cpus: cpus().length, loadAverageAtStart: loadavg()[0], samples, batchSize, chromium: browser.version(), app: [], plain: [], ratio: {}, longTasks: null, initialJs: null, estimate: null };
  try {
    results.initialJs = await measureInitialJs(browser, base);
    log(`initial JS: ${fmt(results.initialJs.gzipBytes / 1024, 1)} kB gzipped in ${results.initialJs.files.length} files`);

    for (const backend of ['wasm', 'webgl', 'cpu']) {
      for (const model of ['mlp', 'lenet5']) {
        const r = await onBenchPage(browser, base, (b, m, s, bs) => window.benchApp(b, m, s, bs), [backend, model, samples, batchSize]);
        results.app.push({ requested: backend, model, ...r });
        log(`app ${backend}${r.backend !== backend ? `→${r.backend}` : ''} ${model}: ${fmt(r.samplesPerSec)} samples/s`);
      }
    }

    for (const model of ['mlp', 'lenet5']) {
      let bestApp = 0;
      let bestPlain = 0;
      for (let i = 0; i < repeats; i++) {
        const a = await onBenchPage(browser, base, (b, m, s, bs) => window.benchApp(b, m, s, bs), ['wasm', model, samples, batchSize]);
        const p = await onBenchPage(browser, base, (m, s, bs) => window.benchPlain(m, s, bs), [model, samples, batchSize]);
        results.plain.push({ model, run: i, app: a.samplesPerSec, appWall: a.wallSamplesPerSec, plain: p.samplesPerSec, appLoss: a.loss, plainLoss: p.loss });
        bestApp = Math.max(bestApp, a.samplesPerSec);
        bestPlain = Math.max(bestPlain, p.samplesPerSec);
        log(`wasm ${model} run ${i + 1}: app ${fmt(a.samplesPerSec)} vs plain ${fmt(p.samplesPerSec)} samples/s`);
      }
      results.ratio[model] = { app: bestApp, plain: bestPlain, ratio: bestApp / bestPlain };
    }

    results.longTasks = await measureTrainPage(browser, base);

    if (existsSync(join(root, 'scripts/bench-estimate.ts'))) {
      const r = spawnSync('npx', ['tsx', 'scripts/bench-estimate.ts'], { cwd: root, encoding: 'utf8' });
      results.estimate = (r.stdout || r.stderr || '').trim();
    }
  } finally {
    await browser.close();
    await new Promise((res) => server.httpServer.close(res));
  }
  results.loadAverageAtEnd = loadavg()[0];
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

async function onBenchPage(browser, base, fn, args) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${base}scripts/bench/bench.html`);
    await page.waitForFunction(() => window.benchReady === true);
    return await page.evaluate(({ src, a }) => new Function(`return (${src})`)()(...a), { src: fn.toString(), a: args });
  } catch (e) {
    throw new Error(`${e.message}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`, { cause: e });
  } finally {
    await page.close();
  }
}

async function measureInitialJs(browser, base) {
  const page = await browser.newPage();
  const urls = new Set();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js') && !u.pathname.includes('engine.worker')) urls.add(u.pathname);
  });
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.close();
  const files = [...urls].map((p) => {
    const buf = readFileSync(join(outDir, p.replace(/^\//, '')));
    return { file: p, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((a, f) => a + f.bytes, 0), gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0) };
}

/** The real Train page: LeNet-5, one epoch on all 8,000 samples, long tasks observed meanwhile. */
async function measureTrainPage(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${base}#/train?model=lenet5&epochs=1&batchSize=${batchSize}&learningRate=0.001&optimizer=adam&seed=1`);
    const train = page.getByRole('button', { name: 'Train' });
    await train.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('button:disabled') || true);
    await page.waitForTimeout(1000);
    const t0 = await page.evaluate(() => performance.now());
    await train.click();
    await page.getByRole('status', { name: 'Run status' }).filter({ hasText: /Done|Stopped|failed/i }).waitFor({ timeout: 300_000 });
    const t1 = await page.evaluate(() => performance.now());
    const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0 && t.start <= t1);
    const acc = await page.getByRole('status', { name: 'Test accuracy' }).textContent();
    const sps = await page.getByRole('status', { name: 'Samples per second' }).textContent();
    return {
      model: 'lenet5',
      seconds: (t1 - t0) / 1000,
      count: tasks.length,
      longestMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
      over50ms: tasks.filter((t) => t.duration > 50).length,
      // When (s after the click) and how long (ms), for finding what caused them.
      tasks: tasks.map((t) => ({ atS: +((t.start - t0) / 1000).toFixed(2), ms: Math.round(t.duration) })),
      testAccuracy: acc?.trim(),
      samplesPerSecond: sps?.trim(),
    };
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  } finally {
    await page.close();
  }
}

function printTable(r) {
  const lines = [];
  lines.push(`TinyML Lab engine benchmark — ${r.date}, Chromium ${r.chromium}, ${r.samples} samples, batch ${r.batchSize}, 1 epoch`);
  lines.push(`${r.cpus} CPUs, load average ${fmt(r.loadAverageAtStart, 1)} at start, ${fmt(r.loadAverageAtEnd, 1)} at end (numbers shrink on a busy machine)`);
  lines.push('');
  lines.push('backend  model    in use   samples/s   long tasks (bench page)');
  for (const a of r.app) {
    lines.push(`${a.requested.padEnd(8)} ${a.model.padEnd(8)} ${a.backend.padEnd(8)} ${fmt(a.samplesPerSec).padStart(9)}   ${a.longTasks} (max ${fmt(a.longestTaskMs)} ms)${a.detail ? `  (${a.detail})` : ''}${a.fallbackReason ? `  fallback: ${a.fallbackReason}` : ''}`);
  }
  lines.push('');
  lines.push('wasm, best of runs: app (worker) vs plain tfjs loop on the main thread');
  for (const [m, v] of Object.entries(r.ratio)) lines.push(`${m.padEnd(8)} app ${fmt(v.app).padStart(6)}  plain ${fmt(v.plain).padStart(6)}  ratio ${fmt(v.ratio, 2)}`);
  lines.push('');
  const lt = r.longTasks;
  lines.push(lt?.error ? `Train page long tasks: not measured (${lt.error})` : `Train page (LeNet-5, 1 epoch, 8,000 samples, ${fmt(lt.seconds, 1)} s): ${lt.count} long tasks, longest ${fmt(lt.longestMs)} ms, ${lt.over50ms} over 50 ms; page showed ${lt.samplesPerSecond}, test accuracy ${lt.testAccuracy}`);
  lines.push(`Initial JS before a lab opens: ${fmt(r.initialJs.gzipBytes / 1024, 1)} kB gzipped (${fmt(r.initialJs.bytes / 1024, 1)} kB raw, ${r.initialJs.files.length} files)`);
  if (r.estimate) lines.push(`Estimate: ${r.estimate}`);
  console.log(`\n${lines.join('\n')}\n\nwritten to bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
