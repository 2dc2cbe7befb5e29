import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { zooSpec } from '../core/model/zoo/mnist';
import { createBaseApi } from './base';
import { createSlot, getSlot } from './context';
import { dbPut, resetDbForTests } from './db';
import { shelfApi } from './shelf';
import { fakeQuantizedVersion } from '../core/shelf/test-fixtures';
import { setUpShelfTests } from './shelf-test-env';
import { readMnistFromDisk } from '../node/mnist';

const base = createBaseApi();
const N = zooSpec('mlp').name;
const sameBits = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

setUpShelfTests(readMnistFromDisk);

async function trainedRoot() {
  createSlot('t', zooSpec('mlp'), 5);
  await base.train('t', { epochs: 1, batchSize: 64, learningRate: 0.002, optimizer: 'adam', seed: 5, trainSamples: 1000 });
  const acc = (await base.evaluate('t')).accuracy;
  await base.saveBaseline('t', acc); // the Train lab's save: also a shelf version
  const list = await shelfApi.list();
  expect(list.versions).toHaveLength(1);
  return { root: list.versions[0], acc };
}

describe('engine.shelf', () => {
  it('saves the Train run automatically; a version loads back bit-exactly into a copy', async () => {
    const { root, acc } = await trainedRoot();
    expect(root).toMatchObject({ name: N, technique: 'train', parentId: null, quantized: false, pruned: false });
    expect(root.metrics.floatAccuracy).toBe(acc);
    await resetDbForTests(); // a reload
    await shelfApi.load(root.id, 'copy');
    const a = getSlot('t').model.getWeights();
    const b = getSlot('copy').model.getWeights();
    a.forEach((w, i) => expect(sameBits(w.data, b[i].data)).toBe(true));
    expect((await base.evaluate('copy')).accuracy).toBe(acc);
  });

  it('lists a damaged record with its reason, deletes it, and the rest keeps working', async () => {
    const { root } = await trainedRoot();
    const bad = fakeQuantizedVersion('bad', root.id) as unknown as Record<string, unknown>;
    (bad.weights as { data: Float32Array }[])[0].data[0] = Infinity;
    await dbPut('versions', 'bad', bad);
    await dbPut('versions', 'junk', 'not a record');
    const list = await shelfApi.list();
    expect(list.versions.map((v) => v.id)).toEqual([root.id]);
    expect(list.damaged.find((d) => d.id === 'bad')).toMatchObject({ name: 'MLP bad', reason: expect.stringMatching(/non-finite/) });
    expect(list.damaged.find((d) => d.id === 'junk')?.reason).toMatch(/not an object/);
    await expect(shelfApi.load('bad', 'x')).rejects.toThrow(/cannot be used: .*non-finite/);
    await shelfApi.removeDamaged('bad');
    await shelfApi.removeDamaged('junk');
    expect((await shelfApi.list()).damaged).toEqual([]);
  });

  it('runs a pipeline (prune 80 % + 1 epoch → int8), saving each step with its parent; masks survive fine-tune and quantize', async () => {
    const { root } = await trainedRoot();
    const before = tf.memory().numTensors;
    const steps: string[] = [];
    const r = await shelfApi.runPipeline(
      { from: root.id, seed: 1, steps: [{ kind: 'prune', sparsity: 0.8, fineTuneEpochs: 1 }, { kind: 'quantize', bits: 8 }] },
      (e) => e.type === 'saved' && steps.push(e.version.name),
    );
    expect(r.stopped).toBe(false);
    expect(steps).toEqual([`${N} · pruned 80 %`, `${N} · pruned 80 % · int8`]);
    const [pruned, quant] = r.saved;
    expect(pruned.parentId).toBe(root.id);
    expect(quant.parentId).toBe(pruned.id);
    expect(pruned.sparsity).toBeGreaterThan(0.79);
    expect(quant).toMatchObject({ quantized: true, pruned: true, deployment: { dtype: 'int8' } });
    expect(quant.metrics.integerAccuracy).toBeGreaterThan(0.5);
    expect(Math.abs(quant.metrics.integerAccuracy! - pruned.metrics.floatAccuracy!)).toBeLessThan(0.05);
    // Fine-tune the pruned version again: the zeros stay where the masks say.
    const ft = await shelfApi.runPipeline({ from: pruned.id, seed: 2, steps: [{ kind: 'fine-tune', epochs: 1 }] });
    const file = JSON.parse(new TextDecoder().decode(await shelfApi.exportFile([pruned.id, quant.id, ft.saved[0].id]))) as { versions: { masks: { mask: { $u8: string } }[] }[] };
    const masks = file.versions.map((v) => v.masks.map((m) => m.mask.$u8).join());
    expect(masks[1]).toBe(masks[0]); // quantized child: same masks as the pruned parent
    expect(masks[2]).toBe(masks[0]); // fine-tuned child: same masks
    await shelfApi.load(ft.saved[0].id, 'ft');
    expect(ft.saved[0].sparsity).toBeCloseTo(pruned.sparsity, 10);
    // Quantized versions are not trained in float.
    await expect(shelfApi.runPipeline({ from: quant.id, seed: 1, steps: [{ kind: 'fine-tune', epochs: 1 }] })).rejects.toThrow(/re-quantized or deployed, not trained in float/);
    // Pipeline slots are freed (pruning's own work slot stays, as the Pruning lab leaves it).
    await shelfApi.runPipeline({ from: pruned.id, seed: 3, steps: [{ kind: 'quantize', bits: 8 }] });
    const after = tf.memory().numTensors;
    await shelfApi.runPipeline({ from: pruned.id, seed: 3, steps: [{ kind: 'quantize', bits: 8 }] });
    expect(tf.memory().numTensors).toBe(after);
    expect(after - before).toBeLessThanOrEqual(getSlot('pruning:work').model.getWeights().length + 2 * 6 + 2);
  }, 120_000);

  it('deletes with undo, keeps a deleted parent\'s name, and restores a whole shelf from its file', async () => {
    const { root } = await trainedRoot();
    const child = await shelfApi.save({ slot: 't', name: 'child', technique: 'prune', lab: 'pruning', parentId: root.id, masks: 'from-zeros', metrics: { floatAccuracy: 0.5 } });
    const file = await shelfApi.exportFile();
    await shelfApi.remove(root.id);
    let list = await shelfApi.list();
    expect(list.versions.map((v) => v.name)).toEqual(['child']);
    expect(list.tombstones).toEqual([expect.objectContaining({ id: root.id, name: N })]);
    expect(list.versions[0].lineageIssue).toBeUndefined();
    await shelfApi.restore(root.id);
    expect((await shelfApi.list()).versions).toHaveLength(2);
    await shelfApi.remove(child.version.id);
    await shelfApi.remove(root.id);
    list = await shelfApi.list();
    expect(list.versions).toEqual([]);
    expect(list.tombstones).toEqual([]);
    expect(await shelfApi.importFile(file)).toMatchObject({ imported: 2, names: [N, 'child'] });
    list = await shelfApi.list();
    expect(list.versions.map((v) => [v.name, v.parentId])).toEqual([[N, null], ['child', root.id]]);
    await expect(shelfApi.importFile(new TextEncoder().encode('{"hello":1}'))).rejects.toThrow(/not a TinyML Lab shelf file/);
    expect((await shelfApi.list()).versions).toHaveLength(2);
  }, 60_000);
});
