import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSpec } from '../../model/analyze';
import { buildModel } from '../../model/build';
import { createRng } from './rng';
import { decode, DEFAULT_SPACE, sampleGenotype, type Genotype } from './space';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('decoded architectures run in tfjs', () => {
  it('every sampled architecture builds, and its layer shapes match analyzeSpec', () => {
    const rng = createRng(5);
    // Include the extremes: four downsampling max-pools (28 → 2 with 'same' padding) and the widest net.
    const extremes: Genotype[] = [
      { blocks: Array.from({ length: 4 }, () => ({ kind: 'conv' as const, kernel: 5, width: 4, down: 'maxpool' as const })), pool: 'flatten', head: 0 },
      { blocks: Array.from({ length: 4 }, () => ({ kind: 'dsconv' as const, kernel: 5, width: 64, down: 'stride2' as const })), pool: 'gap', head: 64 },
    ];
    const genotypes = [...extremes, ...Array.from({ length: 20 }, () => sampleGenotype(rng, DEFAULT_SPACE))];
    const before = tf.memory().numTensors;
    for (const g of genotypes) {
      const spec = decode(g);
      const info = analyzeSpec(spec);
      const outputs: Record<string, number[]> = {};
      const m = buildModel(spec, 1);
      tf.tidy(() => {
        const y = m.apply(tf.zeros([2, 28, 28, 1]), {
          hooks: { activation: (layer, t) => ((outputs[layer] = t.shape.slice(1)), t) },
        });
        expect(y.shape).toEqual([2, 10]);
      });
      for (const l of info.layers) if (outputs[l.name]) expect(outputs[l.name]).toEqual(l.outputShape);
      expect(Object.keys(outputs).length).toBeGreaterThan(0);
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
