/**
 * The importance criteria as pure functions over typed arrays (higher score = keep).
 * The statistics they need (activations, gradients) are gathered with tfjs in collect*.ts.
 * g = ∂L/∂w of the mean cross-entropy of one calibration batch; Σ_b sums over batches.
 *
 *  magnitude          s = |w|                                         (Han et al. 2015)
 *  activation         s = |w_ij| · ‖x_i‖₂ per weight                  (Wanda, Sun et al. 2023, its score)
 *                     s_u = mean |a_u| per unit                        ("mean activation", the baseline
 *                                                                     criterion compared in Molchanov et al. 2017)
 *  gradient           s = Σ_b |g|
 *  taylor (per wt)    s = Σ_b |w·g|; per unit the mean of that         (a per-weight first-order term)
 *  taylor-group       s_u = Σ_b (Σ_{k ∈ unit} g_k·w_k)²               (Molchanov et al. 2019, eq. 8;
 *                     per weight Σ_b (g·w)²                            the group = the unit's kernel weights)
 *  taylor-activation  Θ_u = mean over samples of |mean over positions of a·∂L/∂a|, then
 *                     Θ_u / ‖Θ_layer‖₂                                 (Molchanov et al. 2017, eq. 8 + §2.2)
 *  apoz               s_u = 1 − APoZ_u, APoZ = share of zeros in the unit's activation (Hu et al. 2016)
 *  obd                s = h_kk·w_k²/2 with h_kk ≈ mean_b g_k² — the squared-gradient (empirical Fisher)
 *                     estimate of the Hessian diagonal, not LeCun et al.'s exact back-propagated
 *                     second derivatives; per unit the sum (OBD's loss change for deleting them all)
 */

export function magnitudeScores(w: Float32Array): Float32Array {
  return w.map(Math.abs);
}

/**
 * Unstructured activation score: each weight's magnitude times the L2 norm (over samples and
 * positions) of the input it reads. `inputNorm` has one value per input feature (dense) or input
 * channel (conv); the input index of a kernel element is (idx / outUnits) mod inputs for both
 * [in, out] and [kh, kw, cin, cout].
 */
export function activationWeightScores(w: Float32Array, shape: number[], inputNorm: Float32Array): Float32Array {
  const outUnits = shape[shape.length - 1];
  const inputs = shape[shape.length - 2];
  if (inputNorm.length !== inputs) {
    throw new Error(`activation statistics have ${inputNorm.length} inputs, the kernel reads ${inputs}`);
  }
  const s = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) s[i] = Math.abs(w[i]) * inputNorm[Math.floor(i / outUnits) % inputs];
  return s;
}

/** Adds |g| into acc (gradient criterion, accumulated over batches). */
export function accumulateGradient(acc: Float32Array, g: Float32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += Math.abs(g[i]);
}

/** Adds |w · g| into acc (per-weight Taylor term, accumulated over batches). */
export function accumulateTaylor(acc: Float32Array, w: Float32Array, g: Float32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += Math.abs(w[i] * g[i]);
}

/** Adds (w·g)² per weight into acc (Molchanov 2019's per-parameter score). */
export function accumulateSquaredTaylor(acc: Float32Array, w: Float32Array, g: Float32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += (w[i] * g[i]) ** 2;
}

/**
 * Adds (Σ_{k ∈ unit} g_k·w_k)² per output unit into acc (length = units): the sum runs over the
 * unit's weights *before* squaring, so weights whose first-order terms cancel make the unit cheap.
 */
export function accumulateGroupTaylor(acc: Float32Array, w: Float32Array, g: Float32Array): void {
  const units = acc.length;
  const sum = new Float64Array(units);
  for (let i = 0; i < w.length; i++) sum[i % units] += w[i] * g[i];
  for (let u = 0; u < units; u++) acc[u] += sum[u] * sum[u];
}

/** Adds g² into acc (the squared-gradient Hessian-diagonal estimate for OBD). */
export function accumulateSquaredGradient(acc: Float32Array, g: Float32Array): void {
  for (let i = 0; i < acc.length; i++) acc[i] += g[i] * g[i];
}

/** OBD saliency h_kk·w_k²/2 with h_kk = sumSquaredGrad_k / batches. */
export function obdSaliency(w: Float32Array, sumSquaredGrad: Float32Array, batches: number): Float32Array {
  const s = new Float32Array(w.length);
  const n = Math.max(1, batches);
  for (let i = 0; i < w.length; i++) s[i] = ((sumSquaredGrad[i] / n) * w[i] * w[i]) / 2;
  return s;
}

/** Per-unit sum of per-weight scores laid out like a kernel (last axis = unit). */
export function sumPerUnit(scores: Float32Array, units: number): Float32Array {
  const acc = new Float64Array(units);
  for (let i = 0; i < scores.length; i++) acc[i % units] += scores[i];
  return Float32Array.from(acc);
}

/**
 * Average percentage of zeros per channel of an activation map laid out [..., channels] (samples and
 * positions in the leading axes).
 */
export function apoz(activation: Float32Array, channels: number): Float32Array {
  const zeros = new Float64Array(channels);
  for (let i = 0; i < activation.length; i++) if (activation[i] === 0) zeros[i % channels]++;
  const per = activation.length / channels;
  return Float32Array.from(zeros, (z) => z / per);
}

/**
 * Molchanov 2017's Θ per channel before normalisation: for each sample, |mean over positions of
 * a·∂L/∂a|, averaged over samples. `a` and `grad` are [samples, positions…, channels] flattened.
 */
export function taylorActivation(a: Float32Array, grad: Float32Array, samples: number, channels: number): Float32Array {
  const perSample = a.length / samples;
  const positions = perSample / channels;
  const out = new Float64Array(channels);
  const inner = new Float64Array(channels);
  for (let s = 0; s < samples; s++) {
    inner.fill(0);
    const base = s * perSample;
    for (let i = 0; i < perSample; i++) inner[i % channels] += a[base + i] * grad[base + i];
    for (let c = 0; c < channels; c++) out[c] += Math.abs(inner[c] / positions);
  }
  return Float32Array.from(out, (v) => v / samples);
}

/** x / ‖x‖₂ (unchanged when all zero): Molchanov 2017's per-layer normalisation for global ranking. */
export function l2Normalise(x: Float32Array): Float32Array {
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += x[i] * x[i];
  const n = Math.sqrt(ss);
  return n > 0 ? x.map((v) => v / n) : x.slice();
}

/** Criteria that score units, not weights: unstructured pruning gives each weight its unit's score. */
export const UNIT_CRITERIA = ['taylor-activation', 'apoz'] as const;

/** A per-unit score spread over the unit's weights (kernel layout, last axis = unit). */
export function broadcastUnits(unitScores: Float32Array, size: number): Float32Array {
  const n = unitScores.length;
  const s = new Float32Array(size);
  for (let i = 0; i < size; i++) s[i] = unitScores[i % n];
  return s;
}
