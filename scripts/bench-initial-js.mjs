#!/usr/bin/env node
/**
 * node scripts/bench-initial-js.mjs [distDir] — serves a built dist (default ./dist, `npm run build`
 * first) with `vite preview`, loads the home page in headless Chromium and prints the initial JS per
 * file; exits 1 when it is over the bound (scripts/bench/initial-js.mjs).
 */
import { resolve } from 'node:path';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { measureInitialJs } from './bench/initial-js.mjs';

const outDir = resolve(process.argv[2] ?? 'dist');
const server = await preview({ logLevel: 'warn', preview: { port: Number(process.env.BENCH_PORT ?? 0) }, build: { outDir } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const url = server.resolvedUrls.local[0];
  const r = await measureInitialJs(browser, url.endsWith('/') ? url : `${url}/`, outDir);
  for (const f of r.files) console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(7)} kB  ${f.file}`);
  console.log(`initial JS: ${(r.gzipBytes / 1024).toFixed(1)} kB gzipped (${(r.bytes / 1024).toFixed(1)} kB raw, ${r.files.length} files); bound ${r.limitKb} kB: ${r.withinLimit ? 'ok' : 'OVER'}`);
  process.exitCode = r.withinLimit ? 0 : 1;
} finally {
  await browser.close();
  await new Promise((res) => server.httpServer.close(res));
}
