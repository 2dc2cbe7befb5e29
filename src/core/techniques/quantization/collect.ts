/**
 * tfjs helpers around a TfModel for PTQ: gather activation samples at the plan's calibrated tensors
 * (for calibration and the page's histograms) and run batched forward passes returning logits.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardHooks, TfModel } from '../../model/tf-model';
import type { QuantPlan } from './graph';

/**
 * Runs `xs` through the float model and keeps up to `maxPerTensor` values of every calibrated tensor
 * (an even stride through each batch, so all samples and positions are represented).
 */
export function collectActivations(
  model: TfModel,
  xs: tf.Tensor,
  plan: QuantPlan,
  opts: { batchSize?: number; maxPerTensor?: number } = {},
): Map<string, Float32Array> {
  const n = xs.shape[0];
  const batch = opts.batchSize ?? 200;
  const maxPer = opts.maxPerTensor ?? 200_000;
  const wanted = new Set(plan.calibrated);
  const parts = new Map<string, Float32Array[]>();
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    const share = Math.ceil((maxPer * size) / n);
    const hooks: ForwardHooks = {
      activation: (layer, y) => {
        if (wanted.has(layer)) {
          const v = y.dataSync() as Float32Array;
          const step = Math.max(1, v.length / share);
          const keep = new Float32Array(Math.min(share, v.length));
          for (let i = 0; i < keep.length; i++) keep[i] = v[Math.floor(i * step)];
          const list = parts.get(layer) ?? [];
          list.push(keep);
          parts.set(layer, list);
        }
        return y;
      },
    };
    tf.tidy(() => {
      model.apply(xs.slice(start, size), { hooks });
    });
  }
  const out = new Map<string, Float32Array>();
  for (const [name, list] of parts) {
    const all = new Float32Array(list.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of list) {
      all.set(p, o);
      o += p.length;
    }
    out.set(name, all);
  }
  return out;
}

/** Logits for every sample, batched (n × classes, row-major). */
export function predictLogits(model: TfModel, xs: tf.Tensor, hooks?: ForwardHooks, batchSize = 500): Float32Array {
  const n = xs.shape[0];
  let out: Float32Array | null = null;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const y = tf.tidy(() => model.apply(xs.slice(start, size), { hooks }));
    const v = y.dataSync() as Float32Array;
    y.dispose();
    if (!out) out = new Float32Array(n * (v.length / size));
    out.set(v, start * (v.length / size));
  }
  return out ?? new Float32Array(0);
}

/** Fraction of rows whose argmax equals the label. */
export function accuracyOf(logits: Float32Array, labels: ArrayLike<number>): number {
  const n = labels.length;
  if (!n) return NaN;
  const k = logits.length / n;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (logits[i * k + j] > logits[i * k + best]) best = j;
    if (best === labels[i]) correct++;
  }
  return correct / n;
}
