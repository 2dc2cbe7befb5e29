import { describe, expect, it } from 'vitest';
import { checkCsvSize, csvDataset, CsvError, parseSensorCsv, labelFromFileName } from './csv';

describe('CSV import', () => {
  it('reads time, channels and a label column into labelled recordings', () => {
    const text = 'time,x,y,label\n0,1,2,idle\n0.01,1,2,idle\n0.02,3,4,walk\n0.03,3,4,walk\n0.04,3,5,walk\n';
    const p = parseSensorCsv(text);
    expect(p.channelNames).toEqual(['x', 'y']);
    expect(p.sampleRate).toBeCloseTo(100, 6);
    expect(p.segments.map((s) => [s.label, s.channels[0].length])).toEqual([['idle', 2], ['walk', 3]]);
    const ds = csvDataset([p], 50);
    expect(ds.classNames).toEqual(['idle', 'walk']);
    expect(ds.sampleRate).toBeCloseTo(100, 6);
  });

  it('labels a file without a label column by its name (one file per label)', () => {
    const p = parseSensorCsv('x,y,z\n1,2,3\n4,5,6\n', labelFromFileName('fan-on.csv'));
    expect(p.segments).toHaveLength(1);
    expect(p.segments[0].label).toBe('fan-on');
    expect(p.sampleRate).toBeNull();
  });

  it.each([
    ['label\nidle\nwalk\n', /No numeric columns/],
    ['x,y\n1,2\n3\n', /Ragged rows: row 3 has 1 values/],
    ['x,y\n1,2\n', /only one sample/],
    ['x,y\n1,2\n3,NaN\n', /Row 3, column "y": "NaN" is not a number/],
    ['1,2\n3,4\n', /header/],
    ['time,x\n0,1\n0,2\n', /must increase/],
  ])('rejects %j with a message naming the problem', (text, message) => {
    expect(() => parseSensorCsv(text)).toThrow(CsvError);
    expect(() => parseSensorCsv(text)).toThrow(message);
  });

  it('refuses a 100 MB file by its size, before reading it', () => {
    expect(() => checkCsvSize(100 * 1024 * 1024)).toThrow(/100\.0 MB; the limit is 20 MB/);
    expect(() => checkCsvSize(1000)).not.toThrow();
  });

  it('refuses files with different channels', () => {
    const a = parseSensorCsv('x,y\n1,2\n3,4\n', 'a');
    const b = parseSensorCsv('x,z\n1,2\n3,4\n', 'b');
    expect(() => csvDataset([a, b], 100)).toThrow(/"b" has channels x, z/);
  });
});
