/**
 * The four importance criteria as pure functions over typed arrays (higher score = keep).
 * The statistics they need (activations, gradients) are gathered with tfjs in collect.ts.
 *
 *  magnitude   s = |w|                                   (Han et al. 2015)
 *  activation  s = |w_ij| · mean|x_i|  per weight        (input-weighted magnitude, Sun et al. 2023 "Wanda")
 *              s_u = mean over samples/positions of |a_u| per unit  (Hu et al. 2016, "network trimming")
 *  gradient    s = Σ_batches |∂L/∂w|
 *  Taylor      s = Σ_batches |w · ∂L/∂w|                 (first-order loss change; Molchanov et al. 2017/2019)
 */

export function magnitudeScores(w: Float32Array): Float32Array {
  return w.map(Math.abs);
}

/**
 * Unstructured activation score: each weight's magnitude times the mean |activation| of the input it
 * reads. `inputMeanAbs` has one value per input feature (dense) or input channel (conv); the input
 * index of a kernel element is (idx / outUnits) mod inputs for both [in, out] and [kh, kw, cin, cout].
 */
export function activationWeightScores(w: Float32Array, shape: number[], inputMeanAbs: Float32Array): Float32Array {
  const outUnits = shape[shape.length - 1];
  const inputs = shape[shape.length - 2];
  if (inputMeanAbs.length !== inputs) {
    throw new Error(`activation statistics have ${inputMeanAbs.length} inputs, the kernel reads ${inputs}`);
  }
  const s = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) s[i] = Math.abs(w[i]) * inputMeanAbs[Math.floor(i / outUnits) % inputs];
  return s;
}

/** Adds |g| into acc (gradient criterion, accumulated over batches). */
export function accumulateGradient(acc: Float32Array, g: Float32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += Math.abs(g[i]);
}

/** Adds |w · g| into acc (Taylor criterion, accumulated over batches). */
export function accumulateTaylor(acc: Float32Array, w: Float32Array, g: Float32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += Math.abs(w[i] * g[i]);
}
