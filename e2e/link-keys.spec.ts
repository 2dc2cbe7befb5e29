/**
 * Unknown link keys (issue 20): a link's keys that no settings schema or link reader of the app
 * knows get one notice naming them (escaped, shortened) and are dropped from the rewritten link;
 * the keys every page really reads (its lab's settings, backend=, target=, the baseline recipe,
 * challenge=, present=) are kept without a word. The unknown keys are generated from the known
 * ones (src/store/settings-fuzz.ts), so a new schema's near misses are probed too.
 */
import type { Page } from '@playwright/test';
import { LABS } from '../src/app/labs';
import { baselineRecipeSettings } from '../src/store/baseline-here';
import { deviceSettings } from '../src/store/device';
import { engineSettings } from '../src/store/engine-settings';
import { unknownKeys } from '../src/store/settings-fuzz';
import { defaults, encode, type Fields, type SettingsSchema } from '../src/store/settings-schema';
import { expect, test } from './fixtures';

const notices = (page: Page) => page.getByRole('region', { name: 'Notices' }).getByRole('alert');
const unknownNotice = (page: Page) => notices(page).filter({ hasText: 'no setting of this app reads' });
const query = async (page: Page) => new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));
const valid = (s: SettingsSchema<Fields>) => encode(s, defaults(s));

test('unknown keys on every lab: one notice naming them, dropped from the link; known keys kept silently', async ({ page }) => {
  test.setTimeout(240_000);
  const known = [...LABS.flatMap((l) => (l.settings ? Object.keys(l.settings.fields) : [])), 'backend', 'target', 'panel', 'blModel', 'blEpochs', 'blSeed', 'present', 'challenge'];
  const generated = unknownKeys(new Set(known));
  for (const [i, lab] of LABS.entries()) {
    // Two generated unknown keys per lab (rotating through the families) beside a valid link.
    const bad = [generated[(i * 7) % generated.length], generated[(i * 7 + 3) % generated.length]];
    const params = new URLSearchParams({
      ...(lab.settings ? valid(lab.settings) : {}),
      ...valid(deviceSettings),
      ...(lab.runsOnEngine ? valid(engineSettings) : {}),
      ...valid(baselineRecipeSettings),
      present: '0',
    });
    for (const b of bad) params.append(b.key, '<img src=x onerror="window.__fuzzed=1">');
    await page.goto(`./#/${lab.id}?${params.toString()}`);
    await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
    await expect(unknownNotice(page)).toHaveCount(1);
    const text = (await unknownNotice(page).textContent()) ?? '';
    expect(text, `${lab.id}: ${bad.map((b) => b.family).join(', ')}`).toContain('2 keys');
    // No other notice: every key the page reads was known.
    await expect(notices(page)).toHaveCount(1);
    const after = await query(page);
    for (const b of bad) expect(after.has(b.key), `${lab.id}: ${b.family} key still in the link`).toBe(false);
    for (const k of ['target', 'blModel', 'present', ...(lab.settings ? Object.keys(lab.settings.fields).slice(0, 3) : [])]) expect(after.has(k), `${lab.id}: ${k}`).toBe(true);
    if (lab.runsOnEngine) expect(after.get('backend')).toBe('wasm');
  }
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __fuzzed?: number }).__fuzzed)).toBeUndefined();
});

test('a pasted link with a hostile key: shortened and shown as text; a clean pasted link retires the notice', async ({ page }) => {
  await page.goto('./#/pruning?prTarget=80&challenge=target%3Amcxn947%2Cacc%3A80');
  await expect(page.getByRole('region', { name: 'Challenge', exact: true })).toBeVisible();
  await expect(unknownNotice(page)).toHaveCount(0);
  const long = `<b>${'k'.repeat(200)}</b>`;
  await page.evaluate((k) => (location.hash = `#/pruning?prTarget=70&${encodeURIComponent(k)}=1&zzTypo=2`), long);
  await expect(unknownNotice(page)).toHaveCount(1);
  await expect(unknownNotice(page)).toContainText(`"<b>${'k'.repeat(37)}…", "zzTypo"`);
  expect(await page.locator('.notices b').count()).toBe(0);
  const after = await query(page);
  expect([...after.keys()].filter((k) => k === 'zzTypo' || k === long)).toEqual([]);
  expect(after.get('prTarget')).toBe('70');
  await page.evaluate(() => (location.hash = '#/pruning?prTarget=60'));
  await expect(unknownNotice(page)).toHaveCount(0);
  expect((await query(page)).get('prTarget')).toBe('60');
});
