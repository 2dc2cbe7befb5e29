/**
 * Scores → masks. The only place that decides which weights go.
 *
 * Exactness: the number of pruned weights (units) is k = round(target · n), chosen by sorted order of
 * the scores — never by a threshold — so ties cannot make the achieved sparsity drift from the target.
 * Ties are broken by position (earlier layer, then lower flat index, is pruned first), which makes the
 * masks deterministic.
 */
import type { Criterion, LayerMask, LayerScores, LayerSparsity, MaskSet, PruneConfig } from './types';

/** Output units of a kernel: the last dimension for dense [in, out] and conv [kh, kw, cin, cout]. */
export function unitCountOf(shape: number[]): number {
  return shape[shape.length - 1];
}

/** Indices of `scores` from least to most important; ties in index order. */
export function argsortAscending(scores: Float32Array): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // NaN would break the comparator's total order; treat it as the least important.
  const s = scores.some(Number.isNaN) ? scores.map((v) => (Number.isNaN(v) ? -Infinity : v)) : scores;
  order.sort((a, b) => s[a] - s[b] || a - b);
  return order;
}

export function clampTarget(t: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(0.99, Math.max(0, t));
}

/** How a criterion's per-weight scores become one score per unit (structured pruning). */
export function unitReduction(criterion: Criterion): 'rms' | 'mean' {
  // Magnitude uses the unit's L2 norm; divided by √fan-in (RMS) so units of layers with different
  // fan-in compare fairly in global scope. Within a layer the order equals the L2-norm order.
  return criterion === 'magnitude' ? 'rms' : 'mean';
}

/** One score per output unit from per-weight scores laid out like the kernel. */
export function reduceToUnits(scores: Float32Array, units: number, how: 'rms' | 'mean'): Float32Array {
  const acc = new Float64Array(units);
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i];
    acc[i % units] += how === 'rms' ? v * v : v;
  }
  const perUnit = scores.length / units;
  const out = new Float32Array(units);
  for (let u = 0; u < units; u++) out[u] = how === 'rms' ? Math.sqrt(acc[u] / perUnit) : acc[u] / perUnit;
  return out;
}

function expandUnits(units: Uint8Array, size: number): Uint8Array {
  const mask = new Uint8Array(size);
  const n = units.length;
  for (let i = 0; i < size; i++) mask[i] = units[i % n];
  return mask;
}

function targetFor(layer: string, cfg: PruneConfig): number {
  const o = cfg.scope === 'local' ? cfg.overrides?.[layer] : undefined;
  return clampTarget(o ?? cfg.target);
}

/** Keep-mask of n items with the k least important (by `order`) removed. */
function pruneLowest(order: Uint32Array, n: number, k: number): Uint8Array {
  const keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < k; i++) keep[order[i]] = 0;
  return keep;
}

function unstructured(scores: LayerScores[], cfg: PruneConfig): MaskSet {
  if (cfg.scope === 'local') {
    return scores.map((s) => {
      const k = Math.round(targetFor(s.layer, cfg) * s.scores.length);
      return { layer: s.layer, shape: s.shape, mask: pruneLowest(argsortAscending(s.scores), s.scores.length, k) };
    });
  }
  const total = scores.reduce((a, s) => a + s.scores.length, 0);
  const all = new Float32Array(total);
  let off = 0;
  for (const s of scores) {
    all.set(s.scores, off);
    off += s.scores.length;
  }
  const keep = pruneLowest(argsortAscending(all), total, Math.round(clampTarget(cfg.target) * total));
  off = 0;
  return scores.map((s) => {
    const mask = keep.slice(off, off + s.scores.length);
    off += s.scores.length;
    return { layer: s.layer, shape: s.shape, mask };
  });
}

function unitScoresFor(s: LayerScores, criterion: Criterion): Float32Array {
  return s.unitScores ?? reduceToUnits(s.scores, unitCountOf(s.shape), unitReduction(criterion));
}

/** Cost-aware global ranking: per-layer L2 normalisation, then (for 'macs' / 'latency') importance per MAC or µs saved. */
function normaliseUnits(perLayer: Float32Array[], scores: LayerScores[], cfg: PruneConfig): void {
  if (!cfg.normalise || cfg.normalise === 'none') return;
  perLayer.forEach((u, i) => {
    let ss = 0;
    for (const v of u) ss += v * v;
    const norm = Math.sqrt(ss) || 1;
    // MACs are whole numbers (≥ 1); latency in µs can be tiny but is kept positive.
    const floor = cfg.normalise === 'latency' ? 1e-6 : 1;
    const cost = cfg.normalise === 'macs' || cfg.normalise === 'latency' ? Math.max(floor, cfg.unitCost?.[scores[i].layer] ?? 1) : 1;
    perLayer[i] = u.map((v) => v / norm / cost);
  });
}

