/**
 * Full default Time-series run in headless Chromium (the production build), with a PerformanceObserver
 * for main-thread long tasks: `npm run build && node scripts/time-series-perf.mjs [task]`.
 * Prints the time from clicking Train (which generates the data first) to the metric, and every long
 * task (> 50 ms) seen from page load to the end of the run.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const port = Number(process.env.PERF_PORT ?? 4202);
const task = process.argv[2] ?? 'classification';
const metric = { classification: 'Test accuracy', anomaly: 'AUC', regression: 'R²' }[task];
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    window.__longtasks = [];
    window.__marks = [];
    new MutationObserver(() => {
      const w = document.querySelector('output[aria-label="Windows"]')?.textContent;
      const last = window.__marks[window.__marks.length - 1];
      const text = document.querySelector('.ts-progress')?.textContent ?? '';
      const key = `${w}|${text.slice(0, 24)}`;
      if (!last || last.key !== key) window.__marks.push({ key, t: performance.now() });
    }).observe(document, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://localhost:${port}/#/time-series?tsTask=${task}`);
  await page.getByRole('button', { name: 'Train' }).waitFor();
  await page.waitForTimeout(3000); // let the page settle (engine boot, preview)
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Train' }).click();
  const out = page.getByRole('status', { name: metric, exact: true });
  await page.waitForFunction((name) => /\d/.test(document.querySelector(`output[aria-label="${name}"]`)?.textContent ?? ''), metric, { timeout: 300_000 });
  const t1 = await page.evaluate(() => performance.now());
  const long = await page.evaluate(() => window.__longtasks);
  const during = long.filter((l) => l.start >= t0);
  if (process.env.PERF_DETAIL) {
    const marks = await page.evaluate(() => window.__marks);
    console.log(marks.filter((m) => m.t >= t0).map((m) => `${Math.round(m.t - t0)} ${m.key}`).join('\n'));
    console.log(during.map((l) => `${Math.round(l.start - t0)} +${Math.round(l.ms)}`).join('\n'));
  }
  console.log(JSON.stringify({ task, metric: await out.textContent(), runSeconds: +((t1 - t0) / 1000).toFixed(1), longTasksDuringRun: during.map((l) => Math.round(l.ms)), longTasksBeforeRun: long.filter((l) => l.start < t0).map((l) => Math.round(l.ms)) }));
} finally {
  await browser.close();
  server.kill();
}
