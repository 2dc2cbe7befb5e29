/**
 * Initial JS: the gzipped size of every JavaScript file the home page loads before the student opens a
 * lab (network idle after navigation), the engine worker and the isolation service worker excluded
 * (they load off the main thread). Used by scripts/bench.mjs and by `node scripts/bench-initial-js.mjs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The bound (kB gzipped, 1 kB = 1024 bytes). */
export const INITIAL_JS_LIMIT_KB = 110;

export async function measureInitialJs(browser, base, outDir) {
  const page = await browser.newPage();
  const urls = new Set();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js') && !u.pathname.includes('engine.worker') && !u.pathname.endsWith('coi-sw.js')) urls.add(u.pathname);
  });
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.close();
  const files = [...urls].map((p) => {
    const buf = readFileSync(join(outDir, p.replace(/^\//, '')));
    return { file: p, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
  }).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = files.reduce((a, f) => a + f.gzipBytes, 0);
  return { files, bytes: files.reduce((a, f) => a + f.bytes, 0), gzipBytes, limitKb: INITIAL_JS_LIMIT_KB, withinLimit: gzipBytes / 1024 <= INITIAL_JS_LIMIT_KB };
}
