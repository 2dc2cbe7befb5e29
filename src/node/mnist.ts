/** Node-only loader for tests and scripts: reads public/data/ (run `npm run data` first). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MNIST_FILES, parseMnist, type MnistData } from '../core/data/mnist';

let cached: MnistData | null = null;

export function readMnistFromDisk(root = process.cwd()): MnistData {
  if (cached) return cached;
  const read = (f: string) => new Uint8Array(readFileSync(join(root, 'public', f)));
  cached = parseMnist(read(MNIST_FILES.images), read(MNIST_FILES.labels));
  return cached;
}
