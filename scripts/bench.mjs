#!/usr/bin/env node
/**
 * npm run bench — measures the lab's speed against the machine's limit and (optionally) against an
 * older commit, all in one run, and writes bench/results.json. Absolute speeds vary 2x between machines
 * and with load: read the ratios, which come from interleaved runs in the same session.
 *
 * Trees: this one ("new") and, when BENCH_BASE points at another checkout (e.g. a `git worktree add
 * ../base <commit>` with node_modules symlinked), that one ("old"). The bench page, its helpers and the
 * Node part (scripts/bench/*) are copied into the old tree so both run exactly the same measurement.
 * Each tree is built (with the bench page) into a temp dir and served by its own `vite preview`, i.e.
 * with its own headers: the new tree is cross-origin isolated (threads), an old one may not be.
 *
 * Measured (in headless Chromium, CHROMIUM_PATH, default /usr/bin/chromium):
 *  - roofline: wasm matmul + conv GFLOP/s over fixed shapes, and per zoo model the best rate for each
 *    layer's shape → a bound on training samples/s (3 passes per layer at that rate);
 *  - training samples/s through the app's worker for MLP, LeNet-5, DS-CNN, teacher CNN (1 epoch on
 *    BENCH_SAMPLES, batch 64, Adam, seed 1), per tree, best of BENCH_REPEATS interleaved runs; the
 *    share of the roofline bound it reaches; new/old ratios;
 *  - app (worker) vs a plain tfjs loop on the main thread, LeNet-5 and MLP (new tree);
 *  - 1 vs 2 XNNPACK threads on LeNet-5 (plain loop, new tree), with the two seeded losses;
 *  - the Train page: main-thread long tasks while LeNet-5 trains an epoch, and the time from
 *    navigation to the first training report; the NAS page: long tasks during a 6-candidate search;
 *  - initial JS (gzipped) before a lab opens;
 *  - LiteRT.js inference time (scripts/bench/litert.html, new tree): LeNet-5 int8 as Deploy exports it, per digit,
 *    next to the app's integer engine and tfjs float at batch 1 on the same page;
 *  - in Node (scripts/bench/core-node.ts, per tree): integer-only evaluation of 2,000 digits, the
 *    sensitivity scan, a 20-candidate NAS search (BENCH_CORE=0 skips it);
 *  - in Node (scripts/bench/time-series-node.ts, new tree only): each time-series model's training
 *    samples/s on its task's default data and the share of a roofline measured in the same process
 *    (BENCH_TS=0 skips it).
 * BENCH_PORT (default 4190) serves the new tree; the old one gets a free port. BENCH_MODELS and
 * BENCH_SKIP (roofline,ratio,threads,litert,pages) narrow a run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { measureLabPage, measureTrainPage } from './bench/lab-pages.mjs';
import { measureInitialJs } from './bench/initial-js.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baseRoot = process.env.BENCH_BASE;
const port = Number(process.env.BENCH_PORT ?? 4190);
const samples = Number(process.env.BENCH_SAMPLES ?? 2000);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const runCore = process.env.BENCH_CORE !== '0';
const batchSize = 64;
const MODELS = (process.env.BENCH_MODELS ?? 'mlp,lenet5,dscnn,teacher').split(',');
// BENCH_SKIP: any of roofline,ratio,threads,litert,pages (comma-separated), for a quicker partial run.
const skip = new Set((process.env.BENCH_SKIP ?? '').split(','));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const log = (...a) => console.log('[bench]', ...a);
const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a');
const best = (xs) => Math.max(...xs.filter(Number.isFinite));
const BENCH_FILES = ['bench.html', 'page.ts', 'wasm-urls.ts', 'core-node.ts'];

async function startTree(name, treeRoot, treePort) {
  if (treeRoot !== root) {
    mkdirSync(join(treeRoot, 'scripts/bench'), { recursive: true });
    for (const f of BENCH_FILES) cpSync(join(root, 'scripts/bench', f), join(treeRoot, 'scripts/bench', f));
  }
  const data = spawnSync(process.execPath, [join(treeRoot, 'scripts/build-mnist.mjs')], { cwd: treeRoot, stdio: 'inherit' });
  if (data.status !== 0) throw new Error(`npm run data failed in ${treeRoot}`);
  const outDir = `/tmp/tinyml-lab-bench-${name}`;
  log(`building ${name} (${treeRoot}) into ${outDir}`);
  const configFile = join(treeRoot, 'vite.config.ts');
  await build({
    root: treeRoot,
    configFile,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: { index: join(treeRoot, 'index.html'), bench: join(treeRoot, 'scripts/bench/bench.html'), ...litertInput(treeRoot) } } },
  });
  const server = await preview({ root: treeRoot, configFile, logLevel: 'warn', preview: { port: treePort, strictPort: treePort !== 0 }, build: { outDir } });
  const url = server.resolvedUrls.local[0];
  return { name, root: treeRoot, outDir, server, base: url.endsWith('/') ? url : `${url}/` };
}

/** The LiteRT.js page exists in this tree only (it is not copied into the baseline, which has no Deploy lab). */
const litertInput = (treeRoot) => (treeRoot === root && existsSync(join(root, 'scripts/bench/litert.html')) ? { litert: join(root, 'scripts/bench/litert.html') } : {});

