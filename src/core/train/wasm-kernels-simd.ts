/**
 * Training kernels on the lab's own WebAssembly SIMD modules: depthwise-convolution gradients
 * (src/core/simd/dwconv.c), plain-convolution weight gradients (src/core/simd/conv.c), column
 * sums (src/core/simd/rows.c), the max-pool gradient (src/core/simd/pool.c), the Adam update
 * (src/core/simd/adam.c) and batch normalisation in training (src/core/simd/bn.c). The inputs are copied from the
 * tfjs wasm heap into the module's memory (reused between calls, grown to the largest layer and kept),
 * the kernel runs, and the result is copied into the tfjs output. Used by wasm-kernels.ts where
 * `simdSupported()`; `null` / false hands the case back to the other paths (dilations, very tall
 * kernels, no SIMD).
 * Measured (CPU time, Node, DS-CNN's layers, batch 64): dW 4-5 ms → 0.2 ms per layer (XNNPACK path
 * before), dx 1.0 → 0.8 (stride 1, XNNPACK before) and 4.4 → 1.4 ms (stride 2, JS loop before); the
 * copies in (x and dy, 1.6-2 MB) take 0.05-0.1 ms of that.
 */
import { backend_util } from '@tensorflow/tfjs';

import { loadSimd, simdSupported, type SimdModule } from '../simd/module';
import { WASM_BASE64 } from '../simd/dwconv.wasm';
import { WASM_BASE64 as ROWS_BASE64 } from '../simd/rows.wasm';
import { WASM_BASE64 as CONV_BASE64 } from '../simd/conv.wasm';
import { WASM_BASE64 as POOL_BASE64 } from '../simd/pool.wasm';
import { WASM_BASE64 as ADAM_BASE64 } from '../simd/adam.wasm';
import { WASM_BASE64 as BN_BASE64 } from '../simd/bn.wasm';
import { rowsOf } from './batch-norm';
import { adamScalars, type AdamAttrs } from './fused-adam';
import type { KernelArgs, TensorInfo } from './wasm-kernels-loops';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array;
}

type DepthwiseAttrs = {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: 'same' | 'valid' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

/** The C kernel lists a pixel row's taps in a fixed array of this size. */
const MAX_TAPS = 64;

type Kernel = (a: number, b: number, out: number, ...dims: number[]) => void;

/** How many gradients ran on the SIMD module (tests check which path ran). */
export const depthwiseSimdCalls = { filter: 0, input: 0 };
/** How many plain-convolution weight gradients ran on the SIMD module. */
export const convSimdCalls = { filter: 0 };
/** How many max-pool gradients ran on the SIMD module. */
export const poolSimdCalls = { grad: 0 };
/** How many Adam updates ran on the SIMD module. */
export const adamSimdCalls = { update: 0 };
/** How many batch-norm passes ran on the SIMD module. */
export const bnSimdCalls = { forward: 0, backward: 0 };

const modules = new Map<string, SimdModule | null>();

/**
 * The module, or null where it cannot load: no SIMD, or a synchronous compile refused (browsers cap
 * it at 4 KB on a page's main thread; tfjs runs in workers, but a caller elsewhere falls back
 * instead of failing).
 */
function simdModule(base64: string): SimdModule | null {
  let m = modules.get(base64);
  if (m === undefined) {
    try {
      m = simdSupported() ? loadSimd(base64) : null;
    } catch {
      m = null;
    }
    modules.set(base64, m);
  }
  return m;
}
const dwconv = () => simdModule(WASM_BASE64);

const marked = new Set<string>();
/** A performance mark the first time each SIMD kernel runs (visible in DevTools; e2e checks it). */
function markFirstUse(name: string) {
  if (marked.has(name)) return;
  marked.add(name);
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`tinyml-simd:${name}`);
}

function usable(info: backend_util.Conv2DInfo): boolean {
  return info.dilationHeight === 1 && info.dilationWidth === 1 && info.filterHeight <= MAX_TAPS &&
    info.outChannels % info.inChannels === 0;
}

/** Copies a, b in, runs `kernel` into an `outLength`-float buffer, copies that into `outInfo`. */
function run(name: string, be: WasmBackendLike, m: SimdModule, a: TensorInfo, b: TensorInfo, out: TensorInfo, outLength: number, info: backend_util.Conv2DInfo) {
  m.reset();
  const pa = m.put(be.typedArrayFromHeap(a));
  const pb = m.put(be.typedArrayFromHeap(b));
  const po = m.alloc(outLength * 4);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  // dw_backprop_input's per-column tap lists; dw_backprop_filter ignores the extra argument.
  const scratch = m.alloc((1 + 2 * filterWidth) * inWidth * 4);
  m.fn<Kernel>(name)(pa, pb, po, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth,
    strideHeight, strideWidth, info.padInfo.top, info.padInfo.left, outChannels / inChannels, scratch);
  // Views after the last allocation on either side.
  be.typedArrayFromHeap(out).set(m.f32(po, outLength));
  markFirstUse(name);
}

