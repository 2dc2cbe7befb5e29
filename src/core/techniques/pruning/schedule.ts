/**
 * Gradual pruning schedule of Zhu & Gupta 2017 ("To prune, or not to prune"), the polynomial decay
 * used by the TF Model Optimization toolkit:
 *   s_t = s_f + (s_i − s_f) · (1 − (t − t0) / (n·Δt))³   for t0 ≤ t ≤ t0 + n·Δt,
 * with masks recomputed every Δt steps. Sparsity rises fast at first, when many redundant weights
 * exist, and slowly near the end so the network can recover.
 */

export interface PruneSchedule {
  initial: number;
  final: number;
  /** First step at which pruning happens (t0). */
  begin: number;
  /** Step by which `final` is reached (t0 + n·Δt). */
  end: number;
  /** Recompute masks every `frequency` steps (Δt). */
  frequency: number;
}

export function scheduledSparsity(step: number, s: PruneSchedule): number {
  if (step < s.begin) return 0;
  if (step >= s.end || s.end <= s.begin) return s.final;
  const progress = (step - s.begin) / (s.end - s.begin);
  return s.final + (s.initial - s.final) * (1 - progress) ** 3;
}

/** True at the steps where masks are recomputed: t0, t0+Δt, …, and the end step itself. */
export function isPruneStep(step: number, s: PruneSchedule): boolean {
  if (step < s.begin || step > s.end) return false;
  return step === s.end || (step - s.begin) % Math.max(1, s.frequency) === 0;
}

/**
 * The page's "Schedule start" and "Schedule span" (percent of all training steps) as the fractions
 * runPruning takes: sparsity starts rising at start % and reaches the target at start + span %
 * (capped at the last step). Starting later lets the network train dense first (Zhu & Gupta's t0).
 */
export function scheduleFractions(startPct: number, spanPct: number): { begin: number; end: number } {
  const begin = Math.min(Math.max(startPct, 0), 100) / 100;
  return { begin, end: Math.min(1, begin + Math.max(spanPct, 0) / 100) };
}
