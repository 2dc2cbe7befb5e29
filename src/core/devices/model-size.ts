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

/** Quantization parameters per quantized kernel channel: f32 scale + i64 zero point, for the kernel and for its int32 bias. */
export const QUANT_BYTES_PER_CHANNEL = 24;
/** Quantization parameters per quantized activation tensor (an op's output): f32 scale + i64 zero point. */
export const QUANT_BYTES_PER_ACTIVATION = 12;

/** One stored layer of a quantized model, as "weights only" counts it. */
export interface StoredLayer {
  /** The kernel in its storage format (packed at its bit width). */
  kernelBytes: number;
  biasBytes: number;
  /** Channels with their own scale and zero point (1 for per-tensor). */
  quantChannels: number;
}

/**
 * "Weights only" of a quantized model from its stored parts — the same sum the estimator's flash
 * breakdown makes (weights + biases + quantParams), so the Quantization lab's "Model size" and the
 * device panel's "weights only" agree for the same model. `activationTensors`: the quantized op
 * outputs (the estimator's lowered ops; flatten and dropout are not ops).
 */
export function quantizedWeightsOnly(layers: StoredLayer[], activationTensors: number): number {
  let bytes = activationTensors * QUANT_BYTES_PER_ACTIVATION;
  for (const l of layers) bytes += l.kernelBytes + l.biasBytes + l.quantChannels * QUANT_BYTES_PER_CHANNEL;
  return bytes;
}

/** The label every panel prints after a size (lower case, to follow the number: "61.0 KB weights only"). */
export const SIZE_LABEL: Record<SizeKind, string> = {
  weights: 'weights only',
  file: 'model file',
  flash: 'flash with runtime',
};

/** The same label as a column heading: "Flash with runtime". */
export function sizeHeading(kind: SizeKind): string {
  return SIZE_LABEL[kind][0].toUpperCase() + SIZE_LABEL[kind].slice(1);
}

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

/** "61.0 KB" — a model size as every panel prints it: KB (1 KB = 1024 bytes) with one decimal. */
export function sizeKB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—';
}

/** "61.0 KB weights only": the number with its definition. */
export function sizeText(bytes: number, kind: SizeKind): string {
  return `${sizeKB(bytes)} ${SIZE_LABEL[kind]}`;
}
