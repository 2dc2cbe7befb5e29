/**
 * Typed settings schemas: one definition per lab gives defaults, ranges, parsing and serialising,
 * and the same definition round-trips the URL (hash query) and localStorage.
 *
 * How a lab defines its settings (a few lines, in its feature folder or store slice):
 *
 *   export const pruningSettings = defineSettings('pruning', {
 *     sparsity: numberField('Sparsity', 0.5, { min: 0, max: 0.99 }),
 *     method: enumField('Method', ['magnitude', 'random'] as const, 'magnitude'),
 *     steps: intField('Steps', 10, { min: 1, max: 100 }),
 *     structured: boolField('Structured', false),
 *   });
 *
 * and reads them in a component with
 *
 *   const [settings, update] = useLabSettings(pruningSettings);   // from src/store/use-lab-settings
 *   update({ sparsity: 0.8 });
 *
 * URL keys are the field keys, so keep them unique across the schemas shown on one page
 * (prefix them if two labs could clash). The label names the field in notices ("Sparsity"), so use
 * the same text as the control's visible label.
 *
 * A value that does not parse or is out of range falls back to the default; `decode` reports every
 * such field so the page can show a notice naming it. This module is pure (no React, no DOM) so it is
 * unit-tested in Node.
 */

export interface Field<T> {
  /** Visible name of the setting; notices name the field by it. */
  label: string;
  default: T;
  /** Returns undefined when the text is not a valid value. */
  parse(text: string): T | undefined;
  serialise(value: T): string;
  /** Human description of what is valid, e.g. "a whole number from 1 to 50". */
  describe: string;
  /** The valid range of a numeric field (lets tests generate values just outside it). */
  bounds?: { min: number; max: number; integer: boolean };
  /** The valid texts of an enum-like field. */
  options?: readonly string[];
}

export type Fields = Record<string, Field<unknown>>;
export type Values<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export interface SettingsSchema<F extends Fields> {
  /** Also the localStorage key suffix: `tinyml:settings:<id>`. */
  id: string;
  fields: F;
}

export interface Rejected {
  key: string;
  label: string;
  text: string;
  describe: string;
}

/**
 * Every schema defined so far, by id, and the link keys read outside a schema (`linkParam`). The
 * unknown-key check of a link (settings-link-keys.ts) derives the known keys from them, so a new
 * field or reader is known the moment it is written, without a second list to keep in step.
 */
const schemaRegistry = new Map<string, SettingsSchema<Fields>>();
const paramRegistry = new Set<string>();

export function defineSettings<F extends Fields>(id: string, fields: F): SettingsSchema<F> {
  const schema = { id, fields };
  schemaRegistry.set(id, schema as unknown as SettingsSchema<Fields>);
  return schema;
}

/**
 * Declares a link key that a reader parses itself rather than through a schema (`challenge=`,
 * `present=`); returns the key, so the reader uses the declared name.
 */
export function linkParam<const K extends string>(key: K): K {
  paramRegistry.add(key);
  return key;
}

/** The keys of every schema and link parameter defined so far. */
export function registeredLinkKeys(): Set<string> {
  const keys = new Set(paramRegistry);
  for (const s of schemaRegistry.values()) for (const k of Object.keys(s.fields)) keys.add(k);
  return keys;
}

/** Every schema defined so far (in definition order). */
export function registeredSchemas(): SettingsSchema<Fields>[] {
  return [...schemaRegistry.values()];
}

function fmt(n: number): string {
  return String(n);
}

/** The longest text any field accepts. */
export const MAX_TEXT = 1000;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function intField(label: string, def: number, range: { min: number; max: number }): Field<number> {
  return {
    label,
    default: def,
    describe: `a whole number from ${fmt(range.min)} to ${fmt(range.max)}`,
    bounds: { ...range, integer: true },
    parse(text) {
      if (!/^-?\d+$/.test(text.trim())) return undefined;
      const v = Number(text);
      return Number.isSafeInteger(v) && v >= range.min && v <= range.max ? v : undefined;
    },
    serialise: (v) => String(v),
  };
}

