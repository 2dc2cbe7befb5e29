/**
 * The Pareto front of accuracy against a cost (flash bytes or latency): the versions no other version
 * beats on both at once — the only ones worth deploying for some budget.
 */
export interface CostPoint {
  cost: number;
  accuracy: number;
}

/** Indices of the points on the front, by increasing cost (ties: the more accurate one). */
export function paretoFront(points: CostPoint[]): number[] {
  const order = points
    .map((p, i) => ({ ...p, i }))
    .filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.accuracy))
    .sort((a, b) => a.cost - b.cost || b.accuracy - a.accuracy);
  const front: number[] = [];
  let best = -Infinity;
  for (const p of order) {
    if (p.accuracy > best) {
      front.push(p.i);
      best = p.accuracy;
    }
  }
  return front;
}
