/**
 * The transfer set: the training samples the students see. Both students (distilled and scratch) get
 * exactly the same indices in the same order, so the only difference between them is the loss.
 *
 * "Leave out digit" reproduces the experiment in section 3 of Hinton et al. (2015): every example of
 * one class is removed from the transfer set. The scratch student then never sees that class and
 * cannot predict it; the distilled student can still learn it from the teacher's soft targets on
 * the other digits (a 5 or an 8 that "looks a bit like a 3").
 */
import { shuffledIndices } from '../../data/random';

export interface TransferSetOptions {
  /** Number of samples wanted (the page offers 500..8,000). */
  size: number;
  /** A digit 0..9 to remove entirely, or null for none. */
  leaveOut: number | null;
  seed: number;
}

/**
 * Indices into the training split: a seeded shuffle of all samples, the left-out class removed,
 * then the first `size` of them (all that remain when fewer are left). Sorted ascending so that
 * gathering them is cache-friendly; the training loop shuffles per epoch anyway.
 */
export function selectTransferSet(labels: ArrayLike<number>, { size, leaveOut, seed }: TransferSetOptions): Int32Array {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`size must be a positive whole number, got ${size}`);
  if (leaveOut !== null && !(Number.isInteger(leaveOut) && leaveOut >= 0 && leaveOut <= 9)) {
    throw new RangeError(`leaveOut must be null or a digit 0..9, got ${leaveOut}`);
  }
  const order = shuffledIndices(labels.length, seed);
  const picked: number[] = [];
  for (const i of order) {
    if (picked.length >= size) break;
    if (leaveOut === null || labels[i] !== leaveOut) picked.push(i);
  }
  return Int32Array.from(picked.sort((a, b) => a - b));
}

/** Count of each digit among the chosen samples (for the "what the student sees" line). */
export function classCounts(labels: ArrayLike<number>, indices: ArrayLike<number>, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < indices.length; i++) counts[labels[indices[i]]]++;
  return counts;
}

export interface DigitScore {
  digit: number;
  correct: number;
  total: number;
  /** correct / total, 0 when the test split has none of that digit. */
  accuracy: number;
}

/** Accuracy on one digit from a confusion matrix (confusion[true][predicted]). */
export function digitAccuracy(confusion: number[][], digit: number): DigitScore {
  const row = confusion[digit] ?? [];
  const total = row.reduce((a, b) => a + b, 0);
  const correct = row[digit] ?? 0;
  return { digit, correct, total, accuracy: total > 0 ? correct / total : 0 };
}
