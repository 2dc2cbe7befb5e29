/**
 * Scores a challenge against a model: the device estimator (core/devices estimate()) gives flash,
 * RAM and latency on the challenge's target and dtype; the model's measured test accuracy comes
 * with it. Every limit becomes one line of the scorecard with the goal, the number and pass/fail.
 * Pure and synchronous.
 */
import { estimate, formatBytes, formatMs, type Deployment, type Estimate } from '../devices';
import { sizeHeading, sizeKB } from '../devices/model-size';
import type { ModelSpec } from '../model/spec';
import type { Challenge } from './link';

export interface ChallengeModel {
  spec: ModelSpec;
  /** Measured test accuracy, 0..1; null when the model was never evaluated (e.g. untrained). */
  testAccuracy: number | null;
  /**
   * How the model is stored besides its dtype: a pruned model's per-layer sparsity and sparse
   * storage format, per-channel or per-tensor scales. The challenge's dtype always applies.
   */
  deployment?: Omit<Deployment, 'dtype'>;
}

export interface ScoreLine {
  what: string;
  goal: string;
  actual: string;
  passed: boolean;
}

export interface ChallengeResult {
  passed: boolean;
  lines: ScoreLine[];
  estimate: Estimate;
}

const KB = 1024;

export function evaluateChallenge(c: Challenge, m: ChallengeModel): ChallengeResult {
  const e = estimate(m.spec, { ...m.deployment, dtype: c.dtype }, c.target);
  const lines: ScoreLine[] = [];
  if (c.model) {
    lines.push({ what: 'Model', goal: c.model, actual: m.spec.id, passed: m.spec.id === c.model });
  }
  // A model that does not fit cannot run at all, whatever the other numbers say.
  lines.push({
    what: 'Fits the part',
    goal: 'yes',
    actual: e.fits ? 'yes' : `no (${!e.flash.fits ? 'flash' : 'RAM'} over capacity)`,
    passed: e.fits,
  });
  if (c.flashKB !== undefined) {
    const passed = e.flash.total <= c.flashKB * KB;
    lines.push({ what: sizeHeading('flash'), goal: `≤ ${c.flashKB} KB`, actual: sizeKB(e.flash.total), passed });
  }
  if (c.ramKB !== undefined) {
    const passed = e.ram.total <= c.ramKB * KB;
    lines.push({ what: 'RAM', goal: `≤ ${c.ramKB} KB`, actual: formatBytes(e.ram.total), passed });
  }
  if (c.latencyMs !== undefined) {
    const engine = c.engine === 'cpu' ? e.cpu : c.engine === 'npu' ? e.npu : e.best;
    const available = engine !== undefined && engine.available;
    const label = c.engine === 'cpu' ? 'Latency (CPU)' : c.engine === 'npu' ? 'Latency (NPU)' : 'Latency (fastest engine)';
    lines.push({
      what: label,
      goal: `≤ ${c.latencyMs} ms`,
      actual: available ? formatMs(engine.ms) : (engine?.reason ?? 'no NPU on this part'),
      passed: available && engine.ms <= c.latencyMs,
    });
  }
  if (c.accuracyPct !== undefined) {
    const acc = m.testAccuracy;
    lines.push({
      what: 'Test accuracy',
      goal: `≥ ${c.accuracyPct} %`,
      actual: acc === null ? 'not measured (train the model first)' : `${(acc * 100).toFixed(1)} %`,
      // Compared at the displayed precision, so "95.0 %" never fails a "≥ 95 %" goal.
      passed: acc !== null && Math.round(acc * 1000) / 10 >= c.accuracyPct,
    });
  }
  return { passed: lines.every((l) => l.passed), lines, estimate: e };
}
