/**
 * Evaluation metrics for the three tasks: confusion matrix and accuracy (classification); ROC curve,
 * AUC and precision / recall at a threshold (anomaly detection, higher score = more anomalous);
 * MAE, RMSE and R² (regression).
 */

export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
  return m;
}

export function accuracyOf(confusion: number[][]): number {
  let correct = 0;
  let total = 0;
  confusion.forEach((row, i) => row.forEach((v, j) => ((total += v), i === j && (correct += v))));
  return total ? correct / total : NaN;
}

export interface RocPoint {
  /** Scores ≥ threshold are called anomalous. */
  threshold: number;
  fpr: number;
  tpr: number;
}

/**
 * ROC curve from scores and ground truth (true = anomaly), one point per distinct score (ties move
 * together, diagonally), from (0, 0) to (1, 1); AUC by the trapezoid rule — equal to the probability
 * that a random anomaly scores above a random normal sample, ties counting one half.
 */
export function rocCurve(scores: ArrayLike<number>, positive: ArrayLike<boolean>): { points: RocPoint[]; auc: number } {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let P = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) P++;
  const N = positive.length - P;
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  for (let k = 0; k < idx.length; ) {
    const s = scores[idx[k]];
    while (k < idx.length && scores[idx[k]] === s) {
      if (positive[idx[k]]) tp++;
      else fp++;
      k++;
    }
    const prev = points[points.length - 1];
    const pt = { threshold: s, fpr: N ? fp / N : 0, tpr: P ? tp / P : 0 };
    auc += (pt.fpr - prev.fpr) * (pt.tpr + prev.tpr) / 2;
    points.push(pt);
  }
  return { points, auc: P && N ? auc : NaN };
}

export interface ThresholdStats {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
}

export function atThreshold(scores: ArrayLike<number>, positive: ArrayLike<boolean>, threshold: number): ThresholdStats {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (positive[i] && flagged) tp++;
    else if (positive[i]) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn, precision: tp + fp ? tp / (tp + fp) : NaN, recall: tp + fn ? tp / (tp + fn) : NaN, falsePositiveRate: fp + tn ? fp / (fp + tn) : NaN };
}

export interface RegressionMetrics {
  mae: number;
  rmse: number;
  /** 1 − SS_res / SS_tot. */
  r2: number;
}

export function regressionMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = truth.length;
  if (n === 0) return { mae: NaN, rmse: NaN, r2: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[i];
  mean /= n;
  let abs = 0;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - truth[i];
    abs += Math.abs(e);
    res += e * e;
    tot += (truth[i] - mean) ** 2;
  }
  return { mae: abs / n, rmse: Math.sqrt(res / n), r2: tot > 0 ? 1 - res / tot : NaN };
}

/** The score at percentile q (0–100) of sorted normal scores: the anomaly threshold the page's "Threshold" sets. */
export function thresholdAt(sortedNormal: ArrayLike<number>, q: number): number {
  if (sortedNormal.length === 0) return Infinity;
  const i = Math.min(sortedNormal.length - 1, Math.max(0, Math.round((q / 100) * (sortedNormal.length - 1))));
  return sortedNormal[i];
}