/** Structured: every layer keeps at least one unit, or the network would be cut in two. */
function structured(scores: LayerScores[], cfg: PruneConfig): MaskSet {
  const perLayer = scores.map((s) => unitScoresFor(s, cfg.criterion));
  let unitKeep: Uint8Array[];
  if (cfg.scope === 'local') {
    unitKeep = perLayer.map((u, i) => {
      const k = Math.min(u.length - 1, Math.round(targetFor(scores[i].layer, cfg) * u.length));
      return pruneLowest(argsortAscending(u), u.length, k);
    });
  } else {
    normaliseUnits(perLayer, scores, cfg);
    const total = perLayer.reduce((a, u) => a + u.length, 0);
    const all = new Float32Array(total);
    const owner = new Uint16Array(total);
    let off = 0;
    perLayer.forEach((u, li) => {
      all.set(u, off);
      owner.fill(li, off, off + u.length);
      off += u.length;
    });
    const k = Math.min(total - perLayer.length, Math.round(clampTarget(cfg.target) * total));
    const order = argsortAscending(all);
    const left = perLayer.map((u) => u.length);
    const keep = new Uint8Array(total).fill(1);
    // Walk up the global order; skip a layer's last surviving unit (it is that layer's best one).
    for (let i = 0, removed = 0; removed < k; i++) {
      const j = order[i];
      if (left[owner[j]] === 1) continue;
      keep[j] = 0;
      left[owner[j]]--;
      removed++;
    }
    off = 0;
    unitKeep = perLayer.map((u) => {
      const part = keep.slice(off, off + u.length);
      off += u.length;
      return part;
    });
  }
  return scores.map((s, i) => ({
    layer: s.layer,
    shape: s.shape,
    units: unitKeep[i],
    mask: expandUnits(unitKeep[i], s.scores.length),
  }));
}

/** The semi-structured pattern of granularity 'nm': 2 kept of every 4 (NVIDIA Ampere's 2:4). */
export const NM_PATTERN = { n: 2, m: 4 } as const;

/**
 * N:M semi-structured masks (Mishra et al. 2021): for every output unit, the weights along the
 * reduction axis (the inputs of a dense kernel; kh·kw·cin of a convolution, as its im2col GEMM reads
 * them) form consecutive groups of M, and the N highest-scoring weights of each group stay. A last,
 * shorter group keeps min(N, its size). The target and scope do not apply: sparsity is 1 − N/M.
 */
export function nmMask(scores: Float32Array, shape: number[], n: number, m: number): Uint8Array {
  const units = unitCountOf(shape);
  const reduction = scores.length / units;
  const keep = new Uint8Array(scores.length);
  const idx: number[] = [];
  for (let u = 0; u < units; u++) {
    for (let g = 0; g < reduction; g += m) {
      idx.length = 0;
      for (let r = g; r < Math.min(reduction, g + m); r++) idx.push(r * units + u);
      // Highest first; ties keep the earlier position.
      idx.sort((a, b) => scores[b] - scores[a] || a - b);
      for (let j = 0; j < Math.min(n, idx.length); j++) keep[idx[j]] = 1;
    }
  }
  return keep;
}

/** Masks for the scored layers (layers without scores are not pruned and get no mask). */
export function computeMasks(scores: LayerScores[], cfg: PruneConfig): MaskSet {
  const included = scores.filter((s) => cfg.layers.includes(s.layer));
  if (cfg.granularity === 'nm') {
    return included.map((s) => ({ layer: s.layer, shape: s.shape, mask: nmMask(s.scores, s.shape, NM_PATTERN.n, NM_PATTERN.m) }));
  }
  return cfg.granularity === 'structured' ? structured(included, cfg) : unstructured(included, cfg);
}

/** Whether every group of M along the reduction axis has at most N non-zeros (the mask is N:M). */
export function isNmSparse(data: Float32Array | Uint8Array, shape: number[], n: number, m: number): boolean {
  const units = unitCountOf(shape);
  const reduction = data.length / units;
  for (let u = 0; u < units; u++) {
    for (let g = 0; g < reduction; g += m) {
      let nz = 0;
      for (let r = g; r < Math.min(reduction, g + m); r++) if (data[r * units + u] !== 0) nz++;
      if (nz > n) return false;
    }
  }
  return true;
}

export function layerSparsity(m: LayerMask): LayerSparsity {
  const total = m.mask.length;
  let kept = 0;
  for (let i = 0; i < total; i++) kept += m.mask[i];
  const units = unitCountOf(m.shape);
  let unitsPruned = 0;
  if (m.units) {
    for (let u = 0; u < units; u++) unitsPruned += m.units[u] ? 0 : 1;
  } else {
    const alive = new Uint8Array(units);
    for (let i = 0; i < total; i++) if (m.mask[i]) alive[i % units] = 1;
    for (let u = 0; u < units; u++) unitsPruned += alive[u] ? 0 : 1;
  }
  return { layer: m.layer, total, pruned: total - kept, sparsity: total ? (total - kept) / total : 0, units, unitsPruned };
}

/** Achieved sparsity over the masked layers: of weights (unstructured) or of units (structured). */
export function overallSparsity(masks: MaskSet): { weights: number; units: number } {
  const per = masks.map(layerSparsity);
  const w = per.reduce((a, s) => a + s.total, 0);
  const u = per.reduce((a, s) => a + s.units, 0);
  return {
    weights: w ? per.reduce((a, s) => a + s.pruned, 0) / w : 0,
    units: u ? per.reduce((a, s) => a + s.unitsPruned, 0) / u : 0,
  };
}

/** Overlap of what two mask sets prune: |P₁ ∩ P₂| / |P₁ ∪ P₂| (1 when both prune nothing). */
export function jaccardPruned(a: MaskSet, b: MaskSet): number {
  const byName = new Map(b.map((m) => [m.layer, m.mask]));
  let inter = 0;
  let union = 0;
  for (const m of a) {
    const other = byName.get(m.layer);
    if (!other) continue;
    for (let i = 0; i < m.mask.length; i++) {
      const pa = m.mask[i] === 0;
      const pb = other[i] === 0;
      if (pa && pb) inter++;
      if (pa || pb) union++;
    }
  }
  return union === 0 ? 1 : inter / union;
}
