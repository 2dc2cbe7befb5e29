/**
 * Public API of the exporter (pure TypeScript: no tfjs, no React, no DOM).
 *
 *   const qm = quantizeForTflite(spec, weights, ranges);   // the converter's full-integer PTQ
 *   const pkg = exportPackage(qm);                         // both .tflite interfaces + C array + I/O quant
 *   tfliteToSpec(bytes)                                    // .tflite → ModelSpec (Devices page)
 */
import type { ModelSpec, WeightSet } from '../model/spec';
import { quantizeModel, type QuantizedModel, type QuantSettings } from '../techniques/quantization/quantize-model';
import { estimate, DEFAULT_TARGET_ID } from '../devices';
import { toTfliteGraph } from './convert';
import { writeTflite } from './writer';
import type { TfliteGraph } from './graph';
import type { IoQuant } from './c-array';
import { arenaWithMargin } from './tflm-project';

export * from './graph';
export { readTflite, TfliteFormatError, MAX_TFLITE_BYTES } from './reader';
export { writeTflite } from './writer';
export { toTfliteGraph, ExportError, toTfliteLayout, type DeployInterface } from './convert';
export { tfliteToSpec, graphToSpec } from './import';
export { canonicalSpec } from './canonical';
export { modelDataHeader, modelDataSource, parseCArray, type IoQuant } from './c-array';
export { writeTestVectors, readTestVectors, type TestVectors } from './test-vectors';
export { tflmProjectZip, cArrayZip, mainCc, resolverOps, arenaWithMargin } from './tflm-project';
export { BuiltinOperator, OPERATOR_NAMES, TensorType } from './schema';

/**
 * What the TFLite converter does for full-integer PTQ (optimizations=DEFAULT + representative data
 * set + int8 ops): symmetric int8 weights, per-channel for conv / depthwise, per-tensor for dense
 * (TFLM's FULLY_CONNECTED), asymmetric int8 activations, round half away from zero, gemmlowp requant.
 */
export const TFLITE_PTQ: QuantSettings = {
  weightBits: 8,
  activationBits: 8,
  scheme: 'symmetric',
  activationScheme: 'asymmetric',
  granularity: 'per-channel',
  denseGranularity: 'per-tensor',
  rounding: 'nearest',
  seed: 1,
  requantRounding: 'double',
};

/**
 * ranges: min/max calibrated [lo, hi] per calibrated tensor (the converter's calibration).
 * inputRange: the input's calibrated range when it is not MNIST pixels (time-series windows).
 */
export function quantizeForTflite(spec: ModelSpec, weights: WeightSet, ranges: Record<string, [number, number]>, inputRange?: [number, number]): QuantizedModel {
  return quantizeModel(spec, weights, ranges, inputRange ? { ...TFLITE_PTQ, inputRange } : TFLITE_PTQ);
}

export function ioQuant(qm: QuantizedModel): IoQuant {
  const inP = qm.tensors.get('input')!;
  const outP = qm.tensors.get(qm.plan.output)!;
  return {
    inputScale: inP.scale[0], inputZeroPoint: inP.zeroPoint[0],
    outputScale: outP.scale[0], outputZeroPoint: outP.zeroPoint[0],
    inputShape: [1, ...qm.spec.inputShape], outputShape: [1, ...qm.plan.tensors.get(qm.plan.output)!.shape],
  };
}

export interface ExportPackage {
  /** int8 I/O: for TFLM on an MCU ("Download .tflite"). */
  tflite: Uint8Array;
  graph: TfliteGraph;
  /** float32 I/O with QUANTIZE / DEQUANTIZE: for LiteRT (i.MX, LiteRT.js). */
  floatTflite: Uint8Array;
  io: IoQuant;
  /** The estimator's arena for the default target and the arena main.cc declares. */
  estimatedArena: number;
  arenaBytes: number;
}

export function exportPackage(qm: QuantizedModel): ExportPackage {
  const graph = toTfliteGraph(qm, 'int8');
  const estimatedArena = estimate(qm.spec, { dtype: 'int8' }, DEFAULT_TARGET_ID).ram.arena;
  return {
    tflite: writeTflite(graph),
    graph,
    floatTflite: writeTflite(toTfliteGraph(qm, 'float32')),
    io: ioQuant(qm),
    estimatedArena,
    arenaBytes: arenaWithMargin(estimatedArena),
  };
}
export { compareInt8, type Int8Comparison } from './compare';
