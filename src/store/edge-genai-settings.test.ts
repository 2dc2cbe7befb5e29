import { describe, expect, it } from 'vitest';
import { decode, defaults } from './settings-schema';
import { edgeSettings } from './edge';
import { genaiSettings } from './genai';
import { energySettings } from './energy';

describe('edge, GenAI and energy settings reject bad values with the default', () => {
  const bad = ['0', '-1', '1e12', '', 'abc', 'NaN', 'Infinity'];
  it.each(bad)('edge data rate / sample / battery "%s"', (text) => {
    const { values, rejected } = decode(edgeSettings, { eRate: text, eSample: text, eBattery: text });
    expect(values.eRate).toBe(defaults(edgeSettings).eRate);
    expect(values.eSample).toBe(32);
    expect(values.eBattery).toBe(2500);
    expect(rejected.map((r) => r.label)).toEqual(['Data rate (kB/s)', 'Sample size (kB)', 'Battery capacity (mAh)']);
  });
  it.each(bad)('GenAI parameters / context "%s"', (text) => {
    const { values, rejected } = decode(genaiSettings, { gParams: text, gContext: text, gBits: text });
    expect(values.gParams).toBe(1);
    expect(values.gContext).toBe(1024);
    expect(values.gBits).toBe('4');
    expect(rejected).toHaveLength(3);
  });
  it.each(bad)('panel battery / rate "%s"', (text) => {
    const { values, rejected } = decode(energySettings, { batteryMah: text, inferencesPerSecond: text });
    expect(values).toEqual(defaults(energySettings));
    expect(rejected).toHaveLength(2);
  });
  it('accepts values in range', () => {
    expect(decode(genaiSettings, { gParams: '8', gContext: '32768', gTarget: 'imx93' }).rejected).toEqual([]);
    expect(decode(edgeSettings, { eRate: '0.6', eLink: 'lora', eModel: 'vww' }).values.eLink).toBe('lora');
  });
});
