import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSimd, simdSupported } from './module';

/**
 * Every SIMD module's committed build (<name>.wasm.ts) comes from its current C source: the hash
 * recorded by scripts/build-simd.sh matches the .c file, and the bytes instantiate with the
 * functions the source defines.
 */
const dir = __dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith('.c'));

describe('SIMD modules', () => {
  // One test per module (int8.c: the integer engine's dense / conv / depthwise kernels).
  test('Node has WebAssembly SIMD (the probe the kernels are gated on)', () => {
    expect(simdSupported()).toBe(true);
  });
  for (const file of sources) {
    const name = file.slice(0, -2);
    test(`${name}.wasm.ts is built from the current ${file} (else: bash scripts/build-simd.sh ${name})`, async () => {
      const source = readFileSync(join(dir, file));
      const built = (await import(`./${name}.wasm.ts`)) as { SOURCE_SHA256: string; WASM_BASE64: string };
      expect(built.SOURCE_SHA256).toBe(createHash('sha256').update(source).digest('hex'));
      const m = loadSimd(built.WASM_BASE64);
      // Every exported (non-static) function the source defines is in the module.
      const defined = [...source.toString().matchAll(/^(?!static)[a-z_][\w\s*]*?\b(\w+)\s*\([^;{]*\)\s*\{/gm)].map((x) => x[1]);
      expect(defined.length).toBeGreaterThan(0);
      for (const f of defined) expect(typeof m.fn(f), f).toBe('function');
    });
  }
});
