// @vitest-environment jsdom
/**
 * Generated fuzz over every field of every settings schema the app registers (defineSettings): bad values from
 * settings-fuzz.ts through the schema layer, through a link and through saved (localStorage) state.
 * The lists come from the schemas, so a field added tomorrow is fuzzed too.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Notices } from '../components/Notices';
import { useNotices } from '../store/notices';
import { badValues, linkValue, MARKUP } from '../store/settings-fuzz';
// Evaluates every store module, so every schema the app defines is registered (its own glob).
import '../store/settings-link-keys';
import { decode, encode, defaults, registeredSchemas, rejectionMessage, shortValue, type Fields, type SettingsSchema } from '../store/settings-schema';
import { useLabSettings, useSettingsStore } from '../store/use-lab-settings';
import { LABS } from './labs';

// Every schema registered by defineSettings (the labs', the device panel's, the engine's, Deploy's,
// the energy row's, the pins', the baseline recipe's, …): a schema added tomorrow is fuzzed too.
const SCHEMAS: SettingsSchema<Fields>[] = registeredSchemas();

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ values: {} });
  useNotices.setState({ notices: [] });
  window.localStorage.clear();
  window.location.hash = '';
});

describe('every schema (generated)', () => {
  it('covers every lab schema and the shared ones', () => {
    const ids = SCHEMAS.map((s) => s.id);
    for (const l of LABS) if (l.settings) expect(ids).toContain(l.settings.id);
    expect(ids).toEqual(expect.arrayContaining(['device', 'engine']));
    expect(SCHEMAS.length).toBeGreaterThan(LABS.filter((l) => l.settings).length);
    // URL keys must be unique across schemas: two schemas on one page would fight over a key.
    const keys = SCHEMAS.flatMap((s) => Object.keys(s.fields));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  for (const schema of SCHEMAS) {
    describe(schema.id, () => {
      it('defaults are valid and round-trip through text', () => {
        const text = encode(schema, defaults(schema));
        const { values, rejected } = decode(schema, text);
        expect(rejected).toEqual([]);
        expect(values).toEqual(defaults(schema));
      });

      it('rejects every generated bad value of every field, with the default and a safe notice', () => {
        let cases = 0;
        for (const [key, field] of Object.entries(schema.fields)) {
          const def = field.serialise(field.default);
          for (const bad of badValues(field)) {
            cases++;
            const { values, rejected } = decode(schema, { [key]: bad.text });
            expect(rejected.map((r) => r.key), `${schema.id}.${key} = ${bad.family} ${JSON.stringify(bad.text.slice(0, 30))}`).toEqual([key]);
            expect((values as Record<string, unknown>)[key]).toEqual(field.default);
            const msg = rejectionMessage(rejected[0], def, 'the link');
            expect(msg.startsWith(`${field.label}: "`)).toBe(true);
            expect(msg).toContain(`using the default ${def === '' ? '(none)' : def}.`);
            expect(msg).toContain(shortValue(bad.text));
            expect(msg.length).toBeLessThan(400 + field.describe.length);
            // eslint-disable-next-line no-control-regex
            expect(msg).not.toMatch(/[\u0000-\u001f]/);
          }
        }
        // At least five bad values per field (a free list, e.g. the pins', rejects fewer kinds than a number).
        expect(cases).toBeGreaterThanOrEqual(Object.keys(schema.fields).length * 5);
      });

      it('ignores keys it does not know (they may belong to another schema) and keeps good ones', () => {
        const good = encode(schema, defaults(schema));
        const { values, rejected } = decode(schema, { ...good, zzUnknown: 'abc', __proto__: 'x', constructor: 'y' } as Record<string, string>);
        expect(rejected).toEqual([]);
        expect(values).toEqual(defaults(schema));
      });
    });
  }
});

function Reader({ schema }: { schema: SettingsSchema<Fields> }) {
  const [v] = useLabSettings(schema);
  return <output aria-label="values">{JSON.stringify(v)}</output>;
}

async function open(schema: SettingsSchema<Fields>) {
  await act(async () => {
    render(
      <MemoryRouter initialEntries={['/fuzz']}>
        <Notices />
        <Reader schema={schema} />
      </MemoryRouter>,
    );
  });
  return JSON.parse(screen.getByRole('status', { name: 'values' }).textContent ?? '{}') as Record<string, unknown>;
}

const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent ?? '');

describe('through a page (generated, every schema)', () => {
  for (const schema of SCHEMAS) {
    it(`${schema.id}: a link with every field bad gives one notice per field, the defaults and a rewritten link`, async () => {
      const fields = Object.entries(schema.fields);
      const params = new URLSearchParams();
      fields.forEach(([k, f], i) => params.set(k, linkValue(f, i).text));
      params.set('zzUnknown', MARKUP);
      window.location.hash = `#/fuzz?${params.toString()}`;
      const values = await open(schema);
      expect(values).toEqual(JSON.parse(JSON.stringify(defaults(schema))));
      const shown = alerts();
      expect(shown).toHaveLength(fields.length);
      for (const [, f] of fields) expect(shown.some((t) => t.startsWith(`${f.label}: "`))).toBe(true);
      expect(document.querySelector('img')).toBeNull();
      const after = new URLSearchParams(window.location.hash.split('?')[1]);
      for (const [k, f] of fields) expect(after.get(k)).toBe(f.serialise(f.default));
    });

    it(`${schema.id}: corrupt saved settings are reset (whole record or per field) and say so`, async () => {
      const key = `tinyml:settings:${schema.id}`;
      for (const raw of ['{{{', '[]', 'null', '"str"', '{"a":1}', JSON.stringify({ [Object.keys(schema.fields)[0]]: 5 })]) {
        window.localStorage.setItem(key, raw);
        const values = await open(schema);
        expect(values).toEqual(JSON.parse(JSON.stringify(defaults(schema))));
        expect(alerts().join(' ')).toMatch(/unreadable and have been reset/);
        cleanup();
        useSettingsStore.setState({ values: {} });
        useNotices.setState({ notices: [] });
      }
      const stored: Record<string, string> = {};
      Object.entries(schema.fields).forEach(([k, f], i) => (stored[k] = linkValue(f, i + 3).text));
      window.localStorage.setItem(key, JSON.stringify(stored));
      const values = await open(schema);
      expect(values).toEqual(JSON.parse(JSON.stringify(defaults(schema))));
      const shown = alerts();
      expect(shown).toHaveLength(Object.keys(schema.fields).length);
      expect(shown.every((t) => t.includes('from the saved settings'))).toBe(true);
      // Repaired in storage: the next visit starts clean.
      expect(JSON.parse(window.localStorage.getItem(key) ?? '{}')).toEqual(encode(schema, defaults(schema)));
    });
  }
});