async function onBenchPage(browser, tree, fn, args, pageFile = 'bench.html') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${tree.base}scripts/bench/${pageFile}`);
    await page.waitForFunction(() => window.benchReady === true);
    // A hung page (e.g. a wasm thread pool that never starts) becomes an error row, not a stuck bench.
    const limitS = Number(process.env.BENCH_PAGE_TIMEOUT_S ?? 600);
    const run = page.evaluate(({ src, a }) => new Function(`return (${src})`)()(...a), { src: fn.toString(), a: args });
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${limitS} s`)), limitS * 1000)));
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    return { error: `${String(e.message).split('\n')[0]}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}` };
  } finally {
    await page.close();
  }
}

function runCoreNode(tree) {
  const r = spawnSync('npx', ['tsx', 'scripts/bench/core-node.ts'], { cwd: tree.root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('CORE_RESULT '));
  if (!line) return { error: (r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(line.slice('CORE_RESULT '.length));
}

/** The time-series models (new tree only: the baseline has no Time series lab). */
function runTimeSeriesNode() {
  const r = spawnSync('npx', ['tsx', 'scripts/bench/time-series-node.ts'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('{"rows"'));
  if (!line) return { error: (r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(line);
}

async function main() {
  const results = { date: new Date().toISOString(), cpus: cpus().length, loadAverageAtStart: loadavg()[0], samples, batchSize, repeats, trees: {}, training: {}, roofline: null, ratio: {}, threads: null, pages: {}, initialJs: {}, core: {} };
  const trees = [await startTree('new', root, port)];
  if (baseRoot) trees.push(await startTree('old', baseRoot, 0));
  for (const t of trees) results.trees[t.name] = t.root;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  results.chromium = browser.version();
  const [NEW] = trees;
  try {
    for (const t of trees) {
      results.initialJs[t.name] = await measureInitialJs(browser, t.base, t.outDir);
      log(`${t.name} initial JS: ${fmt(results.initialJs[t.name].gzipBytes / 1024, 1)} kB gzipped (bound ${results.initialJs[t.name].limitKb} kB: ${results.initialJs[t.name].withinLimit ? 'ok' : 'OVER'})`);
    }

    results.roofline = skip.has('roofline') ? {} : await onBenchPage(browser, NEW, (m, b) => window.benchRoofline(m, b), [MODELS, batchSize]);
    log(`roofline: best ${fmt(results.roofline.best, 1)} GFLOP/s with ${results.roofline.threads} thread(s)`);

    for (const model of MODELS) {
      const runs = Object.fromEntries(trees.map((t) => [t.name, []]));
      for (let i = 0; i < repeats; i++) {
        for (const t of trees) {
          const r = await onBenchPage(browser, t, (b, m, s, bs) => window.benchApp(b, m, s, bs), ['wasm', model, samples, batchSize]);
          runs[t.name].push(r);
          log(`${t.name} ${model} run ${i + 1}: ${fmt(r.samplesPerSec)} samples/s ${r.detail ? `(${r.detail})` : ''}${r.error ? ` error: ${r.error}` : ''}`);
        }
      }
      const row = { runs };
      for (const t of trees) row[t.name] = best(runs[t.name].map((r) => r.samplesPerSec));
      const bound = results.roofline.models?.[model]?.boundSamplesPerSec;
      row.boundSamplesPerSec = bound;
      row.shareOfBound = row.new / bound;
      row.shareOfBestGflops = (row.new * results.roofline.models?.[model]?.trainFlopsPerSample) / (results.roofline.best * 1e9);
      if (row.old) row.newOverOld = row.new / row.old;
      results.training[model] = row;
    }

    for (const model of skip.has('ratio') ? [] : ['mlp', 'lenet5']) {
      const app = [];
      const plain = [];
      for (let i = 0; i < repeats; i++) {
        app.push((await onBenchPage(browser, NEW, (b, m, s, bs) => window.benchApp(b, m, s, bs), ['wasm', model, samples, batchSize])).samplesPerSec);
        plain.push((await onBenchPage(browser, NEW, (m, s, bs) => window.benchPlain(m, s, bs), [model, samples, batchSize])).samplesPerSec);
      }
      results.ratio[model] = { app: best(app), plain: best(plain), ratio: best(app) / best(plain) };
      log(`app vs plain ${model}: ${fmt(results.ratio[model].ratio, 2)}`);
    }

    const th = { 1: [], 2: [] };
    for (let i = 0; i < (skip.has('threads') ? 0 : repeats); i++) {
      for (const n of [1, 2]) th[n].push(await onBenchPage(browser, NEW, (m, s, bs, k) => window.benchPlain(m, s, bs, k), ['lenet5', samples, batchSize, n]));
    }
    if (!skip.has('threads')) results.threads = {
      one: best(th[1].map((r) => r.samplesPerSec)),
      two: best(th[2].map((r) => r.samplesPerSec)),
      threadsUsed: [th[1][0]?.threads, th[2][0]?.threads],
      losses: { one: th[1].map((r) => r.loss), two: th[2].map((r) => r.loss) },
    };
    if (results.threads) {
      results.threads.ratio = results.threads.two / results.threads.one;
      log(`threads 2 vs 1 on LeNet-5: ${fmt(results.threads.ratio, 2)}`);
    }

    if (!skip.has('litert')) {
      results.litert = await onBenchPage(browser, NEW, (n) => window.benchLitert(n), [Number(process.env.BENCH_LITERT_DIGITS ?? 500)], 'litert.html');
      log(`LiteRT.js: ${JSON.stringify(results.litert)}`);
    }

    for (const t of skip.has('pages') ? [] : trees) {
      results.pages[t.name] = {
        train: await measureTrainPage(browser, t.base, batchSize),
        nas: await measureLabPage(browser, t.base, 'nas'),
      };
      log(`${t.name} pages: ${JSON.stringify({ train: results.pages[t.name].train.over50ms, nas: results.pages[t.name].nas.over50ms })} tasks over 50 ms`);
    }
  } finally {
    await browser.close();
    for (const t of trees) await new Promise((res) => t.server.httpServer.close(res));
  }

  if (runCore) {
    // Interleaved, after the browser is gone (it would compete for the 2 cores).
    for (const t of trees) {
      results.core[t.name] = runCoreNode(t);
      log(`${t.name} core: ${JSON.stringify(results.core[t.name])}`);
    }
  }
  if (process.env.BENCH_TS !== '0') {
    results.timeSeries = runTimeSeriesNode();
    log(`time-series models: ${JSON.stringify(results.timeSeries)}`);
  }
  results.loadAverageAtEnd = loadavg()[0];
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, process.env.BENCH_OUT ?? 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

function printTable(r) {
  const L = [];
  const hasOld = !!r.trees.old;
  L.push(`TinyML Lab benchmark — ${r.date}, Chromium ${r.chromium}, ${r.cpus} CPUs, load ${fmt(r.loadAverageAtStart, 1)} → ${fmt(r.loadAverageAtEnd, 1)}`);
  L.push(`trees: new = ${r.trees.new}${hasOld ? `, old = ${r.trees.old}` : ''}; best of ${r.repeats} interleaved runs, ${r.samples} samples, batch ${r.batchSize}`);
  const rf = r.roofline;
  if (rf?.rows) {
    L.push('', `Roofline (wasm, ${rf.threads} thread(s), main thread of the new build): best ${fmt(rf.best, 1)} GFLOP/s`);
    for (const row of rf.rows) L.push(`  ${row.what.padEnd(34)} ${fmt(row.gflops, 2).padStart(7)} GFLOP/s`);
  }
  L.push('', `model    new samples/s ${hasOld ? ' old samples/s  new/old ' : ''} bound/s   share of bound  share of best GFLOP/s`);
  for (const [m, row] of Object.entries(r.training)) {
    L.push(`${m.padEnd(8)} ${fmt(row.new).padStart(13)} ${hasOld ? `${fmt(row.old).padStart(14)} ${fmt(row.newOverOld, 2).padStart(8)} ` : ''} ${fmt(row.boundSamplesPerSec).padStart(8)}   ${fmt(100 * row.shareOfBound, 1).padStart(12)} %  ${fmt(100 * row.shareOfBestGflops, 1).padStart(8)} %`);
  }
  L.push('', 'App (worker) vs plain tfjs loop (main thread), new tree:');
  for (const [m, v] of Object.entries(r.ratio)) L.push(`  ${m.padEnd(8)} app ${fmt(v.app)}  plain ${fmt(v.plain)}  ratio ${fmt(v.ratio, 2)}`);
  if (r.threads) L.push('', `Threads (LeNet-5, plain loop): 1 → ${fmt(r.threads.one)}, 2 → ${fmt(r.threads.two)} samples/s, ratio ${fmt(r.threads.ratio, 2)} (threads used ${r.threads.threadsUsed.join(' / ')}); seeded losses 1: ${r.threads.losses.one.map((x) => x.toFixed(6)).join(', ')} 2: ${r.threads.losses.two.map((x) => x.toFixed(6)).join(', ')}`);
  L.push('');
  for (const [t, p] of Object.entries(r.pages)) {
    for (const [lab, v] of Object.entries(p)) {
      L.push(v.error ? `${t} ${lab} page: not measured (${v.error})` : `${t} ${lab} page: ${v.count} long tasks, longest ${fmt(v.longestMs)} ms, ${v.over50ms} over 50 ms in ${fmt(v.seconds, 1)} s${v.firstStepS != null ? `; first training report ${fmt(v.firstStepS, 2)} s after navigation` : ''}`);
    }
  }
  for (const [t, js] of Object.entries(r.initialJs)) L.push(`${t} initial JS: ${fmt(js.gzipBytes / 1024, 1)} kB gzipped (${js.files.length} files; bound ${js.limitKb} kB: ${js.withinLimit ? 'ok' : 'OVER'})`);
  // CPU time when the Node part reports it (one thread: the work done, whatever the load), else wall time.
  const cpuOr = (c, k) => c[`${k}CpuMs`] ?? c[`${k}Ms`];
  for (const [t, c] of Object.entries(r.core)) L.push(`${t} core (Node, 1 thread, CPU ms / wall ms): ${c.error ? c.error : `integer eval ${fmt(cpuOr(c, 'integerEval'))} / ${fmt(c.integerEvalMs)}, sensitivity scan ${fmt(cpuOr(c, 'sensitivity'))} / ${fmt(c.sensitivityMs)}, NAS 20 candidates ${fmt(cpuOr(c, 'nas'))} / ${fmt(c.nasMs)}`}`);
  if (r.core.new && r.core.old && !r.core.new.error && !r.core.old.error) {
    const up = (k) => fmt(cpuOr(r.core.old, k) / cpuOr(r.core.new, k), 2);
    L.push(`core old/new speed-ups (CPU time): integer ${up('integerEval')}x, sensitivity ${up('sensitivity')}x, NAS ${up('nas')}x`);
  }
  const lr = r.litert;
  if (lr) {
    L.push('', lr.error ? `LiteRT.js (new tree): not measured (${lr.error})` : `LiteRT.js (new tree, bench page main thread, LeNet-5 int8 as Deploy exports it, ${lr.count} digits one at a time): ${fmt(lr.litertMsPerDigit, 3)} ms per digit; app integer engine ${fmt(lr.appIntegerMsPerDigit, 3)} ms (LiteRT.js ${fmt(lr.appIntegerMsPerDigit / lr.litertMsPerDigit, 2)}x faster); tfjs float on wasm, batch 1: ${fmt(lr.tfjsFloatMsPerDigit, 3)} ms (LiteRT.js ${fmt(lr.tfjsFloatMsPerDigit / lr.litertMsPerDigit, 2)}x faster); argmax agreement with the app ${fmt(100 * lr.argmaxAgreement, 1)} %; load + compile ${fmt(lr.compileMs)} ms`);
  }
  const ts = r.timeSeries;
  if (ts) {
    L.push('', 'Time-series models (new tree, Node, 1 thread; batch 32 as the lab trains; bound from each layer\'s own rate in the same process):');
    if (ts.error) L.push(`  not measured (${ts.error})`);
    for (const row of ts.rows ?? []) L.push(`  ${row.id.padEnd(26)} ${fmt(row.samplesPerSec).padStart(7)} samples/s  ${fmt(row.macsPerSample).padStart(7)} MACs/sample  bound ${fmt(row.boundSamplesPerSec).padStart(8)}/s  share ${fmt(100 * row.share, 1).padStart(5)} %`);
  }
  console.log(`\n${L.join('\n')}\n\nwritten to ${process.env.BENCH_OUT ?? 'bench/results.json'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
