import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {
  distillationLoss,
  distillationLossParts,
  hardLabelCrossEntropy,
  softmaxAtTemperature,
  softTargetKl,
} from './loss';
import { softmaxWithTemperature } from './soft-targets';

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});

// Two samples, four classes: small enough to compute by hand below.
const TEACHER = [
  [4, 1, 0.5, -2],
  [-1, 3, 2.5, 0],
];
const STUDENT = [
  [1, 2, 0, -1],
  [0.5, 0.5, 1, -0.5],
];
const LABELS = [0, 1];
const ONE_HOT = LABELS.map((c) => [0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));

function handSoftmax(z: number[], t: number): number[] {
  const e = z.map((v) => Math.exp(v / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
function handKl(zt: number[][], zs: number[][], t: number): number {
  let sum = 0;
  zt.forEach((row, i) => {
    const pt = handSoftmax(row, t);
    const ps = handSoftmax(zs[i], t);
    sum += pt.reduce((a, p, k) => a + p * Math.log(p / ps[k]), 0);
  });
  return sum / zt.length;
}
function handCe(zs: number[][], labels: number[]): number {
  return labels.reduce((a, c, i) => a - Math.log(handSoftmax(zs[i], 1)[c]), 0) / labels.length;
}
function run(fn: () => tf.Scalar): number {
  const s = fn();
  const v = s.dataSync()[0];
  s.dispose();
  return v;
}

describe('softmax at temperature', () => {
  it('matches a hand computation (tensor and plain-number versions)', () => {
    const z = [2, 1, 0.1];
    // exp(2/2), exp(1/2), exp(0.05) = 2.71828, 1.64872, 1.05127; sum 5.41827
    const expected = [0.50169, 0.30429, 0.19402];
    const t = tf.tensor2d([z]);
    const p = softmaxAtTemperature(t, 2);
    const got = Array.from(p.dataSync());
    tf.dispose([t, p]);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    softmaxWithTemperature(z, 2).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
  });

  it('flattens as T grows and stays a distribution', () => {
    const z = [5, 1, 0, -3];
    const p1 = softmaxWithTemperature(z, 1);
    const p20 = softmaxWithTemperature(z, 20);
    expect(Math.max(...p20)).toBeLessThan(Math.max(...p1));
    expect(p20.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    // huge logits do not overflow
    expect(softmaxWithTemperature([1000, 0], 1)[0]).toBeCloseTo(1, 10);
  });

  it('rejects a non-positive temperature', () => {
    expect(() => softmaxWithTemperature([1, 2], 0)).toThrow(RangeError);
    const t = tf.tensor2d([[1, 2]]);
    expect(() => softmaxAtTemperature(t, -1)).toThrow(RangeError);
    t.dispose();
  });
});

describe('distillation loss', () => {
  it('equals the hard-label cross-entropy when alpha = 0 (any T)', () => {
    const before = tf.memory().numTensors;
    const [zs, zt, y] = [tf.tensor2d(STUDENT), tf.tensor2d(TEACHER), tf.tensor2d(ONE_HOT)];
    for (const T of [1, 4, 20]) {
      const l = run(() => distillationLoss(zs, zt, y, { temperature: T, alpha: 0 }));
      expect(l).toBeCloseTo(handCe(STUDENT, LABELS), 5);
    }
    expect(run(() => hardLabelCrossEntropy(y, zs))).toBeCloseTo(handCe(STUDENT, LABELS), 5);
    tf.dispose([zs, zt, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('equals T²·KL(p_t ‖ p_s) on hand-computed logits when alpha = 1', () => {
    const [zs, zt, y] = [tf.tensor2d(STUDENT), tf.tensor2d(TEACHER), tf.tensor2d(ONE_HOT)];
    for (const T of [1, 3, 10]) {
      const kl = handKl(TEACHER, STUDENT, T);
      expect(kl).toBeGreaterThan(0);
      expect(run(() => softTargetKl(zt, zs, T))).toBeCloseTo(kl, 5);
      expect(run(() => distillationLoss(zs, zt, y, { temperature: T, alpha: 1 }))).toBeCloseTo(T * T * kl, 4);
    }
    tf.dispose([zs, zt, y]);
  });

  it('mixes both terms with alpha·T² and 1 − alpha', () => {
    const [zs, zt, y] = [tf.tensor2d(STUDENT), tf.tensor2d(TEACHER), tf.tensor2d(ONE_HOT)];
    const T = 5;
    const alpha = 0.7;
    const parts = distillationLossParts(zs, zt, y, { temperature: T, alpha });
    const [total, soft, hard] = [parts.total, parts.soft, parts.hard].map((s) => s.dataSync()[0]);
    tf.dispose([parts.total, parts.soft, parts.hard, zs, zt, y]);
    expect(soft).toBeCloseTo(handKl(TEACHER, STUDENT, T), 5);
    expect(hard).toBeCloseTo(handCe(STUDENT, LABELS), 5);
    expect(total).toBeCloseTo(alpha * T * T * soft + (1 - alpha) * hard, 4);
  });

  it('is zero when the student logits equal the teacher logits and alpha = 1', () => {
    const [zt, y] = [tf.tensor2d(TEACHER), tf.tensor2d(ONE_HOT)];
    for (const T of [1, 7, 20]) {
      expect(Math.abs(run(() => distillationLoss(zt, zt, y, { temperature: T, alpha: 1 })))).toBeLessThan(1e-5);
    }
    tf.dispose([zt, y]);
  });

  it('has finite gradients equal to α·T·(p_s − p_t)/B + (1 − α)(softmax(z_s) − y)/B for T in 1..20', () => {
    const before = tf.memory().numTensors;
    // Large logits: a naive log(softmax) would give -Infinity here.
    const teacher = [
      [60, -40, 0, 5],
      [-30, 80, 10, -80],
    ];
    const zt = tf.tensor2d(teacher);
    const y = tf.tensor2d(ONE_HOT);
    const student = [
      [-50, 70, 3, 0],
      [40, -60, 0, 20],
    ];
    const alpha = 0.6;
    for (const T of [1, 2, 5, 10, 20]) {
      const zs = tf.tensor2d(student);
      const g = tf.grad((s: tf.Tensor) => distillationLoss(s, zt, y, { temperature: T, alpha }))(zs);
      const grad = g.arraySync() as number[][];
      tf.dispose([zs, g]);
      grad.flat().forEach((v) => expect(Number.isFinite(v)).toBe(true));
      student.forEach((row, i) => {
        const ps = handSoftmax(row, T);
        const pt = handSoftmax(teacher[i], T);
        const p1 = handSoftmax(row, 1);
        row.forEach((_, k) => {
          const expected = (alpha * T * (ps[k] - pt[k]) + (1 - alpha) * (p1[k] - ONE_HOT[i][k])) / student.length;
          expect(grad[i][k]).toBeCloseTo(expected, 4);
        });
      });
    }
    tf.dispose([zt, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects alpha outside [0, 1]', () => {
    const [zs, zt, y] = [tf.tensor2d(STUDENT), tf.tensor2d(TEACHER), tf.tensor2d(ONE_HOT)];
    expect(() => distillationLoss(zs, zt, y, { temperature: 2, alpha: 1.5 })).toThrow(RangeError);
    tf.dispose([zs, zt, y]);
  });
});

describe('soft-target rows', () => {
  it('give one row per class at T = 1 and at T, each column summing to 1', async () => {
    const { softTargetRows, entropyBits } = await import('./soft-targets');
    const rows = softTargetRows([8, 0, 1, 5, 0, 2, 0, 0, 3, 1], 4);
    expect(rows).toHaveLength(10);
    expect(rows.reduce((a, r) => a + r.atOne, 0)).toBeCloseTo(1, 10);
    expect(rows.reduce((a, r) => a + r.atT, 0)).toBeCloseTo(1, 10);
    // the dark knowledge: the runner-up class (3) gains probability as T grows
    expect(rows[3].atT).toBeGreaterThan(rows[3].atOne);
    expect(entropyBits(rows.map((r) => r.atT))).toBeGreaterThan(entropyBits(rows.map((r) => r.atOne)));
    expect(entropyBits(new Array(10).fill(0.1))).toBeCloseTo(Math.log2(10), 10);
  });
});
