import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMnistFromDisk } from '../node/mnist';
import { analyzeSpec } from '../core/model/analyze';
import { zooSpec } from '../core/model/zoo/mnist';
import { accuracyOf } from '../core/techniques/pruning/evaluate';
import { createSlot, getData, getSlot, setData } from './context';
import { pruningApi } from './pruning';
import { SLOTS } from './protocol';

const SOURCE = 'test:mlp';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  setData(readMnistFromDisk());
  createSlot(SOURCE, zooSpec('mlp'), 3);
});

const training = { epochs: 0, batchSize: 64, learningRate: 0.001, optimizer: 'adam' as const, seed: 1 };
const unstructured = { granularity: 'unstructured' as const, scope: 'global' as const, criterion: 'magnitude' as const, target: 0.8, layers: ['fc1', 'fc2', 'logits'] };

describe('engine.pruning', () => {
  it('describes the source: layers, structured candidates, ledger', async () => {
    const info = await pruningApi.info(SOURCE);
    expect(info.layers.map((l) => [l.name, l.structuredBlocked === null])).toEqual([['fc1', true], ['fc2', true], ['logits', false]]);
    expect(info.ledger.params).toBe(analyzeSpec(zooSpec('mlp')).params);
    expect(info.ledger.gzip).toBeGreaterThan(0);
  });

  it('describes the source even when the slot is replaced while it runs (a baseline from another tab)', async () => {
    const slot = 'test:replaced';
    const { model } = createSlot(slot, zooSpec('mlp'), 3);
    const expected = accuracyOf(model, getData().tensors.test.xs, getData().tensors.test.labels);
    const pending = pruningApi.info(slot);
    createSlot(slot, zooSpec('mlp'), 4); // disposes the model info() started with
    const info = await pending;
    expect(info.accuracy).toBe(expected);
    expect(info.ledger.gzip).toBeGreaterThan(0);
  });

  it('prunes a copy: the source keeps its weights, the report has exact sparsity and masks', async () => {
    const before = getSlot(SOURCE).model.getWeights();
    const r = await pruningApi.prune({ config: unstructured, when: 'after', training, source: SOURCE });
    expect(r.sparsity.weights).toBeCloseTo(0.8, 4);
    expect(r.masks.map((m) => m.layer)).toEqual(['fc1', 'fc2', 'logits']);
    expect(r.ledger.macs).toBe(analyzeSpec(zooSpec('mlp')).macs);
    expect(r.ledger.nonZeroMacs).toBeLessThan(r.ledger.macs * 0.25);
    getSlot(SOURCE).model.getWeights().forEach((w, i) => expect(w.data).toEqual(before[i].data));
  });

  it('structured: the deployed spec is smaller and the small slot matches the masked accuracy', async () => {
    const r = await pruningApi.prune({
      config: { ...unstructured, granularity: 'structured', scope: 'local', target: 0.5, layers: ['fc1', 'fc2'] },
      when: 'after',
      training,
      source: SOURCE,
    });
    expect(r.sparsity.units).toBe(0.5);
    expect(r.ledger.macs).toBeLessThan(analyzeSpec(zooSpec('mlp')).macs * 0.55);
    const small = getSlot(SLOTS.pruningSmall);
    expect(small.spec.layers.find((l) => l.name === 'fc1')).toMatchObject({ units: 64 });
    const { tensors } = getData();
    expect(accuracyOf(small.model, tensors.test.xs, tensors.test.labels)).toBeCloseTo(r.accuracyFinal, 10);
  });

  it('runs the sensitivity scan, the sweep and the duel, and leaks no tensors', async () => {
    // Warm-up creates the scratch slot once, so the count below compares like with like.
    await pruningApi.duel({ config: unstructured, criteria: ['magnitude', 'gradient'], source: SOURCE });
    const start = tf.memory().numTensors;
    const scan = await pruningApi.sensitivity({ config: unstructured, levels: [0.5, 0.9], source: SOURCE });
    expect(scan.rows.map((r) => r.layer)).toEqual(['fc1', 'fc2', 'logits']);
    for (const row of scan.rows) {
      expect(row.accuracy).toHaveLength(2);
      for (const a of row.accuracy) expect(a).toBeGreaterThanOrEqual(0);
    }
    const sweep = await pruningApi.sweep({ config: unstructured, when: 'after', training, levels: [0, 0.9], source: SOURCE });
    expect(sweep.map((p) => p.target)).toEqual([0, 0.9]);
    expect(sweep[0].accuracyPruned).toBeCloseTo(scan.baseline, 10);
    expect(Number.isNaN(sweep[0].accuracyFineTuned)).toBe(true);
    const duel = await pruningApi.duel({ config: unstructured, criteria: ['magnitude', 'magnitude'], source: SOURCE });
    expect(duel.jaccard).toBe(1);
    expect(duel.a.accuracy).toBe(duel.b.accuracy);
    expect(Number.isNaN(duel.a.accuracyFineTuned)).toBe(true); // no training given: one shot only
    // With fine-tuning: same seed, same masks → the same fine-tuned accuracy on both sides.
    const tuned = await pruningApi.duel({ config: { ...unstructured, target: 0.9 }, criteria: ['magnitude', 'magnitude'], source: SOURCE, training: { ...training, epochs: 1 } });
    expect(tuned.a.accuracyFineTuned).toBe(tuned.b.accuracyFineTuned);
    expect(tuned.a.accuracyFineTuned).toBeGreaterThan(tuned.a.accuracy); // 90 % one shot loses; a fine-tune epoch wins some back
    expect(tf.memory().numTensors).toBe(start);
  });
});
