import { describe, expect, it } from 'vitest';
import {
  boolField,
  decode,
  defaults,
  defineSettings,
  encode,
  enumField,
  intField,
  numberField,
  parseStored,
  rejectionMessage,
} from './settings-schema';

const schema = defineSettings('t', {
  model: enumField('Model', ['mlp', 'lenet5'] as const, 'mlp'),
  epochs: intField('Epochs', 5, { min: 1, max: 50 }),
  learningRate: numberField('Learning rate', 0.001, { min: 1e-5, max: 1 }),
  shuffle: boolField('Shuffle', true),
});

describe('settings schema', () => {
  it('round-trips every field through its text form', () => {
    const v = { model: 'lenet5' as const, epochs: 12, learningRate: 0.0003, shuffle: false };
    const text = encode(schema, v);
    expect(text).toEqual({ model: 'lenet5', epochs: '12', learningRate: '0.0003', shuffle: 'false' });
    const { values, rejected } = decode(schema, text);
    expect(values).toEqual(v);
    expect(rejected).toEqual([]);
  });

  it('round-trips through a URL query string', () => {
    const v = { model: 'lenet5' as const, epochs: 3, learningRate: 1e-5, shuffle: true };
    const q = new URLSearchParams(encode(schema, v)).toString();
    expect(decode(schema, Object.fromEntries(new URLSearchParams(q))).values).toEqual(v);
  });

  it('uses defaults for missing keys without complaint and ignores unknown keys', () => {
    const { values, rejected } = decode(schema, { other: 'x' });
    expect(values).toEqual(defaults(schema));
    expect(rejected).toEqual([]);
  });

  it('falls back to the default for each bad value and names the field', () => {
    const { values, rejected } = decode(schema, {
      model: 'resnet',
      epochs: '2.5',
      learningRate: '7',
      shuffle: 'maybe',
    });
    expect(values).toEqual(defaults(schema));
    expect(rejected.map((r) => r.label)).toEqual(['Model', 'Epochs', 'Learning rate', 'Shuffle']);
    const msg = rejectionMessage(rejected[1], '5', 'the link');
    expect(msg).toContain('Epochs');
    expect(msg).toContain('"2.5"');
    expect(msg).toContain('5');
    // An empty default is named, not left as "using the default ."
    expect(rejectionMessage(rejected[0], '', 'the link')).toMatch(/using the default \(none\)\.$/);
  });

  it('enforces ranges at both ends and rejects non-numbers', () => {
    const ep = schema.fields.epochs;
    expect(ep.parse('1')).toBe(1);
    expect(ep.parse('50')).toBe(50);
    expect(ep.parse('0')).toBeUndefined();
    expect(ep.parse('51')).toBeUndefined();
    expect(ep.parse('')).toBeUndefined();
    expect(ep.parse('1e1')).toBeUndefined();
    const lr = schema.fields.learningRate;
    expect(lr.parse('1e-3')).toBe(0.001);
    expect(lr.parse('NaN')).toBeUndefined();
    expect(lr.parse('Infinity')).toBeUndefined();
    expect(lr.parse(' ')).toBeUndefined();
  });

  it('takes the first source that has a key (URL before storage)', () => {
    const { values } = decode(schema, { epochs: '9' }, { epochs: '4', model: 'lenet5' });
    expect(values.epochs).toBe(9);
    expect(values.model).toBe('lenet5');
  });

  it('tells corrupt stored state from absent state', () => {
    expect(parseStored(null)).toBeUndefined();
    expect(parseStored('{"epochs":"3"}')).toEqual({ epochs: '3' });
    expect(parseStored('{not json')).toBeNull();
    expect(parseStored('[1,2]')).toBeNull();
    expect(parseStored('"text"')).toBeNull();
    expect(parseStored('{"epochs":3}')).toBeNull();
  });
});
