/**
 * A training-free ("zero-cost") proxy: SynFlow (Tanaka et al. 2020, "Pruning neural networks without
 * any data by iteratively conserving synaptic flow"), used as an architecture score by Abdelfattah et
 * al. 2021, "Zero-Cost Proxies for Lightweight NAS".
 *
 * Replace every parameter by its absolute value, feed an all-ones input, and let R be the sum of the
 * outputs. The score is  S = Σ_θ θ · ∂R/∂θ  — the total "synaptic flow" through the network. It needs
 * no data and one forward + backward pass, so it can rank architectures before any training; how well
 * that ranking matches the trained one is exactly what the page measures (Spearman's rho).
 */
import * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';

/**
 * Natural log of the SynFlow score of a model at its current (initial) weights. Logged because the
 * raw score spans many orders of magnitude across architectures; ranks are unchanged by the log.
 * Returns -Infinity for a network with no flow (e.g. all-zero weights).
 */
export function synflowScore(model: TfModel): number {
  const vars = model.trainable();
  const value = tf.tidy(() => {
    const x = tf.ones([1, ...model.spec.inputShape]);
    // abs inside the tape: d|θ|/dθ = sign(θ), so θ · ∂R/∂θ = |θ| · ∂R/∂|θ| >= 0 for every parameter.
    const { grads } = tf.variableGrads(
      () => tf.sum(model.apply(x, { hooks: { weight: (_l, _r, w) => tf.abs(w) } })) as tf.Scalar,
      vars,
    );
    let total = tf.scalar(0);
    for (const v of vars) {
      const g = grads[v.name];
      if (g) total = tf.add(total, tf.sum(tf.mul(v, g)));
    }
    return total;
  });
  const s = value.dataSync()[0];
  value.dispose();
  return s > 0 ? Math.log(s) : -Infinity;
}