export function simdDepthwiseBackpropFilter({ inputs, backend, attrs }: KernelArgs): TensorInfo | null {
  const m = dwconv();
  if (!m) return null;
  const { x, dy } = inputs;
  const a = attrs as DepthwiseAttrs & { filterShape: [number, number, number, number] };
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], a.filterShape, a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode, true,
  );
  if (!usable(info)) return null;
  const be = backend as WasmBackendLike;
  const out = be.makeOutput(info.filterShape, 'float32');
  run('dw_backprop_filter', be, m, x, dy, out, info.filterShape.reduce((p, q) => p * q, 1), info);
  depthwiseSimdCalls.filter++;
  return out;
}

export function simdDepthwiseBackpropInput({ inputs, backend, attrs }: KernelArgs): TensorInfo | null {
  const m = dwconv();
  if (!m) return null;
  const { dy, filter } = inputs;
  const a = attrs as DepthwiseAttrs & { inputShape: [number, number, number, number] };
  const info = backend_util.computeConv2DInfo(
    a.inputShape, filter.shape as [number, number, number, number], a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode, true,
  );
  if (!usable(info)) return null;
  const be = backend as WasmBackendLike;
  const out = be.makeOutput(info.inShape, 'float32');
  run('dw_backprop_input', be, m, dy, filter, out, info.inShape.reduce((p, q) => p * q, 1), info);
  depthwiseSimdCalls.input++;
  return out;
}

/**
 * A plain convolution's weight gradient (src/core/simd/conv.c), NHWC, dilation 1; null hands it
 * back. Measured (Node, batch 64, best of 3 x 10 calls, against the transpose + XNNPACK path in the
 * same run): DS-CNN conv1 / pw1 / pw2 4.1x / 6.2x / 3.6x (9-20 GFLOP/s), LeNet-5 conv1 / conv2
 * 2.1x / 1.15x, the teacher's 3x3 convs 2.0-2.2x (26 GFLOP/s).
 */
export function simdConvBackpropFilter({ inputs, backend, attrs }: KernelArgs): TensorInfo | null {
  const m = simdModule(CONV_BASE64);
  if (!m) return null;
  const { x, dy } = inputs;
  const a = attrs as DepthwiseAttrs & { filterShape: [number, number, number, number]; dataFormat?: string };
  if (a.dataFormat && a.dataFormat !== 'NHWC') return null;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode,
  );
  const be = backend as WasmBackendLike;
  const n = info.filterShape.reduce((p, q) => p * q, 1);
  const out = be.makeOutput(info.filterShape, 'float32');
  m.reset();
  const px = m.put(be.typedArrayFromHeap(x));
  const pd = m.put(be.typedArrayFromHeap(dy));
  // Right after dy, and 16 bytes longer: the kernel's last-channels tail reads up to 3 floats past dy.
  const po = m.alloc(n * 4 + 16);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  m.fn<Kernel>('conv_backprop_filter')(px, pd, po, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels,
    filterHeight, filterWidth, strideHeight, strideWidth, info.padInfo.top, info.padInfo.left);
  be.typedArrayFromHeap(out).set(m.f32(po, n));
  markFirstUse('conv_backprop_filter');
  convSimdCalls.filter++;
  return out;
}

/** Column sums of x seen as [n, c] into out (both views of the tfjs heap); false without SIMD. */
export function simdSumRows(x: Float32Array, out: Float32Array, n: number, c: number): boolean {
  const m = simdModule(ROWS_BASE64);
  if (!m) return false;
  m.reset();
  const px = m.put(x);
  const po = m.alloc(c * 4);
  m.fn<(x: number, out: number, n: number, c: number) => void>('sum_rows')(px, po, n, c);
  out.set(m.f32(po, c));
  markFirstUse('sum_rows');
  return true;
}

/**
 * The max-pool gradient for non-overlapping windows (stride = window, any padding), NHWC, float32
 * (src/core/simd/pool.c); null hands overlapping windows back to the JS loop.
 */