export function numberField(label: string, def: number, range: { min: number; max: number }): Field<number> {
  return {
    label,
    default: def,
    describe: `a number from ${fmt(range.min)} to ${fmt(range.max)}`,
    bounds: { ...range, integer: false },
    parse(text) {
      const t = text.trim();
      // Plain decimal notation only: Number() would also take "0x10", "0b1" and "" (as 0).
      if (!DECIMAL.test(t)) return undefined;
      const v = Number(t);
      return Number.isFinite(v) && v >= range.min && v <= range.max ? v : undefined;
    },
    serialise: (v) => String(v),
  };
}

export function enumField<const T extends string>(label: string, options: readonly T[], def: T): Field<T> {
  return {
    label,
    default: def,
    describe: `one of ${options.join(', ')}`,
    options,
    parse: (text) => (options as readonly string[]).includes(text) ? (text as T) : undefined,
    serialise: (v) => v,
  };
}

export function boolField(label: string, def: boolean): Field<boolean> {
  return {
    label,
    default: def,
    describe: 'true or false',
    options: ['true', 'false'],
    parse: (text) => (text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined),
    serialise: (v) => (v ? 'true' : 'false'),
  };
}

export function defaults<F extends Fields>(schema: SettingsSchema<F>): Values<F> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema.fields)) out[k] = f.default;
  return out as Values<F>;
}

/** Text form of every field, in schema order (for the URL and for localStorage). */
export function encode<F extends Fields>(schema: SettingsSchema<F>, values: Values<F>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, f] of Object.entries(schema.fields)) out[k] = f.serialise((values as Record<string, unknown>)[k]);
  return out;
}

/**
 * Reads the schema's fields from text sources, first source that has a key wins (e.g. URL, then
 * localStorage). Missing keys take the default silently; present but invalid keys take the default
 * and are reported. Keys the schema does not know are ignored (they may belong to another schema).
 */
export function decode<F extends Fields>(
  schema: SettingsSchema<F>,
  ...sources: (Record<string, string> | undefined)[]
): { values: Values<F>; rejected: Rejected[] } {
  const values: Record<string, unknown> = {};
  const rejected: Rejected[] = [];
  for (const [k, f] of Object.entries(schema.fields)) {
    const src = sources.find((s) => s !== undefined && Object.hasOwn(s, k));
    if (!src) {
      values[k] = f.default;
      continue;
    }
    const text = src[k];
    // No setting needs more than a few hundred characters; a longer text is rejected before parsing
    // (a 100 kB "layer name" in a link would otherwise be kept, stored and shown).
    const v = typeof text === 'string' && text.length <= MAX_TEXT ? f.parse(text) : undefined;
    if (v === undefined) {
      values[k] = f.default;
      rejected.push({ key: k, label: f.label, text: String(text), describe: f.describe });
    } else {
      values[k] = v;
    }
  }
  return { values: values as Values<F>, rejected };
}

/**
 * A bad value as a notice shows it: control characters and line breaks made visible as spaces (a
 * link can carry any text) and cut to 40 characters. Notices render it as text, never as markup.
 */
export function shortValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  const chars = Array.from(flat); // by code point, so an emoji is never cut in half
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : flat;
}

/** The notice text for a rejected value: names the field, the bad text, what is valid, the default used. */
export function rejectionMessage(r: Rejected, defaultText: string, where: string): string {
  const shown = shortValue(r.text);
  // An empty default (e.g. "no per-layer targets") would read as "using the default ." otherwise.
  const def = defaultText === '' ? '(none)' : defaultText;
  return `${r.label}: "${shown}" from ${where} is not valid (expected ${r.describe}); using the default ${def}.`;
}

/** Parses a stored JSON object of strings; returns null when it is corrupt (not JSON, not an object of strings). */
export function parseStored(raw: string | null): Record<string, string> | undefined | null {
  if (raw === null) return undefined;
  try {
    const obj: unknown = JSON.parse(raw);
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v !== 'string') return null;
      out[k] = v;
    }
    return out;
  } catch {
    return null;
  }
}
