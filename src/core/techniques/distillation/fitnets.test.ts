import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import { mulberry32 } from '../../data/random';
import { hintLoss, hintPair, hintTraining, layerOutputs } from './fitnets';
import { compareFitNets } from './fitnets-run';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

const teacherSpec: ModelSpec = { id: 't', name: 't', inputShape: [8], layers: [{ type: 'dense', name: 'h1', units: 12, activation: 'relu' }, { type: 'dense', name: 'h2', units: 6, activation: 'relu' }, { type: 'dense', name: 'out', units: 3 }] };
const studentSpec: ModelSpec = { id: 's', name: 's', inputShape: [8], layers: [{ type: 'dense', name: 'g', units: 4, activation: 'relu' }, { type: 'dense', name: 'out', units: 3 }] };

describe('FitNets hints (Romero et al. 2015)', () => {
  it('hint and guided layers: the last hidden dense layer of each; none → a readable error', () => {
    expect(hintPair(teacherSpec, studentSpec)).toEqual({ hint: 'h2', hintSize: 6, guided: 'g', guidedSize: 4 });
    const noHidden: ModelSpec = { id: 'n', name: 'linear', inputShape: [8], layers: [{ type: 'dense', name: 'out', units: 3 }] };
    expect(() => hintPair(teacherSpec, noHidden)).toThrow(/hidden dense layer in the student/);
  });

  it('hint loss by hand: ½ · mean over samples of Σ (u − (vW + b))²', () => {
    const u = tf.tensor2d([[1, 2], [0, 0]]);
    const v = tf.tensor2d([[1], [2]]);
    const w = tf.tensor2d([[1, 1]]);
    const b = tf.tensor1d([0, 1]);
    // r(v) = [[1, 2], [2, 3]] → squared errors [0, 0] and [4, 9] → ½ · (0 + 13) / 2 = 3.25.
    const l = hintLoss(u, v, w, b);
    expect(l.dataSync()[0]).toBeCloseTo(3.25, 6);
    tf.dispose([u, v, w, b, l]);
  });

  it('stage 1 lowers the hint loss, trains only the layers up to the guided one, and leaks nothing', async () => {
    const teacher = buildModel(teacherSpec, 1);
    const student = buildModel(studentSpec, 2);
    const r = mulberry32(3);
    const xs = tf.tensor2d(Float32Array.from({ length: 200 * 8 }, () => r()), [200, 8]);
    const outBefore = student.getWeights().filter((w) => w.layer === 'out').map((w) => Array.from(w.data));
    const gBefore = Array.from(student.getWeights().find((w) => w.layer === 'g' && w.role === 'kernel')!.data);
    const before = tf.memory().numTensors;
    const losses = await hintTraining({ student, teacher, pair: hintPair(teacherSpec, studentSpec), xs, epochs: 8, batchSize: 20, learningRate: 0.01, seed: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(losses).toHaveLength(8);
    expect(losses[7]).toBeLessThan(losses[0] * 0.8);
    expect(student.getWeights().filter((w) => w.layer === 'out').map((w) => Array.from(w.data))).toEqual(outBefore);
    expect(Array.from(student.getWeights().find((w) => w.layer === 'g' && w.role === 'kernel')!.data)).not.toEqual(gBefore);
    const h = layerOutputs(teacher, 'h2', xs);
    expect(h.shape).toEqual([200, 6]);
    tf.dispose([xs, h]);
    teacher.dispose();
    student.dispose();
  });

  it('compare: KD and FitNets students on the same seed; both trained, only the hint stage differs', async () => {
    const teacher = buildModel(teacherSpec, 1);
    const r = mulberry32(4);
    const xs = tf.tensor2d(Float32Array.from({ length: 120 * 8 }, () => r()), [120, 8]);
    const labels = tf.tensor1d(Int32Array.from({ length: 120 }, (_, i) => i % 3), 'int32');
    const before = tf.memory().numTensors;
    const c = await compareFitNets({
      teacher, studentSpec, train: { xs, labels }, test: { xs, labels }, transfer: Int32Array.from({ length: 120 }, (_, i) => i), leaveOut: null,
      settings: { temperature: 4, alpha: 0.9, epochs: 1, batchSize: 20, learningRate: 0.01, optimizer: 'adam', seed: 5 }, hintEpochs: 2,
    });
    expect(c.hintLosses).toHaveLength(2);
    expect(c.kd && c.fitnets).toBeTruthy();
    expect(c.kd!.loop.history).toHaveLength(1);
    expect(c.fitnets!.model.getWeights()).not.toEqual(c.kd!.model.getWeights());
    c.kd!.model.dispose();
    c.fitnets!.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xs, labels]);
    teacher.dispose();
  });
});
