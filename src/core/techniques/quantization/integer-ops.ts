/**
 * The compiled form of an integer-only model (types only): tensors as int32 typed arrays with their
 * quantization, and one record per op with its preallocated buffers. integer-model.ts compiles
 * them, integer-kernels.ts runs them.
 */
import type { ClampActivation } from './graph';

export interface IntTensor {
  name: string;
  shape: number[];
  data: Int32Array;
  scale: number;
  zeroPoint: number;
  qmin: number;
  qmax: number;
}

export interface Geometry {
  inH: number;
  inW: number;
  cin: number;
  outH: number;
  outW: number;
  cout: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  padT: number;
  padL: number;
}

export interface CompiledWeighted {
  kind: 'dense' | 'conv2d' | 'depthwiseConv2d';
  layer: string;
  input: IntTensor;
  output: IntTensor;
  g: Geometry;
  /** Depth multiplier (depthwise only). */
  mult: number;
  /** Weights minus their zero point, kernel layout. */
  w: Int32Array;
  wZp: Int32Array;
  /** Weight scale per output channel (for explanations). */
  wScale: Float64Array;
  /** int32 bias; int64 (a Float64Array of integers) in 16x8 mode. */
  bias: Int32Array | Float64Array;
  multiplier: Int32Array;
  shift: Int32Array;
  actMin: number;
  actMax: number;
  /** The fused activation the clamp implements. */
  activation: ClampActivation;
  /** x·M in fixed point (double or single rounding). */
  requant: Requant;
  /**
   * The same weights as doubles, laid out for the kernel: one row of K = kh·kw·cin per output
   * channel for dense/conv (a dot product per output), the kernel layout for depthwise. Doubles hold
   * every 8x8 and 16x8 sum exactly (< 2^53), so one code path serves both modes.
   */
  wk: Float64Array;
  /**
   * Dense/conv with small enough sums: two output channels packed into one double per weight,
   * w_c + 2^26·w_(c+1), so one multiply-add does two MACs exactly (null when a sum could reach 2^25).
   */
  packed: Float64Array | null;
  /** The bias as doubles (exact integers). */
  biasF: Float64Array;
  /** Scratch: one im2col patch (dense/conv) or the per-channel sums (depthwise). */
  scratch: Float64Array;
  /** Depthwise: the input channel each output channel reads (c / multiplier). */
  inChannel: Int32Array;
  /** The WebAssembly SIMD form of a dense / conv layer (integer-simd.ts), null where it runs in JS. */
  simd: SimdLayer | null;
}
export interface CompiledPool {
  kind: 'maxPool2d' | 'avgPool2d' | 'globalAvgPool2d';
  input: IntTensor;
  output: IntTensor;
  g: Geometry;
}
export interface CompiledCopy {
  kind: 'flatten' | 'clamp';
  input: IntTensor;
  output: IntTensor;
  lo: number;
  hi: number;
}
export interface CompiledAdd {
  kind: 'add';
  requant: Requant;
  /** Inputs are scaled by 2^leftShift before rescaling (20 for int8, 15 for int16). */
  leftShift: number;
  inputs: IntTensor[];
  output: IntTensor;
  inMult: { multiplier: number; shift: number }[];
  outMult: { multiplier: number; shift: number };
  lo: number;
  hi: number;
}
/** A dense / conv layer prepared for the WebAssembly SIMD kernel (integer-simd.ts). */
export interface SimdLayer {
  /** Every SimdLayer of the same compiled model (resident together). */
  group: SimdLayer[];
  params: Int32Array;
  /** Weights as int16: one row of Kp per output channel, or (depthwise) one row of Cp per tap; zero-padded. */
  w16: Int16Array;
  bias: Int32Array;
  multiplier: Int32Array;
  shift: Int32Array;
  /** Depthwise (int8_depthwise) rather than dense / conv (int8_layer). */
  depthwise: boolean;
  xLen: number;
  yLen: number;
  /** Sizes of the two scratch buffers (int8.c's P_XS and P_COL). */
  xsBytes: number;
  colBytes: number;
  /** Set while resident: the parameter block's offset and views of the input / output buffers. */
  at: number;
  x: Int32Array | null;
  y: Int32Array | null;
}

export type Requant = (x: number, multiplier: number, shift: number) => number;

export type CompiledOp = CompiledWeighted | CompiledPool | CompiledCopy | CompiledAdd;
