/**
 * `npm run probe`: the hostile-user probe of issue 20, counted by family. It drives the production
 * build (run `npm run build` first) in headless Chromium, a fresh browser context per page, and
 * reports how many probes each family tried, how many were handled and what the failures were:
 * - link value: every bad value of every field of every schema (src/store/settings-fuzz.ts) in a
 *   link — handled = its notice (field, value, default), the link rewritten to the default;
 * - saved value: the same values in saved settings — handled = its notice, the default in use;
 * - unknown key: every generated unknown link key — handled = named in the one notice, dropped;
 * - storage fault: localStorage full / throwing, IndexedDB missing / failing, on every lab page —
 *   handled = the page renders its lab and can change a setting;
 * - model file: hostile JSON and .tflite files on the Devices page — handled = a named error (or an
 *   estimate for a file that is in fact valid), and no main-thread task over one second.
 * Every page also fails all its probes on a console error, an uncaught error, the error screen or
 * markup that became an element or ran. Env: PROBE_PORT (4180), CHROMIUM_PATH, PROBE_ONLY=family,...
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { LABS } from '../src/app/labs';
import { deviceSettings } from '../src/store/device';
import { engineSettings } from '../src/store/engine-settings';
import { badValues, unknownKeys } from '../src/store/settings-fuzz';
import { decode, rejectionMessage, type Fields, type SettingsSchema } from '../src/store/settings-schema';
import { hostileModelFiles } from './probe-files';

const port = Number(process.env.PROBE_PORT ?? 4180);
const base = `http://localhost:${port}/`;
const only = process.env.PROBE_ONLY?.split(',');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Tally { tried: number; handled: number; failures: Map<string, number> }
const tallies = new Map<string, Tally>();
function record(family: string, ok: boolean, why = '') {
  const t = tallies.get(family) ?? { tried: 0, handled: 0, failures: new Map() };
  tallies.set(family, t);
  t.tried++;
  if (ok) t.handled++;
  else t.failures.set(why, (t.failures.get(why) ?? 0) + 1);
}

interface Probe { page: Page; pageFault: () => string | null; close: () => Promise<void> }

/** A page in a fresh context, watched for errors, long tasks and markup that ran. */
async function open(browser: Browser, init?: (arg: unknown) => void, arg?: unknown): Promise<Probe> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text().slice(0, 80)}`));
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message.slice(0, 80)}`));
  await page.addInitScript(() => {
    (window as { __long?: number }).__long = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as { __long?: number }).__long = Math.max((window as { __long?: number }).__long ?? 0, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  if (init) await page.addInitScript(init, arg);
  return {
    page,
    pageFault: () => errors[0] ?? null,
    close: () => context.close(),
  };
}

/** Errors the page itself shows or ran: the error screen, markup turned into elements. */
async function pageShows(page: Page): Promise<string | null> {
  if (await page.getByText('Something went wrong').count()) return 'error screen';
  if (await page.locator('img[src="x"], script:not([src]):not([type])').count()) return 'markup became an element';
  if (await page.evaluate(() => (window as { __fuzzed?: number }).__fuzzed)) return 'markup ran';
  return null;
}

const alerts = (page: Page) => page.getByRole('region', { name: 'Notices' }).getByRole('alert').allTextContents();
const query = async (page: Page) => new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));

async function heading(page: Page, title: string) {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
}

// ----------------------------------------------------------------- settings values (link and saved)

interface Target { schema: SettingsSchema<Fields>; lab: string; title: string }
const targets: Target[] = [
  ...LABS.filter((l) => l.settings).map((l) => ({ schema: l.settings!, lab: l.id, title: l.title })),
  { schema: deviceSettings as unknown as SettingsSchema<Fields>, lab: 'train', title: 'Train' },
  { schema: engineSettings as unknown as SettingsSchema<Fields>, lab: 'train', title: 'Train' },
];

/** Round k: field i gets its value (i + k) mod n, so max(n) rounds try every value of every field. */
function round(schema: SettingsSchema<Fields>, k: number, where: string) {
  return Object.entries(schema.fields).map(([key, field], i) => {
    const all = badValues(field).filter((v) => v.text.length <= 5000);
    const v = all[(i + k) % all.length];
    const def = field.serialise(field.default);
    const { rejected } = decode(schema, { [key]: v.text });
    return { key, text: v.text, family: v.family, first: k < all.length, default: def, message: rejectionMessage(rejected[0], def, where) };
  });
}

