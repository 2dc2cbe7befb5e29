/**
 * The constraint filter: a candidate whose estimated flash, RAM or latency on the chosen target is over
 * the budget is rejected before any training. Cheap (an estimate is microseconds) and it keeps the
 * expensive proxy for architectures that could actually ship.
 */

/** What the filter needs from the device estimator, in the units the page shows. */
export interface CostEstimate {
  flashBytes: number;
  ramBytes: number;
  latencyMs: number;
  /** Which engine the latency is for ("cpu" or "npu"), when known. */
  engine?: 'cpu' | 'npu';
}

/** Limits in KB (1 KB = 1024 B) and ms; a missing or non-positive limit is not checked. */
export interface Budget {
  ramKB?: number;
  flashKB?: number;
  latencyMs?: number;
}

export interface Verdict {
  feasible: boolean;
  /** One line per violated limit, e.g. "RAM 131.0 KB > 100 KB". */
  reasons: string[];
}

const active = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Rejects exactly the estimates strictly over a limit; equal to the limit fits. */
export function checkBudget(cost: CostEstimate, budget: Budget): Verdict {
  const reasons: string[] = [];
  if (active(budget.ramKB) && cost.ramBytes > budget.ramKB * 1024) {
    reasons.push(`RAM ${(cost.ramBytes / 1024).toFixed(1)} KB > ${budget.ramKB} KB`);
  }
  if (active(budget.flashKB) && cost.flashBytes > budget.flashKB * 1024) {
    reasons.push(`flash ${(cost.flashBytes / 1024).toFixed(1)} KB > ${budget.flashKB} KB`);
  }
  if (active(budget.latencyMs) && cost.latencyMs > budget.latencyMs) {
    reasons.push(`latency ${cost.latencyMs.toFixed(2)} ms > ${budget.latencyMs} ms`);
  }
  return { feasible: reasons.length === 0, reasons };
}
