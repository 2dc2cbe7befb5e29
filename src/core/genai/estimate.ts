/**
 * Can a language model run on an i.MX part, and how fast? A roofline estimate:
 *
 *   weights        W = N · b / 8                       (N parameters, b bits per weight)
 *   KV cache       K = 2 · layers · kvHeads · headDim · L · 2 B   (fp16 keys and values, L tokens)
 *   model memory   M = W + K + runtime
 *   decode  tok/s  = min( η · BW / (W + K),  C / MACs per token )   — each new token reads every
 *                    weight and the whole cache once: memory-bandwidth bound on these parts
 *   prefill tok/s  = C / MACs per token                 — a prompt is a batch: weights are reused
 *                    across its tokens, so compute binds (C = CPU cores · f · MACs/cycle · scaling, or NPU)
 *   MACs per token ≈ N + 2 · layers · heads · headDim · L / 2   (one MAC per weight + attention)
 */
import { findGenAiPart, type GenAiPart } from './parts';
import { kvCacheBytes, nearestShape, type ModelShape } from './shapes';

export type WeightBits = 16 | 8 | 4;
export type GenAiEngine = 'cpu' | 'npu';

export interface GenAiInput {
  paramsB: number;
  weightBits: WeightBits;
  contextTokens: number;
  /** Use the NPU for prefill when the part supports it. */
  engine?: GenAiEngine;
  /** Defaults to the nearest real model's shape. */
  shape?: ModelShape;
}

export interface GenAiEstimate {
  part: GenAiPart;
  shape: ModelShape;
  weightsBytes: number;
  kvBytes: number;
  runtimeBytes: number;
  memoryBytes: number;
  /** DRAM left for the model after the OS and the rest of the application. */
  availableBytes: number;
  fits: boolean;
  bytesPerToken: number;
  /** Sustained bandwidth η · BW, bytes/s. */
  effectiveBandwidth: number;
  macsPerToken: number;
  cpuMacsPerSecond: number;
  prefillMacsPerSecond: number;
  prefillEngine: GenAiEngine;
  /** Bandwidth-bound decode rate. */
  decodeBandwidthTps: number;
  /** Compute-bound decode rate (CPU matrix-vector). */
  decodeComputeTps: number;
  decodeTps: number;
  decodeBound: 'memory bandwidth' | 'compute';
  prefillTps: number;
}

/** Assumed: inference runtime (llama.cpp-class) compute buffers, tokenizer and process, bytes. */
export const RUNTIME_BYTES = 0.3e9;
/** Assumed: Linux, the application and its buffers keep this much DRAM for themselves. */
export const OS_RESERVE_BYTES = 0.5e9;

export function estimateLlm(part: GenAiPart, input: GenAiInput): GenAiEstimate {
  const paramsB = input.paramsB > 0 && Number.isFinite(input.paramsB) ? input.paramsB : 1;
  const context = input.contextTokens > 0 && Number.isFinite(input.contextTokens) ? Math.round(input.contextTokens) : 1024;
  const shape = input.shape ?? nearestShape(paramsB);
  const n = paramsB * 1e9;
  const weightsBytes = (n * input.weightBits) / 8;
  const kvBytes = kvCacheBytes(shape, context);
  const memoryBytes = weightsBytes + kvBytes + RUNTIME_BYTES;
  const availableBytes = Math.max(0, part.dramBytes.value - OS_RESERVE_BYTES);

  const bytesPerToken = weightsBytes + kvBytes;
  const effectiveBandwidth = part.dramBandwidth.value * part.bandwidthEfficiency.value;
  const macsPerToken = n + shape.layers * shape.heads * shape.headDim * context;
  const cpuMacsPerSecond =
    part.cpuCores.value * part.cpuClockMHz.value * 1e6 * part.cpuMacsPerCycle.value * part.parallelEfficiency.value;
  const npu = input.engine === 'npu' ? part.npuMacsPerSecond : undefined;
  const prefillMacsPerSecond = npu ? npu.value : cpuMacsPerSecond;

  const decodeBandwidthTps = effectiveBandwidth / bytesPerToken;
  const decodeComputeTps = cpuMacsPerSecond / macsPerToken;
  return {
    part,
    shape,
    weightsBytes,
    kvBytes,
    runtimeBytes: RUNTIME_BYTES,
    memoryBytes,
    availableBytes,
    fits: memoryBytes <= availableBytes,
    bytesPerToken,
    effectiveBandwidth,
    macsPerToken,
    cpuMacsPerSecond,
    prefillMacsPerSecond,
    prefillEngine: npu ? 'npu' : 'cpu',
    decodeBandwidthTps,
    decodeComputeTps,
    decodeTps: Math.min(decodeBandwidthTps, decodeComputeTps),
    decodeBound: decodeBandwidthTps <= decodeComputeTps ? 'memory bandwidth' : 'compute',
    prefillTps: prefillMacsPerSecond / macsPerToken,
  };
}

/** The estimate on a part by id; throws an Error naming the known ids. */
export function estimateLlmOn(partId: string, input: GenAiInput): GenAiEstimate {
  const part = findGenAiPart(partId);
  if (!part) throw new Error(`unknown GenAI target "${partId}"`);
  return estimateLlm(part, input);
}

/** "1.23 GB" in decimal gigabytes (as model files and DRAM chips are labelled). */
export function formatGB(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  return `${(bytes / 1e9).toFixed(bytes < 10e9 ? 2 : 1)} GB`;
}

/** "12.3 tokens/s", "0.45 tokens/s". */
export function formatTps(tps: number): string {
  if (!Number.isFinite(tps) || tps < 0) return '—';
  return `${tps >= 100 ? Math.round(tps) : tps.toPrecision(3)} tokens/s`;
}
