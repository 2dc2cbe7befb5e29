import { describe, expect, it } from 'vitest';
import { Lru, weightBytes } from './lru';

describe('Lru', () => {
  it('keeps at most maxEntries, dropping the least recently used first', () => {
    const dropped: string[] = [];
    const c = new Lru<number>({ name: 't', maxEntries: 3, onDrop: (_v, k) => dropped.push(k) });
    for (const k of ['a', 'b', 'c']) c.set(k, 1);
    c.get('a'); // a is now the most recent
    c.set('d', 1);
    expect(c.keys()).toEqual(['c', 'a', 'd']);
    expect(dropped).toEqual(['b']);
    for (let i = 0; i < 100; i++) c.set(`k${i}`, i);
    expect(c.size).toBe(3);
    expect(c.stats()).toMatchObject({ entries: 3, maxEntries: 3, evicted: 101 });
  });

  it('keeps the byte total within maxBytes and never keeps a value larger than the bound', () => {
    const c = new Lru<Float32Array>({ name: 'w', maxEntries: 100, maxBytes: 1000, sizeOf: (v) => v.byteLength });
    for (let i = 0; i < 10; i++) {
      c.set(`k${i}`, new Float32Array(60)); // 240 B each
      expect(c.stats().bytes).toBeLessThanOrEqual(1000);
    }
    expect(c.size).toBe(4);
    expect(c.stats().bytes).toBe(960);
    c.set('huge', new Float32Array(1000));
    expect(c.has('huge')).toBe(false);
    expect(c.size).toBe(4);
  });

  it('replacing, deleting and clearing free what the entries own', () => {
    let live = 0;
    const c = new Lru<{ n: number }>({ name: 'o', maxEntries: 2, sizeOf: () => 10, onDrop: () => live-- });
    const put = (k: string) => {
      live++;
      c.set(k, { n: live });
    };
    put('a');
    put('a'); // replaced: the first is dropped
    put('b');
    put('c'); // evicts a
    expect(live).toBe(2);
    expect(c.delete('b')).toBe(true);
    expect(c.delete('b')).toBe(false);
    c.clear();
    expect(live).toBe(0);
    expect(c.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('rejects a bound below one entry and counts weight bytes', () => {
    expect(() => new Lru({ name: 'x', maxEntries: 0 })).toThrow(/at least 1/);
    expect(weightBytes([{ data: new Float32Array(10) }, { data: new Int8Array(3) }])).toBe(43);
  });
});
