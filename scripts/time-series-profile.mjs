/**
 * What is inside each main-thread long task of a Time-series run: records a Chromium performance
 * trace (timeline + V8 sampling profiler) of one run and, for every main-thread task over 50 ms,
 * prints what started it, the user-timing marks inside it (the page's "ts-redraw:<chart>" measures)
 * and the functions that took its time (self and inclusive, from the profiler's samples).
 *
 *   npx vite build --minify false --outDir /tmp/ts-prof      # readable function names
 *   PROF_DIST=/tmp/ts-prof node scripts/time-series-profile.mjs anomaly "tsNoise=8&tsImbalance=0.5"
 *
 * The task's defaults (what the "Task" select sets) come first in the link; the second argument adds to them.
 *
 * PROF_MIN_MS (default 50: the tasks to explain), PROF_BY=cpu (by their CPU time, not wall time), PROF_PORT (default 4203), PROF_PRESENT=1 (presenter mode), PROF_TRACE=<file> (keep the raw trace).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = Number(process.env.PROF_PORT ?? 4203);
const dist = process.env.PROF_DIST ?? 'dist';
const task = process.argv[2] ?? 'classification';
const extra = process.argv[3] ?? '';
// What choosing the task in the "Task" select sets (Controls' taskPatch), so a bare link runs the defaults.
const TASK_LINK = {
  classification: 'tsDataset=motor&tsModel=cnn&tsFeatures=raw&tsRate=1000&tsWindow=256&tsStride=128&tsSeconds=2&tsRecordings=12',
  anomaly: 'tsDataset=motor&tsModel=autoencoder&tsFeatures=dsp&tsRate=1000&tsWindow=256&tsStride=128&tsSeconds=2&tsRecordings=16',
  regression: 'tsDataset=battery&tsModel=mlp&tsFeatures=dsp&tsRate=1&tsWindow=60&tsStride=20&tsRecordings=12',
}[task];
const metric = { classification: 'Test accuracy', anomaly: 'AUC', regression: 'R²' }[task];
const MIN_MS = Number(process.env.PROF_MIN_MS ?? 50);
const BY_CPU = process.env.PROF_BY === 'cpu'; // pick tasks by thread CPU time instead of wall time
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    window.__lastLong = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__lastLong = e.startTime + e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://localhost:${port}/#/time-series?tsTask=${task}&${TASK_LINK}${extra ? `&${extra}` : ''}${process.env.PROF_PRESENT ? '&present=1' : ''}`);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
  // Page load (guide, KaTeX, engine boot, signal preview) is not the run: wait for 2 s without a long task.
  await page.waitForFunction(() => performance.now() - window.__lastLong > 2000 && performance.now() > 3000, null, { timeout: 120_000, polling: 250 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.evaluate(() => performance.mark('run-start'));
  const t0 = Date.now();
  // A plain DOM click: Playwright's hit test and role queries run on the page's main thread.
  await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Train').click());
  await page.waitForFunction((name) => /\d/.test(document.querySelector(`output[aria-label="${name}"]`)?.textContent ?? ''), metric, { timeout: 300_000, polling: 1000 });
  const runSeconds = (Date.now() - t0) / 1000;
  await page.waitForTimeout(1500); // staged chart redraws after the result
  const trace = JSON.parse((await browser.stopTracing()).toString());
  if (process.env.PROF_TRACE) writeFileSync(process.env.PROF_TRACE, JSON.stringify(trace));
  report(trace.traceEvents, runSeconds);
} finally {
  await browser.close();
  process.kill(-server.pid); // the whole group: npx's child vite would outlive a plain kill
}

function report(events, runSeconds) {
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const mainKey = [...threads].find(([k, n]) => n === 'CrRendererMain' && events.some((e) => `${e.pid}:${e.tid}` === k && e.name === 'RunTask' && e.dur > 1000))?.[0];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey);
  // Tasks from the click on (the task that starts the trace is the recorder's, not the page's).
  const start = onMain.find((e) => e.name === 'run-start')?.ts ?? 0;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (BY_CPU ? e.tdur ?? 0 : e.dur) > MIN_MS * 1000 && e.ts > start).sort((a, b) => a.ts - b.ts);
  const samples = mainSamples(events, mainKey);
  console.log(`${task}${extra ? ` (${extra})` : ''}: run ${runSeconds.toFixed(1)} s to the metric; ${tasks.length} main-thread tasks > ${MIN_MS} ms (wall / CPU ms): ${JSON.stringify(tasks.map((t) => `${Math.round(t.dur / 1000)}/${Math.round((t.tdur ?? NaN) / 1000)}`))}`);
  for (const t of tasks) {
    const inside = onMain.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur);
    const trigger = inside.filter((e) => ['TimerFire', 'EventDispatch', 'FunctionCall', 'FireAnimationFrame', 'HandlePostMessage', 'ParseHTML', 'v8.run', 'RunMicrotasks'].includes(e.name))[0];
    const what = trigger ? `${trigger.name}${trigger.args?.data?.type ? ` ${trigger.args.data.type}` : ''}${trigger.args?.data?.functionName ? ` ${trigger.args.data.functionName}` : ''}` : '?';
    const marks = inside.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('ts-redraw')).map((e) => e.name.replace('ts-redraw:', ''));
    const sum = (n) => inside.filter((e) => e.name === n).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
    console.log(`\n@${((t.ts - start) / 1e6).toFixed(2)} s  ${Math.round(t.dur / 1000)} ms wall, ${Math.round((t.tdur ?? NaN) / 1000)} ms CPU  (${what}; staged: ${[...new Set(marks)].join(', ') || '-'}; layout ${sum('Layout').toFixed(0)} ms, style ${sum('UpdateLayoutTree').toFixed(0)} ms, paint ${sum('Paint').toFixed(0)} ms, GC ${(sum('MinorGC') + sum('MajorGC') + sum('V8.GC_SCAVENGER') ).toFixed(0)} ms)`);
    const inTask = samples.filter((s) => s.ts >= t.ts && s.ts < t.ts + t.dur);
    const self = new Map();
    const incl = new Map();
    for (const s of inTask) {
      self.set(s.stack[0], (self.get(s.stack[0]) ?? 0) + s.ms);
      for (const f of new Set(s.stack)) incl.set(f, (incl.get(f) ?? 0) + s.ms);
    }
    const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([f, ms]) => `${ms.toFixed(0).padStart(4)} ms ${f}`).join('\n    ');
    console.log(`  self:\n    ${top(self, 8)}`);
    // Inclusive time of named app / library functions (components show up by name in an unminified build).
    const named = new Map([...incl].filter(([f]) => !/^\(|^anonymous|performWorkUntilDeadline|workLoop|flushSync|renderRoot|commitRoot|performWork|runWithFiberInDEV|callCallback/.test(f)));
    console.log(`  inclusive:\n    ${top(named, 14)}`);
    // React components and recharts pieces by name (capitalised functions), to say which chart it was.
    const components = new Map([...incl].filter(([f]) => /^[A-Z]\w+ /.test(f)));
    console.log(`  components:\n    ${top(components, 12)}`);
  }
}

/** The main thread's profiler samples as { ts (µs), ms, stack: ['fn file:line', …] } (innermost first). */
function mainSamples(events, mainKey) {
  const profile = events.find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === mainKey);
  if (!profile) return [];
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === profile.pid);
  const nodes = new Map();
  let ts = profile.args.data.startTime;
  const out = [];
  for (const c of chunks) {
    const cp = c.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) nodes.set(n.id, n);
    const deltas = c.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((id, i) => {
      ts += deltas[i] ?? 0;
      out.push({ ts, id });
    });
  }
  const label = (n) => {
    const f = n.callFrame;
    const file = (f.url ?? '').split('/').pop().replace(/-[\w-]{8}\.js$/, '');
    return `${f.functionName || 'anonymous'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  const stackOf = (id) => {
    const s = [];
    for (let n = nodes.get(id); n; n = nodes.get(n.parent)) s.push(label(n));
    return s;
  };
  return out.map((s, i) => ({ ts: s.ts, ms: ((out[i + 1]?.ts ?? s.ts) - s.ts) / 1000, stack: stackOf(s.id) }));
}
