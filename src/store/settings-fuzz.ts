/**
 * Bad values generated from a settings field (for the schema fuzz tests and the e2e link fuzz):
 * wrong types, NaN, ±Infinity, just outside the range, empty, very long, markup, and texts that
 * look like code. Every value returned must be rejected by the field's `parse`; the tests check it,
 * so a schema that quietly accepts one of them fails. Pure TS, used by tests only.
 */
import { MAX_TEXT, type Field } from './settings-schema';

export interface BadValue {
  family: 'wrong type' | 'NaN' | 'Infinity' | 'out of range' | 'empty' | 'very long' | 'markup' | 'unicode';
  text: string;
}

/** Markup that would run or show up as an element if a notice rendered it as HTML. */
export const MARKUP = '<img src=x onerror="window.__fuzzed=1">';

/** The bad values for one field (the same list every time: tests are reproducible). */
export function badValues(field: Field<unknown>): BadValue[] {
  // A free list (layer names, per-layer bits: empty by default, no range or options) may take a
  // plain word or nothing; everything else must reject them.
  const freeList = !field.bounds && !field.options && field.serialise(field.default) === '';
  const out: BadValue[] = [
    { family: 'wrong type', text: 'abc' },
    { family: 'empty', text: '' },
    { family: 'wrong type', text: '{"a":1}' },
    { family: 'wrong type', text: 'null' },
    { family: 'NaN', text: 'NaN' },
    { family: 'Infinity', text: 'Infinity' },
    { family: 'Infinity', text: '-Infinity' },
    { family: 'Infinity', text: '1e999' },
    { family: 'empty', text: '   ' },
    { family: 'very long', text: '9'.repeat(5000) },
    { family: 'very long', text: 'x'.repeat(100_000) },
    { family: 'markup', text: MARKUP },
    { family: 'markup', text: '"><script>window.__fuzzed=1</script>' },
    { family: 'unicode', text: '\u202e\u0000\n🙂' },
  ];
  const b = field.bounds;
  if (b) {
    const step = b.integer ? 1 : Math.max(Math.abs(b.max - b.min) * 1e-3, 1e-9);
    out.push({ family: 'out of range', text: String(b.min - step) });
    out.push({ family: 'out of range', text: String(b.max + step) });
    out.push({ family: 'wrong type', text: '0x10' });
    if (b.integer) out.push({ family: 'wrong type', text: `${b.min}.5` });
  } else if (field.options) {
    const first = field.options[0] ?? 'a';
    out.push({ family: 'out of range', text: `${first}x` });
    out.push({ family: 'out of range', text: first.toUpperCase() === first ? `${first}_` : first.toUpperCase() });
  } else {
    out.push({ family: 'out of range', text: ',' });
    out.push({ family: 'out of range', text: '-1,99999' });
  }
  // Words ("abc", "null", "NaN") and blanks can be layer names or "none" in a free list; texts over
  // the length limit cannot.
  return freeList ? out.filter((v) => v.text.length > MAX_TEXT || !/^[\w:., -]*$/.test(v.text)) : out;
}

/** One bad value per field for a single link, rotating through the families (field i gets value i mod n). */
export function linkValue(field: Field<unknown>, index: number): BadValue {
  // Keep links short enough for a browser address bar: no 100 kB values in a link.
  const all = badValues(field).filter((v) => v.text.length <= 5000);
  return all[index % all.length];
}

export interface UnknownKey {
  family: 'typo' | 'case' | 'markup' | 'very long' | 'unicode' | 'prototype' | 'empty' | 'many';
  key: string;
}

/**
 * Link keys no schema knows, generated from the known keys (a near miss of each: one letter off,
 * another case) plus hostile ones: markup, a 5,000-character key, control characters, prototype
 * names, an empty key. Every key returned must be reported as unknown; the tests check it.
 */
export function unknownKeys(known: ReadonlySet<string>): UnknownKey[] {
  const near = [...known].sort().slice(0, 40);
  const out: UnknownKey[] = [
    ...near.map((k) => ({ family: 'typo' as const, key: `${k}x` })),
    ...near.filter((k) => k.toUpperCase() !== k).map((k) => ({ family: 'case' as const, key: k.toUpperCase() })),
    { family: 'markup', key: MARKUP },
    { family: 'markup', key: '"><script>window.__fuzzed=1</script>' },
    { family: 'very long', key: 'k'.repeat(5000) },
    { family: 'unicode', key: '\u202e\u0000\n🙂' },
    { family: 'prototype', key: '__proto__' },
    { family: 'prototype', key: 'constructor' },
    { family: 'prototype', key: 'hasOwnProperty' },
    { family: 'empty', key: '' },
    ...Array.from({ length: 30 }, (_, i) => ({ family: 'many' as const, key: `zz${i}` })),
  ];
  return out.filter((u) => !known.has(u.key));
}
