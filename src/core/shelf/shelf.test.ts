import { describe, expect, it } from 'vitest';
import { MAX_SHELF_FILE_BYTES, readShelfFile, ShelfFileError, writeShelfFile } from './file-format';
import { lineageProblems, lineageRows } from './lineage';
import { defaultVersionName, pruneStep, quantStep, uniqueName } from './naming';
import { fakeQuantizedVersion, fakeVersion } from './test-fixtures';
import { runningAccuracy } from './types';
import { validateVersion } from './validate';

const bytes = (s: string) => new TextEncoder().encode(s);
const sameBits = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('shelf file: export / import', () => {
  it('round-trips spec, weights, masks and quantization parameters bit-exactly', () => {
    const a = fakeVersion('a');
    const b = fakeQuantizedVersion('b', 'a');
    const back = readShelfFile(bytes(writeShelfFile({ versions: [a, b], tombstones: [] })));
    expect(back.versions).toHaveLength(2);
    const [a2, b2] = back.versions;
    expect(a2.spec).toEqual(a.spec);
    expect(b2.parentId).toBe('a');
    a.weights.forEach((w, i) => expect(sameBits(a2.weights[i].data, w.data)).toBe(true));
    expect(Object.is(a2.weights[0].data[0], -0)).toBe(true);
    b.masks!.forEach((m, i) => expect(sameBits(b2.masks![i].mask, m.mask)).toBe(true));
    b.quant!.weights.forEach((q, i) => {
      expect(sameBits(b2.quant!.weights[i].scale, q.scale)).toBe(true);
      expect(sameBits(b2.quant!.weights[i].zeroPoint, q.zeroPoint)).toBe(true);
    });
    expect(b2.quant!.activations[0].zeroPoint[0]).toBe(-128);
    expect(runningAccuracy(b2)).toBe(0.931);
    expect(runningAccuracy(a2)).toBe(0.9375);
  });

  it('imports a child whose parent is already on the shelf or was deleted', () => {
    const child = fakeVersion('c', 'p');
    const file = bytes(writeShelfFile({ versions: [child], tombstones: [] }));
    expect(() => readShelfFile(file)).toThrow(/lineage.*parent \(p\) is missing/);
    expect(readShelfFile(file, { ids: ['p'], tombstones: [] }).versions[0].id).toBe('c');
    const withTomb = bytes(writeShelfFile({ versions: [child], tombstones: [{ id: 'p', name: 'old', deletedAt: '2026-12-01T00:00:00Z' }] }));
    expect(readShelfFile(withTomb).tombstones[0].name).toBe('old');
  });

  const good = writeShelfFile({ versions: [fakeVersion('a')], tombstones: [] });
  const rejections: [string, Uint8Array, RegExp][] = [
    ['a newer format', bytes(good.replace('"formatVersion":1', '"formatVersion":2')), /newer TinyML Lab \(format 2; this app reads format 1\)/],
    ['a truncated file', bytes(good.slice(0, Math.floor(good.length * 0.6))), /truncated/],
    ['a foreign JSON', bytes('{"name":"my-package","version":"1.0.0"}'), /not a TinyML Lab shelf file/],
    ['a JSON array', bytes('[1,2,3]'), /not a TinyML Lab shelf file/],
    ['binary data', Uint8Array.of(0xff, 0xfe, 0x00, 0x81), /not text/],
    ['plain text', bytes('hello'), /not valid JSON/],
    ['an empty file', new Uint8Array(0), /empty/],
    ['a version with NaN weights', bytes(good.replace(/"\$f32":"[^"]{8}/, '"$f32":"AADAfwAA')), /version 1 of the file is invalid: .*non-finite/],
    ['a version without weights', bytes(good.replace('"weights":', '"weightz":')), /version 1 .*weights are missing/],
    ['a version whose spec no longer validates', bytes(good.replace('"inputShape":[', '"inputShape":[-3,')), /does not validate/],
    ['deep nesting', bytes(`{"format":"tinyml-lab-shelf","formatVersion":1,"versions":${'['.repeat(200_000)}${']'.repeat(200_000)}}`), /nested too deeply|invalid|no versions|not/],
  ];
  for (const [what, file, reason] of rejections) {
    it(`rejects ${what} with a reason`, () => {
      expect(() => readShelfFile(file)).toThrow(ShelfFileError);
      expect(() => readShelfFile(file)).toThrow(reason);
    });
  }

  it('rejects a file over the size limit before reading it', () => {
    const big = new Uint8Array(MAX_SHELF_FILE_BYTES + 1);
    expect(() => readShelfFile(big)).toThrow(/at most 50 MB/);
  });

  it('rejects a file holding the same version twice, or a cycle', () => {
    const a = fakeVersion('a');
    expect(() => readShelfFile(bytes(writeShelfFile({ versions: [a, a], tombstones: [] })))).toThrow(/twice/);
    const x = fakeVersion('x', 'y');
    const y = fakeVersion('y', 'x');
    expect(() => readShelfFile(bytes(writeShelfFile({ versions: [x, y], tombstones: [] })))).toThrow(/cycle/);
  });
});

