/**
 * One "model size" for every panel. The same int8 model used to read 62.9, 73.2 and 61.0 KB on three
 * panels because each meant something else; now each number says which of these three it is:
 *   weights only       — kernels (in their storage format) + biases + quantization parameters:
 *                        what quantization and pruning shrink, and what a lab's "Model size" shows;
 *   model file         — the .tflite file: weights only + per-tensor metadata + the flatbuffer's fixed part;
 *   flash with runtime — the model file + the TFLM framework and kernel code it needs (what must fit).
 * Pure (no DOM), so the device panel, the labs and the challenges share it.
 */
import type { FlashEstimate } from './estimate-types';

export type SizeKind = 'weights' | 'file' | 'flash';

/** The label every panel prints after a size (lower case, to follow the number: "61.0 KB weights only"). */
export const SIZE_LABEL: Record<SizeKind, string> = {
  weights: 'weights only',
  file: 'model file',
  flash: 'flash with runtime',
};

/** What each size counts, for titles and the glossary. */
export const SIZE_MEANING: Record<SizeKind, string> = {
  weights: 'kernels in their storage format + biases + quantization parameters',
  file: 'weights only + per-tensor metadata + the fixed part of the .tflite flatbuffer',
  flash: 'the model file + the runtime code (TFLM framework and the kernels this model uses)',
};

export type ModelSizes = Record<SizeKind, number>;

/** The three sizes of one deployment, from the device estimator's flash breakdown. */
export function modelSizes(f: Pick<FlashEstimate, 'weights' | 'biases' | 'quantParams' | 'model' | 'total'>): ModelSizes {
  return { weights: f.weights + f.biases + f.quantParams, file: f.model, flash: f.total };
}

/** "61.0 KB weights only" — one decimal in KB (1 KB = 1024 bytes), as every panel prints it. */
export function sizeText(bytes: number, kind: SizeKind): string {
  return `${(bytes / 1024).toFixed(1)} KB ${SIZE_LABEL[kind]}`;
}
