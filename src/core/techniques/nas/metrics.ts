/** Pareto fronts, rank correlation and best-so-far curves over search results. Pure. */

/**
 * The points no other point beats: lower-or-equal cost AND higher-or-equal accuracy, one strictly.
 * Returned sorted by cost ascending (so accuracy rises along the front). Of exact duplicates, the first
 * one stays on the front.
 */
export function paretoFront<T>(points: readonly T[], accuracy: (p: T) => number, cost: (p: T) => number): T[] {
  const order = points
    .map((p, i) => ({ p, i, a: accuracy(p), c: cost(p) }))
    .filter((q) => Number.isFinite(q.a) && Number.isFinite(q.c))
    .sort((x, y) => x.c - y.c || y.a - x.a || x.i - y.i);
  const front: T[] = [];
  let best = -Infinity;
  for (const q of order) {
    // Sorted by cost, then accuracy descending: a point is on the front iff it beats every cheaper one.
    if (q.a > best) {
      front.push(q.p);
      best = q.a;
    }
  }
  return front;
}

/** 1-based ranks, ties get the average of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const idx = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const r = new Array<number>(values.length);
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e + 1 < idx.length && idx[e + 1].v === idx[s].v) e++;
    const avg = (s + e) / 2 + 1;
    for (let k = s; k <= e; k++) r[idx[k].i] = avg;
    s = e + 1;
  }
  return r;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n !== y.length) throw new RangeError('pearson: lists of different length');
  if (n < 2) return NaN;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: the Pearson correlation of the ranks (ties averaged). NaN when undefined. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

/** Running maximum; entries that are null (rejected) repeat the best so far (null before any). */
export function bestSoFar(values: readonly (number | null)[]): (number | null)[] {
  let best: number | null = null;
  return values.map((v) => {
    if (v !== null && (best === null || v > best)) best = v;
    return best;
  });
}
