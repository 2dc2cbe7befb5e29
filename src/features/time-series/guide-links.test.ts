/**
 * The guide's "Set up this exercise" links decode with the lab's settings schema (a typo or an
 * out-of-range value fails here), and the field-conditions links carry FIELD_PRESETS' values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, type Fields, type SettingsSchema } from '../../store/settings-schema';
import { timeSeriesSettings } from '../../store/time-series';
import { FIELD_PRESETS } from '../../core/data/timeseries/lab-defaults';

const md = readFileSync(join(__dirname, '../../../labs/time-series.md'), 'utf8');
const links = [...md.matchAll(/\[Set up this exercise\]\(#\/time-series\?([^)]*)\)/g)].map((m) => Object.fromEntries(new URLSearchParams(m[1])));

describe('time-series guide links', () => {
  it('every set-up link decodes without rejections', () => {
    expect(links.length).toBeGreaterThanOrEqual(3);
    const schema = timeSeriesSettings as unknown as SettingsSchema<Fields>;
    for (const params of links) {
      expect(Object.keys(params).filter((k) => !(k in schema.fields))).toEqual([]);
      expect(decode(schema, params).rejected).toEqual([]);
    }
  });

  it('the field-conditions links use the presets of lab-defaults', () => {
    for (const [task, preset] of Object.entries(FIELD_PRESETS)) {
      const link = links.find((l) => l.tsTask === task && Number(l.tsNoise) === preset.noise);
      expect(link, task).toBeDefined();
      if (preset.imbalance !== undefined) expect(Number(link!.tsImbalance)).toBe(preset.imbalance);
      if (preset.recordings !== undefined) expect(Number(link!.tsRecordings)).toBe(preset.recordings);
    }
  });
});
