/**
 * Mixed precision per layer: which layers can take fewer weight bits.
 *
 * 1. Sensitivity scan: each layer alone goes to b bits (the others stay at the reference bits) and
 *    the accuracy drop is measured — the one-at-a-time "accuracy drop" sensitivity used by e.g.
 *    HAWQ's ablations (Dong et al., ICCV 2019) and the TFLite / NNCF debugging guides.
 * 2. Candidate assignments: the uniform ones, plus a greedy path that repeatedly lowers the layer
 *    whose measured drop per byte saved is smallest (a knapsack-style heuristic, as HAQ / HAWQ-V3
 *    formulate the bit allocation).
 * 3. Pareto front of (model bytes, accuracy): the assignments no other one beats in both.
 * Pure TS: the accuracy of an assignment is a callback (the worker evaluates the fake-quant model).
 */

export type LayerBits = Record<string, number>;

export interface SensitivityRow {
  layer: string;
  bits: number;
  accuracy: number;
  /** Reference accuracy − accuracy (percentage points / 100). */
  drop: number;
}

export interface Assignment {
  /** Weight bits of every layer (complete, not just overrides). */
  bits: LayerBits;
  bytes: number;
  accuracy: number;
  /** How it was made: "uniform 4" or "greedy step 3". */
  origin: string;
}

/** Weight-storage bytes of an assignment: ⌈n_ℓ·b_ℓ / 8⌉ per layer (biases and scales are the same for all). */
export function weightBytes(weightsPerLayer: Record<string, number>, bits: LayerBits): number {
  let b = 0;
  for (const [layer, n] of Object.entries(weightsPerLayer)) b += Math.ceil((n * bits[layer]) / 8);
  return b;
}

/** Indices of the Pareto-optimal points: no other point is at most as large and strictly more accurate (or smaller and as accurate). */
export function paretoFront(points: { bytes: number; accuracy: number }[]): number[] {
  const front: number[] = [];
  points.forEach((p, i) => {
    const dominated = points.some((q, j) => j !== i && q.bytes <= p.bytes && q.accuracy >= p.accuracy && (q.bytes < p.bytes || q.accuracy > p.accuracy));
    // Exact duplicates: keep the first only.
    const duplicate = points.some((q, j) => j < i && q.bytes === p.bytes && q.accuracy === p.accuracy);
    if (!dominated && !duplicate) front.push(i);
  });
  return front.sort((a, b) => points[a].bytes - points[b].bytes);
}

export async function sensitivityScan(
  layers: string[],
  lowBits: number[],
  refBits: number,
  evaluate: (bits: LayerBits) => Promise<number>,
  opts: { signal?: AbortSignal; onRow?: (r: SensitivityRow) => void } = {},
): Promise<{ reference: number; rows: SensitivityRow[] }> {
  const all = (b: number): LayerBits => Object.fromEntries(layers.map((l) => [l, b]));
  const reference = await evaluate(all(refBits));
  const rows: SensitivityRow[] = [];
  for (const layer of layers) {
    for (const bits of lowBits) {
      if (opts.signal?.aborted) return { reference, rows };
      const accuracy = await evaluate({ ...all(refBits), [layer]: bits });
      const row = { layer, bits, accuracy, drop: reference - accuracy };
      rows.push(row);
      opts.onRow?.(row);
    }
  }
  return { reference, rows };
}

/**
 * The greedy path: start with every layer at `levels[0]` bits; at each step lower one layer by one
 * level, choosing the smallest measured single-layer drop per byte saved (drops from the scan; a
 * negative drop counts as 0). Returns the assignments in order (without the start).
 */
export function greedyPath(weightsPerLayer: Record<string, number>, levels: number[], rows: SensitivityRow[]): LayerBits[] {
  const layers = Object.keys(weightsPerLayer);
  const cur: LayerBits = Object.fromEntries(layers.map((l) => [l, levels[0]]));
  const dropOf = (layer: string, bits: number) => {
    const r = rows.find((x) => x.layer === layer && x.bits === bits);
    return r ? Math.max(0, r.drop) : Infinity;
  };
  const path: LayerBits[] = [];
  for (;;) {
    let best: { layer: string; bits: number; cost: number } | null = null;
    for (const l of layers) {
      const i = levels.indexOf(cur[l]);
      if (i < 0 || i === levels.length - 1) continue;
      const next = levels[i + 1];
      const saved = Math.ceil((weightsPerLayer[l] * cur[l]) / 8) - Math.ceil((weightsPerLayer[l] * next) / 8);
      // Ties (e.g. several zero drops) go to the layer that saves the most bytes.
      const cost = (dropOf(l, next) + 1e-9) / Math.max(saved, 1);
      if (!best || cost < best.cost) best = { layer: l, bits: next, cost };
    }
    if (!best || !Number.isFinite(best.cost)) return path;
    cur[best.layer] = best.bits;
    path.push({ ...cur });
  }
}

/** Only the layers that differ from `base` bits, as "Bits per layer" holds them. */
export function overridesOf(bits: LayerBits, base: number): LayerBits {
  return Object.fromEntries(Object.entries(bits).filter(([, b]) => b !== base));
}