async function settingsFamily(browser: Browser, saved: boolean) {
  const family = saved ? 'saved value' : 'link value';
  for (const t of targets) {
    const rounds = Math.max(...Object.values(t.schema.fields).map((f) => badValues(f).filter((v) => v.text.length <= 5000).length));
    for (let k = 0; k < rounds; k++) {
      const cases = round(t.schema, k, saved ? 'the saved settings' : 'the link');
      const store = { key: `tinyml:settings:${t.schema.id}`, value: JSON.stringify(Object.fromEntries(cases.map((c) => [c.key, c.text]))) };
      const p = await open(browser, saved ? (s) => {
        const { key, value } = s as { key: string; value: string };
        if (!sessionStorage.getItem('probe-seeded')) { sessionStorage.setItem('probe-seeded', '1'); localStorage.setItem(key, value); }
      } : undefined, store);
      try {
        const link = saved ? '' : `?${new URLSearchParams(cases.map((c) => [c.key, c.text])).toString()}`;
        await p.page.goto(`./#/${t.lab}${link}`);
        await heading(p.page, t.title);
        const deadline = Date.now() + 10_000;
        let texts = await alerts(p.page);
        while (Date.now() < deadline && cases.some((c) => !texts.some((x) => x.startsWith(c.message)))) {
          await p.page.waitForTimeout(200);
          texts = await alerts(p.page);
        }
        const q = await query(p.page);
        const fault = p.pageFault() ?? (await pageShows(p.page));
        if (process.env.PROBE_VERBOSE) {
          const missing = cases.filter((c) => !texts.some((x) => x.startsWith(c.message))).map((c) => c.key);
          console.error(`[probe] ${family} ${t.schema.id} round ${k + 1}/${rounds}: ${fault ?? 'ok'}; no notice for [${missing.join(', ')}]`);
        }
        for (const c of cases.filter((x) => x.first)) {
          const noticed = texts.some((x) => x.startsWith(c.message));
          const rewritten = saved || q.get(c.key) === c.default;
          record(`${family} · ${c.family}`, !fault && noticed && rewritten, fault ?? (!noticed ? `no notice (${t.schema.id}.${c.key})` : `link not rewritten (${c.key})`));
        }
      } finally {
        await p.close();
      }
    }
  }
}

// ----------------------------------------------------------------- unknown link keys

async function unknownKeyFamily(browser: Browser) {
  const known = [...targets.flatMap((t) => Object.keys(t.schema.fields)), 'blModel', 'blEpochs', 'blSeed', 'present', 'challenge'];
  const keys = unknownKeys(new Set(known));
  const PER_LINK = 6;
  for (let i = 0; i < keys.length; i += PER_LINK) {
    const lab = LABS[(i / PER_LINK) % LABS.length];
    const some = keys.slice(i, i + PER_LINK);
    const p = await open(browser);
    try {
      const params = new URLSearchParams();
      for (const k of some) params.append(k.key, '1');
      await p.page.goto(`./#/${lab.id}?${params.toString()}`);
      await heading(p.page, lab.title);
      await p.page.getByRole('region', { name: 'Notices' }).getByRole('alert').filter({ hasText: 'no setting of this app reads' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      const notice = (await alerts(p.page)).filter((t) => t.includes('no setting of this app reads'));
      const q = await query(p.page);
      const fault = p.pageFault() ?? (await pageShows(p.page)) ?? (notice.length === 1 ? null : `${notice.length} notices`);
      for (const k of some) record(`unknown key · ${k.family}`, !fault && !q.has(k.key), fault ?? 'kept in the link');
    } finally {
      await p.close();
    }
  }
}

// ----------------------------------------------------------------- storage faults

/** Each fault runs before the page's scripts; IndexedDB faults also at the top of the engine worker (its own realm). */
const STORAGE_FAULTS: Record<string, { init: () => void; worker: boolean }> = {
  'localStorage full': {
    worker: false,
    init: () => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    },
  },
  // Cookies blocked: reading window.localStorage / sessionStorage itself throws.
  'storage access denied': {
    worker: false,
    init: () => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { get() { throw new DOMException('denied', 'SecurityError'); }, configurable: true });
      }
    },
  },
  'no IndexedDB': {
    worker: true,
    init: () => { Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true }); },
  },
  'IndexedDB open fails': {
    worker: true,
    init: () => {
      IDBFactory.prototype.open = function () {
        const req = new EventTarget() as IDBOpenDBRequest;
        Object.defineProperty(req, 'error', { value: new DOMException('broken', 'UnknownError') });
        setTimeout(() => {
          const e = new Event('error');
          (req as { onerror?: ((e: Event) => void) | null }).onerror?.(e);
          req.dispatchEvent(e);
        }, 0);
        return req;
      };
    },
  },
};

