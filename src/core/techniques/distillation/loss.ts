/**
 * The knowledge-distillation loss of Hinton, Vinyals & Dean (2015), "Distilling the Knowledge in a
 * Neural Network":
 *
 *   L = α · T² · KL(softmax(z_t/T) ‖ softmax(z_s/T)) + (1 − α) · CE(y, softmax(z_s))
 *
 * z_t are the teacher's logits (constants here: precomputed once per run), z_s the student's, y the
 * one-hot hard labels. Both terms are averaged over the batch. The gradient of the soft term with
 * respect to z_s is (p_s − p_t)/T per sample, so multiplying by T² keeps its size comparable as T
 * changes (the paper's argument); without it, a high T would silently switch the soft term off.
 *
 * Everything is computed from log-softmax, never log(softmax), so large logits and high or low
 * temperatures stay finite.
 */
import * as tf from '@tensorflow/tfjs';

export interface DistillationWeights {
  /** Temperature T ≥ 1 (1 = ordinary softmax); the page offers 1..20. */
  temperature: number;
  /** Weight α of the soft-target term, 0..1 (0 = hard labels only, i.e. training from scratch). */
  alpha: number;
}

/** softmax(z / T) along the last axis. */
export function softmaxAtTemperature(logits: tf.Tensor, temperature: number): tf.Tensor {
  checkTemperature(temperature);
  return tf.tidy(() => tf.softmax(tf.div(logits, temperature)));
}

/** Mean over the batch of KL(softmax(z_t/T) ‖ softmax(z_s/T)), in nats. Scalar. */
export function softTargetKl(teacherLogits: tf.Tensor, studentLogits: tf.Tensor, temperature: number): tf.Scalar {
  checkTemperature(temperature);
  return tf.tidy(() => {
    const logPt = tf.logSoftmax(tf.div(teacherLogits, temperature));
    const logPs = tf.logSoftmax(tf.div(studentLogits, temperature));
    const perSample = tf.sum(tf.mul(tf.exp(logPt), tf.sub(logPt, logPs)), -1);
    return tf.mean(perSample) as tf.Scalar;
  });
}

/** Mean over the batch of the cross-entropy between one-hot labels and softmax(z_s). Scalar. */
export function hardLabelCrossEntropy(oneHotLabels: tf.Tensor, studentLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.neg(tf.sum(tf.mul(oneHotLabels, tf.logSoftmax(studentLogits)), -1))) as tf.Scalar);
}

export interface DistillationLossParts {
  /** α·T²·KL + (1−α)·CE, the value that is minimised. */
  total: tf.Scalar;
  /** KL(p_t ‖ p_s) at temperature T, without the α·T² factor. */
  soft: tf.Scalar;
  /** CE against the hard labels at T = 1, without the (1−α) factor. */
  hard: tf.Scalar;
}

/** The loss and its two terms (for charts). The caller disposes all three scalars. */
export function distillationLossParts(
  studentLogits: tf.Tensor,
  teacherLogits: tf.Tensor,
  oneHotLabels: tf.Tensor,
  { temperature, alpha }: DistillationWeights,
): DistillationLossParts {
  checkAlpha(alpha);
  const soft = softTargetKl(teacherLogits, studentLogits, temperature);
  const hard = hardLabelCrossEntropy(oneHotLabels, studentLogits);
  const total = tf.tidy(() =>
    tf.add(tf.mul(soft, alpha * temperature * temperature), tf.mul(hard, 1 - alpha)),
  ) as tf.Scalar;
  return { total, soft, hard };
}

/** The scalar loss only; safe to use inside tf.variableGrads / optimizer.minimize. */
export function distillationLoss(
  studentLogits: tf.Tensor,
  teacherLogits: tf.Tensor,
  oneHotLabels: tf.Tensor,
  weights: DistillationWeights,
): tf.Scalar {
  return tf.tidy(() => {
    const { total } = distillationLossParts(studentLogits, teacherLogits, oneHotLabels, weights);
    return total;
  });
}

function checkTemperature(t: number): void {
  if (!(Number.isFinite(t) && t > 0)) throw new RangeError(`temperature must be a positive number, got ${t}`);
}

function checkAlpha(a: number): void {
  if (!(Number.isFinite(a) && a >= 0 && a <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${a}`);
}