export function simdMaxPoolGrad({ inputs, backend, attrs }: KernelArgs): TensorInfo | null {
  const { dy, input, output } = inputs;
  const a = attrs as { filterSize: number | [number, number]; strides: number | [number, number]; pad: 'same' | 'valid' | number; dimRoundingMode?: 'floor' | 'round' | 'ceil' };
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode,
  );
  if (info.strideHeight !== info.filterHeight || info.strideWidth !== info.filterWidth || input.dtype !== 'float32') return null;
  const m = simdModule(POOL_BASE64);
  if (!m) return null;
  const be = backend as WasmBackendLike;
  const out = be.makeOutput(input.shape, 'float32');
  const n = input.shape.reduce((p, q) => p * q, 1);
  m.reset();
  const px = m.put(be.typedArrayFromHeap(input));
  const py = m.put(be.typedArrayFromHeap(output));
  const pd = m.put(be.typedArrayFromHeap(dy));
  const po = m.alloc(n * 4);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  m.fn<Kernel>('max_pool_grad')(px, py, pd, po, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth,
    filterHeight, filterWidth, info.padInfo.top, info.padInfo.left);
  be.typedArrayFromHeap(out).set(m.f32(po, n));
  markFirstUse('max_pool_grad');
  poolSimdCalls.grad++;
  return out;
}

/**
 * The fused Adam update (fused-adam.ts) on src/core/simd/adam.c: x, g, m, v in, updated in place in
 * the module's memory, x, m, v out. Null without SIMD.
 */
export function simdAdam({ inputs, backend, attrs }: KernelArgs): TensorInfo[] | null {
  const m = simdModule(ADAM_BASE64);
  if (!m) return null;
  const { x, g, m: m0, v } = inputs;
  const be = backend as WasmBackendLike;
  const outs = [x, m0, v].map(() => be.makeOutput(x.shape, 'float32'));
  const n = x.shape.reduce((p, q) => p * q, 1);
  m.reset();
  const [px, pg, pm, pv] = [x, g, m0, v].map((t) => m.put(be.typedArrayFromHeap(t)));
  m.fn<(...a: number[]) => void>('adam_update')(px, pg, pm, pv, n, ...adamScalars(attrs as AdamAttrs));
  [px, pm, pv].forEach((p, i) => be.typedArrayFromHeap(outs[i]).set(m.f32(p, n)));
  markFirstUse('adam_update');
  adamSimdCalls.update++;
  return outs;
}

/**
 * Copies `ins` into the module, allocates `outs` and `scratch` floats after them, calls
 * `name(ins…, outs…, scratch, …args)` and copies each output into its tfjs tensor.
 */
function callWithOutputs(m: SimdModule, be: WasmBackendLike, name: string, ins: TensorInfo[], outs: TensorInfo[], scratch: number, args: number[]) {
  m.reset();
  const pin = ins.map((t) => m.put(be.typedArrayFromHeap(t)));
  const sizes = outs.map((t) => t.shape.reduce((p, q) => p * q, 1));
  const pout = sizes.map((n) => m.alloc(n * 4));
  const part = m.alloc(scratch * 4);
  m.fn<(...a: number[]) => void>(name)(...pin, ...pout, part, ...args);
  // Views after the last allocation.
  outs.forEach((t, i) => be.typedArrayFromHeap(t).set(m.f32(pout[i], sizes[i])));
  markFirstUse(name);
}

/** Batch normalisation's forward pass (batch-norm.ts) on src/core/simd/bn.c: [y, mean, variance]. */
export function simdBatchNorm({ inputs, backend, attrs }: KernelArgs): TensorInfo[] | null {
  const m = simdModule(BN_BASE64);
  if (!m) return null;
  const { x, gamma, beta } = inputs;
  const be = backend as WasmBackendLike;
  const [n, c] = rowsOf(x.shape);
  const outs = [be.makeOutput(x.shape, 'float32'), be.makeOutput([c], 'float32'), be.makeOutput([c], 'float32')];
  callWithOutputs(m, be, 'bn_forward', [x, gamma, beta], outs, 4 * c, [n, c, (attrs as { epsilon: number }).epsilon]);
  bnSimdCalls.forward++;
  return outs;
}

/** Batch normalisation's backward pass on src/core/simd/bn.c: [dx, dgamma, dbeta]. */
export function simdBatchNormGrad({ inputs, backend, attrs }: KernelArgs): TensorInfo[] | null {
  const m = simdModule(BN_BASE64);
  if (!m) return null;
  const { x, dy, gamma, mean, variance } = inputs;
  const be = backend as WasmBackendLike;
  const [n, c] = rowsOf(x.shape);
  const outs = [be.makeOutput(x.shape, 'float32'), be.makeOutput([c], 'float32'), be.makeOutput([c], 'float32')];
  callWithOutputs(m, be, 'bn_backward', [x, dy, gamma, mean, variance], outs, 4 * c, [n, c, (attrs as { epsilon: number }).epsilon]);
  bnSimdCalls.backward++;
  return outs;
}
