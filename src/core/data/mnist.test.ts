import { describe, expect, it } from 'vitest';
import { classCounts, imagesToFloat, IMAGE_SIZE, oneHot, parseMnist, subsetIndices, TEST_SIZE, TRAIN_SIZE } from './mnist';
import { readMnistFromDisk } from '../../node/mnist';
import { deriveSeed, mulberry32, shuffledIndices } from './random';

describe('MNIST files (npm run data)', () => {
  const data = readMnistFromDisk();

  it('has the fixed 8,000 / 2,000 split', () => {
    expect(data.train.count).toBe(8000);
    expect(data.test.count).toBe(2000);
    expect(data.train.images.length).toBe(TRAIN_SIZE * IMAGE_SIZE);
    expect(data.test.labels.length).toBe(TEST_SIZE);
  });

  it('has labels 0..9 and roughly balanced classes in both splits', () => {
    for (const split of [data.train, data.test]) {
      const counts = classCounts(split.labels);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(split.count);
      for (const c of counts) {
        expect(c).toBeGreaterThan(split.count * 0.07);
        expect(c).toBeLessThan(split.count * 0.13);
      }
    }
  });

  it('has a shuffled (not class-sorted) order, so a prefix has every class', () => {
    const counts = classCounts(data.train.labels.subarray(0, 500));
    for (const c of counts) expect(c).toBeGreaterThan(25);
  });

  it('has real digit images: mostly black, some full-white pixels', () => {
    const img = data.train.images.subarray(0, IMAGE_SIZE);
    const zeros = img.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(IMAGE_SIZE * 0.5);
    expect(Math.max(...img)).toBeGreaterThan(200);
  });

  it('converts to floats in [0, 1]', () => {
    const f = imagesToFloat(data.test, [0, 5]);
    expect(f.length).toBe(2 * IMAGE_SIZE);
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...f)).toBeLessThanOrEqual(1);
    expect(f[5 * 0 + 300]).toBeCloseTo(data.test.images[300] / 255, 6);
    expect(() => imagesToFloat(data.test, [2000])).toThrow(/outside/);
  });

  it('rejects files of the wrong size or with bad labels', () => {
    expect(() => parseMnist(new Uint8Array(10), new Uint8Array(10))).toThrow(/labels: expected 10000/);
    const labels = new Uint8Array(10000);
    labels[3] = 12;
    expect(() => parseMnist(new Uint8Array(10000 * IMAGE_SIZE), labels)).toThrow(/record 3 has label 12/);
  });
});

describe('helpers', () => {
  it('one-hot encodes', () => {
    expect(Array.from(oneHot([2, 0], 3))).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('selects a prefix subset, clamped to the split', () => {
    expect(Array.from(subsetIndices(10, 3))).toEqual([0, 1, 2]);
    expect(subsetIndices(10, 50).length).toBe(10);
    expect(subsetIndices(10).length).toBe(10);
  });
});

describe('seeded randomness', () => {
  it('mulberry32 is reproducible and seed-dependent', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect([c(), c(), c()]).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it('shuffles reproducibly into a permutation', () => {
    const p = shuffledIndices(1000, 7);
    expect(Array.from(shuffledIndices(1000, 7))).toEqual(Array.from(p));
    expect(Array.from(shuffledIndices(1000, 8))).not.toEqual(Array.from(p));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // Actually shuffled: few fixed points.
    expect(Array.from(p).filter((v, i) => v === i).length).toBeLessThan(20);
  });

  it('derives distinct seeds per salt', () => {
    expect(deriveSeed(1, 'epoch/0')).toBe(deriveSeed(1, 'epoch/0'));
    expect(deriveSeed(1, 'epoch/0')).not.toBe(deriveSeed(1, 'epoch/1'));
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
  });
});

describe('fetchMnist', () => {
  it('downloads both files relative to a base URL, reporting byte progress up to the total', async () => {
    const { createServer } = await import('node:http');
    const { readFileSync } = await import('node:fs');
    const { fetchMnist, MNIST_FILES } = await import('./mnist');
    const files: Record<string, Buffer> = {
      [`/app/${MNIST_FILES.images}`]: readFileSync(`public/${MNIST_FILES.images}`),
      [`/app/${MNIST_FILES.labels}`]: readFileSync(`public/${MNIST_FILES.labels}`),
    };
    const server = createServer((req, res) => {
      const body = files[req.url ?? ''];
      res.writeHead(body ? 200 : 404);
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, r));
    const port = (server.address() as { port: number }).port;
    try {
      const progress: [number, number][] = [];
      const data = await fetchMnist(`http://localhost:${port}/app/index.html`, (l, t) => progress.push([l, t]));
      expect(data.train.count).toBe(8000);
      expect(progress.length).toBeGreaterThan(1);
      const [loaded, total] = progress[progress.length - 1];
      expect(total).toBe(10000 * 785);
      expect(loaded).toBe(total);
      await expect(fetchMnist(`http://localhost:${port}/elsewhere/`)).rejects.toThrow(/HTTP 404/);
    } finally {
      server.close();
    }
  });
});
