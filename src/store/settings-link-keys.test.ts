// @vitest-environment jsdom
/**
 * Unknown link keys (issue 20): the known set comes from the schemas and readers themselves; a
 * link's unknown keys give one notice (escaped, shortened) and are dropped from the link; every
 * generated unknown key (settings-fuzz.ts) is caught, and no key of a schema or reader is.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LABS } from '../app/labs';
import { baselineRecipeSettings } from './baseline-here';
import { CHALLENGE_PARAM } from './course-progress';
import { deploySettings } from './deploy';
import { deviceSettings } from './device';
import { energySettings } from './energy';
import { engineSettings } from './engine-settings';
import { useNotices } from './notices';
import { shelfPinSettings } from './shelf';
import { unknownKeys } from './settings-fuzz';
import { checkLinkKeys, knownLinkKeys, NAMED_KEYS, UNKNOWN_KEYS_NOTICE, unknownKeysMessage, unknownLinkKeys } from './settings-link-keys';

afterEach(() => {
  useNotices.setState({ notices: [] });
  window.location.hash = '';
});

const notices = () => useNotices.getState().notices.filter((n) => n.key === UNKNOWN_KEYS_NOTICE);

describe('the known link keys', () => {
  it('are every key of every schema the app defines and of every link reader', () => {
    const known = knownLinkKeys();
    const schemas = [...LABS.flatMap((l) => (l.settings ? [l.settings] : [])), deviceSettings, engineSettings, deploySettings, energySettings, shelfPinSettings, baselineRecipeSettings];
    for (const s of schemas) for (const k of Object.keys(s.fields)) expect(known.has(k), `${s.id}.${k}`).toBe(true);
    for (const k of ['backend', 'target', 'pinned', 'blModel', 'blEpochs', 'blSeed', CHALLENGE_PARAM, 'present']) expect(known.has(k), k).toBe(true);
  });

  it('come from every schema in the source: each defineSettings call is in a store module the checker loads', async () => {
    // The checker evaluates every src/store module; a schema defined elsewhere would be missed.
    const src = join(__dirname, '..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name) ? [join(dir, e.name)] : []));
    const defining = files(src).filter((f) => /\bdefineSettings\(\s*'/.test(readFileSync(f, 'utf8')));
    expect(defining.length).toBeGreaterThanOrEqual(14);
    for (const f of defining) expect(relative(src, f), 'a schema outside src/store').toMatch(/^store\/[^/]+\.ts$/);
    // A fresh module graph holding only the checker: what it registers comes from its own loading.
    vi.resetModules();
    const fresh = await import('./settings-link-keys');
    const schemaModule = await import('./settings-schema');
    const ids = new Set(schemaModule.registeredSchemas().map((s) => s.id));
    expect(fresh.knownLinkKeys().has('blSeed')).toBe(true);
    for (const f of defining) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bdefineSettings\(\s*'([^']+)'/g)) expect(ids.has(m[1]), m[1]).toBe(true);
    }
  });
});

describe('unknown keys (generated)', () => {
  it('every generated unknown key is reported, no known key is', () => {
    const known = knownLinkKeys();
    const bad = unknownKeys(known);
    const families = new Set(bad.map((u) => u.family));
    expect([...families].sort()).toEqual(['case', 'empty', 'many', 'markup', 'prototype', 'typo', 'unicode', 'very long']);
    for (const u of bad) {
      const q = new URLSearchParams();
      q.append(u.key, 'x');
      q.set('target', 'mcxn947');
      expect(unknownLinkKeys(q, known), `${u.family} ${JSON.stringify(u.key.slice(0, 30))}`).toEqual([u.key]);
    }
    const all = new URLSearchParams([...known].map((k) => [k, '1']));
    expect(unknownLinkKeys(all, known)).toEqual([]);
  });

  it('one message names up to five keys, shortened and flattened, and counts the rest', () => {
    const keys = ['k'.repeat(5000), '\u202e\u0000\n🙂', '<b>x</b>', 'a', 'b', 'c', 'd'];
    const msg = unknownKeysMessage(keys);
    expect(msg).toContain(`"${'k'.repeat(40)}…"`);
    expect(msg).toContain('"<b>x</b>"');
    expect(msg).toContain(`and ${keys.length - NAMED_KEYS} more`);
    expect(msg).not.toContain('"c"');
    // eslint-disable-next-line no-control-regex
    expect(msg).not.toMatch(/[\u0000-\u001f]/);
    expect(msg.length).toBeLessThan(400);
    expect(unknownKeysMessage(['zz'])).toMatch(/^This link has a key that no setting of this app reads: "zz"\. Ignored/);
  });
});

describe('checking the page link', () => {
  it('gives one notice for all unknown keys, scoped to the page, and drops them from the link', () => {
    window.location.hash = '#/pruning?prTarget=80&zzA=1&challenge=acc%3A90&%3Cb%3E=2&present=1&target=mcxn947&zzA=3';
    expect(checkLinkKeys()).toEqual(['zzA', '<b>']);
    const shown = notices();
    expect(shown).toHaveLength(1);
    expect(shown[0].route).toBe('/pruning');
    expect(shown[0].text).toContain('2 keys');
    expect(shown[0].text).toContain('"zzA", "<b>"');
    const after = new URLSearchParams(window.location.hash.split('?')[1]);
    expect([...after.keys()]).toEqual(['prTarget', 'challenge', 'present', 'target']);
    expect(window.location.hash.startsWith('#/pruning?')).toBe(true);
    // Checked again (a second reader, StrictMode): nothing new, the notice stays one.
    expect(checkLinkKeys()).toEqual([]);
    expect(notices()).toHaveLength(1);
  });

  it('a new link without unknown keys retires the notice; a link of only unknown keys is left bare', () => {
    window.location.hash = '#/train?zz=1';
    checkLinkKeys();
    expect(window.location.hash).toBe('#/train');
    expect(notices()).toHaveLength(1);
    window.location.hash = '#/train?epochs=2';
    checkLinkKeys(true);
    expect(notices()).toHaveLength(0);
  });
});
