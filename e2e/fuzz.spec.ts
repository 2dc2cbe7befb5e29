/**
 * Generated link and saved-state fuzz (issue 20): every lab with a settings schema is opened with a
 * link in which every field holds a bad value generated from the field (src/store/settings-fuzz.ts:
 * wrong type, NaN, ±Infinity, out of range, empty, very long, markup). Each must give its notice
 * (field, the bad value escaped and shortened, the default), the link must be rewritten to the
 * defaults, no markup may become an element, and nothing may log a console error (the fixture).
 */
import type { Page } from '@playwright/test';
import { LABS } from '../src/app/labs';
import { deviceSettings } from '../src/store/device';
import { engineSettings } from '../src/store/engine-settings';
import { linkValue } from '../src/store/settings-fuzz';
import { decode, rejectionMessage, type Fields, type SettingsSchema } from '../src/store/settings-schema';
import { expect, test } from './fixtures';

interface Case {
  key: string;
  text: string;
  message: string;
  default: string;
}

/** One bad value per field, rotating through the families so each lab gets a mix. */
function cases(schema: SettingsSchema<Fields>, offset: number): Case[] {
  return Object.entries(schema.fields).map(([key, field], i) => {
    const text = linkValue(field, i + offset).text;
    const { rejected } = decode(schema, { [key]: text });
    const def = field.serialise(field.default);
    return { key, text, default: def, message: rejectionMessage(rejected[0], def, 'the link') };
  });
}

async function noticeTexts(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Notices' }).getByRole('alert').allTextContents();
}

async function expectHandled(page: Page, all: Case[]) {
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toBeVisible();
  await expect.poll(async () => (await noticeTexts(page)).filter((t) => t.includes('from the link')).length).toBe(all.length);
  const texts = await noticeTexts(page);
  for (const c of all) expect(texts.some((t) => t.startsWith(c.message)), `${c.key}: ${c.message}`).toBe(true);
  // Markup in a value stays text: no element was made from it, no handler ran.
  expect(await page.locator('img[src="x"], script:not([src]):not([type])').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __fuzzed?: number }).__fuzzed)).toBeUndefined();
  const query = new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));
  for (const c of all) expect(query.get(c.key), c.key).toBe(c.default);
}

const withSettings = LABS.filter((l) => l.settings);

test.describe('generated bad links', () => {
  for (const [i, lab] of withSettings.entries()) {
    test(`${lab.id}: every field bad in the link → a notice each, the defaults, the link rewritten`, async ({ page }) => {
      const all = cases(lab.settings!, i);
      const params = new URLSearchParams(all.map((c) => [c.key, c.text]));
      params.set('zzUnknownKey', '<b>x</b>');
      await page.goto(`./#/${lab.id}?${params.toString()}`);
      await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
      await expectHandled(page, all);
    });
  }

  test('shared settings (device target, panel, backend) in a link, then a pasted new bad link on Devices', async ({ page }) => {
    const all = [...cases(deviceSettings, 0), ...cases(engineSettings, 1)];
    await page.goto(`./#/train?${new URLSearchParams(all.map((c) => [c.key, c.text])).toString()}`);
    await expectHandled(page, all);
    // A hash change without a reload (a pasted link) is validated too, also on a page whose link
    // does not carry the backend.
    await page.evaluate(() => (location.hash = '#/devices'));
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    const again = cases(engineSettings, 4);
    await page.evaluate((q) => (location.hash = `#/devices?${q}`), new URLSearchParams(again.map((c) => [c.key, c.text])).toString());
    const texts = () => noticeTexts(page);
    await expect.poll(async () => (await texts()).some((t) => t.startsWith(again[0].message))).toBe(true);
  });
});

test('corrupt saved settings of every lab are reset with a notice naming the field', async ({ page }) => {
  const stored: Record<string, Record<string, string>> = {};
  const expected: string[] = [];
  for (const [i, lab] of withSettings.entries()) {
    const schema = lab.settings!;
    stored[schema.id] = {};
    for (const c of cases(schema, i + 5)) {
      stored[schema.id][c.key] = c.text;
      expected.push(c.message.replace('from the link', 'from the saved settings'));
    }
  }
  await page.addInitScript((s) => {
    if (sessionStorage.getItem('fuzz-seeded')) return;
    sessionStorage.setItem('fuzz-seeded', '1');
    for (const [id, v] of Object.entries(s)) localStorage.setItem(`tinyml:settings:${id}`, JSON.stringify(v));
    localStorage.setItem('tinyml:settings:device', '{{{');
  }, stored);
  await page.goto('./#/');
  for (const lab of withSettings) {
    await page.evaluate((id) => (location.hash = `#/${id}`), lab.id);
    await expect(page.getByRole('heading', { level: 1, name: lab.title })).toBeVisible();
  }
  await expect.poll(async () => (await noticeTexts(page)).filter((t) => t.includes('from the saved settings')).length).toBe(expected.length);
  const texts = await noticeTexts(page);
  for (const m of expected) expect(texts.some((t) => t.startsWith(m)), m).toBe(true);
  expect(texts.some((t) => /saved device settings were unreadable/.test(t))).toBe(true);
  // What was reset is stored back valid: a reload brings no new notice about the saved settings.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(300);
  expect((await noticeTexts(page)).filter((t) => t.includes('saved'))).toEqual([]);
});