async function storageFamily(browser: Browser) {
  for (const [fault, { init, worker }] of Object.entries(STORAGE_FAULTS)) {
    for (const lab of LABS) {
      const p = await open(browser, init);
      try {
        if (worker) {
          await p.page.route('**/assets/engine.worker-*.js', async (route) => {
            const response = await route.fetch();
            await route.fulfill({ response, body: `(${init.toString()})();\n${await response.text()}` });
          });
        }
        await p.page.goto(`./#/${lab.id}`);
        await heading(p.page, lab.title);
        // Still usable: a setting can be changed (the first number or choice of the page).
        const field = p.page.locator('main input[type=number], main select').first();
        if (await field.count()) {
          if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption({ index: 0 });
          else { await field.fill('2'); await field.blur(); }
        }
        await p.page.waitForTimeout(500);
        const why = p.pageFault() ?? (await pageShows(p.page));
        record(`storage fault · ${fault}`, !why, why ? `${why} (${lab.id})` : '');
      } catch (e) {
        record(`storage fault · ${fault}`, false, `${(e as Error).message.split('\n')[0].slice(0, 80)} (${lab.id})`);
      } finally {
        await p.close();
      }
    }
  }
}

// ----------------------------------------------------------------- hostile model files

async function fileFamily(browser: Browser) {
  const dir = mkdtempSync(join(tmpdir(), 'tinyml-probe-'));
  for (const f of hostileModelFiles()) {
    const p = await open(browser);
    try {
      await p.page.goto('./#/devices');
      await heading(p.page, 'Devices');
      await p.page.evaluate(() => ((window as { __long?: number }).__long = 0));
      const t0 = Date.now();
      // From a file on disk: Chromium reads it natively (a buffer would be decoded by script in the page).
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes);
      await p.page.getByLabel('Model file').setInputFiles(path);
      // Either a named error or the estimate table of the file's model (a fresh page: nothing was shown before).
      const outcome = await p.page.waitForFunction((name) => {
        const alert = [...document.querySelectorAll('[role=alert]')].map((a) => a.textContent ?? '').find((t) => t.includes(name));
        if (alert) return `error: ${alert}`;
        return document.querySelector('.dv-upload caption')?.textContent?.includes('on every target') ? 'estimate' : false;
      }, f.name, { timeout: 20_000 }).then((h) => h.jsonValue() as Promise<string>, () => 'nothing shown');
      const longest = await p.page.evaluate(() => (window as { __long?: number }).__long ?? 0);
      const why = p.pageFault() ?? (await pageShows(p.page))
        ?? (outcome === 'nothing shown' ? `nothing shown in ${Date.now() - t0} ms` : null)
        ?? (longest > 1000 ? `main thread blocked ${Math.round(longest)} ms` : null)
        ?? (f.expect === 'either' || f.expect === (outcome === 'estimate' ? 'estimate' : 'error') ? null : `expected ${f.expect}, got ${outcome.slice(0, 90)}`);
      if (process.env.PROBE_VERBOSE) console.log(`${f.name}: ${outcome.slice(0, 160)} (longest task ${Math.round(longest)} ms)`);
      record(`model file · ${f.family}`, !why, why ? `${f.name}: ${why}` : '');
    } catch (e) {
      record(`model file · ${f.family}`, false, `${f.name}: ${(e as Error).message.split('\n')[0].slice(0, 80)}`);
    } finally {
      await p.close();
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

// ----------------------------------------------------------------- main

const FAMILIES: Record<string, (b: Browser) => Promise<void>> = {
  link: (b) => settingsFamily(b, false),
  saved: (b) => settingsFamily(b, true),
  keys: unknownKeyFamily,
  storage: storageFamily,
  files: fileFamily,
};

async function main() {
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(base).then((r) => r.ok, () => false)) break;
      if (i > 120) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    try {
      for (const [name, run] of Object.entries(FAMILIES)) {
        if (only && !only.includes(name)) continue;
        const t0 = Date.now();
        await run(browser);
        console.error(`[probe] ${name}: done in ${Math.round((Date.now() - t0) / 1000)} s`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    process.kill(-server.pid!);
  }
  let tried = 0, handled = 0;
  console.log('| family | tried | handled | failed | failures |\n|---|---:|---:|---:|---|');
  for (const [family, t] of [...tallies].sort()) {
    tried += t.tried;
    handled += t.handled;
    const why = [...t.failures].map(([w, n]) => `${w} ×${n}`).join('; ');
    console.log(`| ${family} | ${t.tried} | ${t.handled} | ${t.tried - t.handled} | ${why} |`);
  }
  console.log(`| **all** | ${tried} | ${handled} | ${tried - handled} | |`);
  if (handled < tried) process.exitCode = 1;
}

await main();
