/**
 * FitNets hint training (Romero et al., ICLR 2015, "FitNets: Hints for Thin Deep Nets", §2.2):
 * stage 1 trains the student up to its guided layer, plus a regressor r, so that the regressed
 * guided output matches the teacher's hint layer,
 *   L_HT(W_Guided, W_r) = ½ ‖u_h(x; W_Hint) − r(v_g(x; W_Guided); W_r)‖²,
 * then stage 2 trains the whole student with knowledge distillation (run.ts) from those weights.
 * Here both layers are dense (vectors), so r is a dense layer v·W_r + b_r (the paper uses a
 * convolutional regressor for conv layers to keep it small). The hint is the teacher's last hidden
 * dense layer and the guided layer the student's last hidden dense layer: in these small nets that
 * is the middle of the student (FitNets' choice) for the one-hidden-layer MLP.
 */
import * as tf from '@tensorflow/tfjs';
import { analyzeSpec } from '../../model/analyze';
import type { ModelSpec } from '../../model/spec';
import type { TfModel } from '../../model/tf-model';
import { mulberry32, shuffledIndices } from '../../data/random';
import { makeOptimizer } from '../../train/loop';

export interface HintPair {
  hint: string;
  hintSize: number;
  guided: string;
  guidedSize: number;
}

/** The last hidden layer whose output is a vector (not the logits layer). */
function lastHiddenVector(spec: ModelSpec): { name: string; size: number; index: number } | null {
  const info = analyzeSpec(spec);
  const last = info.layers.length - 1;
  for (let i = last - 1; i >= 0; i--) {
    const l = info.layers[i];
    if (l.type === 'dense' && l.outputShape.length === 1) return { name: l.name, size: l.outputShape[0], index: i };
  }
  return null;
}

export function hintPair(teacher: ModelSpec, student: ModelSpec): HintPair {
  const h = lastHiddenVector(teacher);
  const g = lastHiddenVector(student);
  if (!h) throw new Error(`FitNets needs a hidden dense layer in the teacher ("${teacher.name}" has none)`);
  if (!g) throw new Error(`FitNets needs a hidden dense layer in the student ("${student.name}" has none)`);
  return { hint: h.name, hintSize: h.size, guided: g.name, guidedSize: g.size };
}

/**
 * An activation hook that hands out one layer's output and passes it on unchanged. The forward pass
 * runs in its own tf.tidy, so the tensor is kept (tf.keep): the caller must dispose it. Gradients
 * still flow through it when the forward pass runs inside optimizer.minimize.
 */
function grab(layer: string, take: (y: tf.Tensor) => void) {
  return (name: string, y: tf.Tensor) => {
    if (name === layer) take(tf.keep(y));
    return y;
  };
}

/** One layer's outputs for every row of xs (inference mode), in batches. */
export function layerOutputs(model: TfModel, layer: string, xs: tf.Tensor, batchSize = 250): tf.Tensor2D {
  const parts: tf.Tensor[] = [];
  try {
    for (let s = 0; s < xs.shape[0]; s += batchSize) {
      const size = Math.min(batchSize, xs.shape[0] - s);
      parts.push(tf.tidy(() => {
        let out: tf.Tensor | null = null;
        const logits = model.apply(xs.slice(s, size), { hooks: { activation: grab(layer, (y) => (out = y)) } });
        logits.dispose();
        if (!out) throw new Error(`layer "${layer}" was not reached`);
        const kept: tf.Tensor = out;
        const copy = kept.clone(); // tracked by this tidy, returned; the kept original is freed here
        kept.dispose();
        return copy;
      }));
    }
    return tf.concat(parts, 0) as tf.Tensor2D;
  } finally {
    tf.dispose(parts);
  }
}

/** The hint loss of one batch: ½ · mean over samples of Σ_j (u_j − r(v)_j)². */
export function hintLoss(hint: tf.Tensor, guided: tf.Tensor, wr: tf.Tensor, br: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(hint, tf.add(tf.matMul(guided, wr), br))), 1))) as tf.Scalar);
}

export interface HintOptions {
  student: TfModel;
  teacher: TfModel;
  pair: HintPair;
  xs: tf.Tensor;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  signal?: AbortSignal;
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * Stage 1. Trains, in place, the student's layers up to and including the guided layer and a fresh
 * regressor (discarded afterwards). Returns the mean hint loss per epoch.
 */
export async function hintTraining(o: HintOptions): Promise<number[]> {
  const hints = layerOutputs(o.teacher, o.pair.hint, o.xs);
  const r = mulberry32(o.seed ^ 0x5f17);
  const limit = Math.sqrt(6 / (o.pair.guidedSize + o.pair.hintSize)); // Glorot uniform
  const w0 = tf.tensor2d(Float32Array.from({ length: o.pair.guidedSize * o.pair.hintSize }, () => (r() * 2 - 1) * limit), [o.pair.guidedSize, o.pair.hintSize]);
  const b0 = tf.zeros([o.pair.hintSize]);
  const wr = tf.variable(w0, true);
  const br = tf.variable(b0, true);
  tf.dispose([w0, b0]); // tf.variable copies its initial value
  // W_Guided: every student layer up to the guided one (spec order); the layers after it wait for stage 2.
  const upTo = o.student.spec.layers.findIndex((l) => l.name === o.pair.guided);
  const guidedVars = o.student.spec.layers.slice(0, upTo + 1).flatMap((l) => Object.values(o.student.variables.get(l.name) ?? {}));
  const optimizer = makeOptimizer('adam', o.learningRate);
  const losses: number[] = [];
  const n = o.xs.shape[0];
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      if (o.signal?.aborted) break;
      const order = tf.tensor1d(shuffledIndices(n, o.seed + epoch), 'int32');
      let sum = 0;
      for (let s = 0; s < n; s += o.batchSize) {
        if (o.signal?.aborted) break;
        const size = Math.min(o.batchSize, n - s);
        let v: tf.Tensor | null = null;
        const loss = tf.tidy(() => {
          const idx = order.slice(s, size);
          const x = tf.gather(o.xs, idx);
          const u = tf.gather(hints, idx);
          return optimizer.minimize(() => {
            o.student.apply(x, { training: true, hooks: { activation: grab(o.pair.guided, (y) => (v = y)) } });
            return hintLoss(u, v!, wr, br);
          }, true, [...guidedVars, wr, br])!;
        });
        (v as tf.Tensor | null)?.dispose();
        sum += (await loss.data())[0] * size;
        loss.dispose();
        if (s % (o.batchSize * 20) === 0) await new Promise((res) => setTimeout(res, 0)); // let "Stop" arrive
      }
      order.dispose();
      losses.push(sum / n);
      o.onEpoch?.(epoch, sum / n);
    }
    return losses;
  } finally {
    optimizer.dispose();
    tf.dispose([hints, wr, br]);
  }
}