describe('lineage', () => {
  const n = (id: string, parentId: string | null) => ({ id, name: id.toUpperCase(), parentId });

  it('accepts a forest whose parents exist or are marked deleted', () => {
    expect(lineageProblems([n('a', null), n('b', 'a'), n('c', 'b'), n('d', 'gone')], [{ id: 'gone', name: 'G', deletedAt: '' }])).toEqual([]);
  });

  it('reports missing parents, self-parents and cycles (and terminates)', () => {
    const p = lineageProblems([n('a', 'zzz'), n('s', 's'), n('x', 'y'), n('y', 'x'), n('t', 'x')]);
    expect(p.find((q) => q.id === 'a')?.reason).toMatch(/missing/);
    expect(p.find((q) => q.id === 's')?.reason).toMatch(/own parent/);
    expect(p.find((q) => q.id === 'x')?.reason).toMatch(/cycle/);
    expect(p.find((q) => q.id === 'y')?.reason).toMatch(/cycle/);
  });

  it('lays out the tree depth-first with parent names, "(deleted)" for tombstones', () => {
    const rows = lineageRows([n('a', null), n('b', 'a'), n('c', 'a'), n('d', 'b'), n('e', 'gone')], [{ id: 'gone', name: 'Old', deletedAt: '' }]);
    expect(rows.map((r) => [r.node.id, r.depth, r.parentName])).toEqual([
      ['a', 0, null], ['b', 1, 'A'], ['d', 2, 'B'], ['c', 1, 'A'], ['e', 0, 'Old (deleted)'],
    ]);
    expect(lineageRows([n('x', 'y'), n('y', 'x')])).toHaveLength(2);
  });
});

describe('version validation and names', () => {
  it('accepts a good version and reports the reason for a damaged one', () => {
    expect(validateVersion(fakeQuantizedVersion('q', 'p')).ok).toBe(true);
    const bad = fakeQuantizedVersion('q', 'p');
    bad.masks![0].mask = new Uint8Array(3);
    expect(validateVersion(bad)).toMatchObject({ ok: false, reason: expect.stringMatching(/pruning mask of .* does not match/) });
    const badScale = fakeQuantizedVersion('q', 'p');
    badScale.quant!.weights[0].scale[0] = 0;
    expect(validateVersion(badScale)).toMatchObject({ ok: false, reason: expect.stringMatching(/scale .* not a positive number/) });
    expect(validateVersion({ ...fakeVersion('a'), createdAt: 'never' })).toMatchObject({ ok: false, reason: expect.stringMatching(/creation date/) });
    expect(validateVersion({ ...fakeVersion('a'), technique: 'magic' })).toMatchObject({ ok: false, reason: expect.stringMatching(/technique/) });
    expect(validateVersion('nope')).toMatchObject({ ok: false });
  });

  it('builds default names like "LeNet-5 · pruned 80 % · int8"', () => {
    expect(defaultVersionName(defaultVersionName('LeNet-5', pruneStep(0.8)), quantStep(8))).toBe('LeNet-5 · pruned 80 % · int8');
    expect(defaultVersionName('LeNet-5 · int8', quantStep(8))).toBe('LeNet-5 · int8');
    expect(uniqueName('A', ['A', 'A (2)'])).toBe('A (3)');
  });
});

describe('Pareto front', () => {
  it('keeps the versions no other beats on both cost and accuracy, cheapest first', async () => {
    const { paretoFront } = await import('./pareto');
    const pts = [
      { cost: 100, accuracy: 0.98 }, // float: big, best
      { cost: 30, accuracy: 0.97 }, // int8: on the front
      { cost: 40, accuracy: 0.96 }, // dominated by the int8 one
      { cost: 10, accuracy: 0.9 }, // pruned int8: cheapest
      { cost: 10, accuracy: 0.85 }, // same cost, worse
      { cost: NaN, accuracy: 0.99 }, // unknown cost: not placed
    ];
    expect(paretoFront(pts)).toEqual([3, 1, 0]);
    expect(paretoFront([])).toEqual([]);
  });
});
