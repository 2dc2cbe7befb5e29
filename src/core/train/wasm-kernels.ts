/**
 * Gradient kernels that tfjs-backend-wasm 4.22 lacks, so CNNs can train on wasm:
 * - Conv2DBackpropFilter: rewritten as a forward Conv2D over transposed tensors (XNNPACK).
 * - Conv2DBackpropInput (replaces the native, slow direct loop for stride 1): a full convolution with
 *   the rotated kernel, again on XNNPACK.
 * - DepthwiseConv2dNativeBackpropFilter / BackpropInput: on the lab's WebAssembly SIMD module
 *   (src/core/simd/dwconv.c via wasm-kernels-simd.ts) where the runtime has SIMD; otherwise dW with
 *   one filter per channel on XNNPACK, dx with stride 1 as a depthwise convolution on the backend,
 *   the rest plain JS over the wasm heap (wasm-kernels-loops.ts).
 * - MaxPoolGrad (replacing a slow native one): non-overlapping windows (2x2/2) on the SIMD module
 *   (src/core/simd/pool.c), the rest plain JS over the wasm heap.
 * - BatchMatMul with transposed operands (dense-layer gradients): explicit transpose + native matmul.
 * - TinymlAdam (not a tfjs kernel): the fused Adam update of fused-adam.ts, one pass per variable.
 * - TinymlBatchNorm / TinymlBatchNormGrad (not tfjs kernels): batch normalisation in training and its
 *   whole gradient, one call each (batch-norm.ts).
 * Replacing native kernels pays: measured (CPU ms, Node, LeNet-5 shapes, batch 64) MaxPoolGrad 4.7 → 1.4,
 * Conv2DBackpropInput 9.6 → 2.1, BatchMatMul with transposed A 1.9 → 0.4.
 * Verified against the cpu backend in wasm-kernels.test.ts. Importing this module registers them.
 */
import * as tf from '@tensorflow/tfjs';
import { backend_util } from '@tensorflow/tfjs';

import { depthwiseBackpropFilter, depthwiseBackpropInput, maxPoolGrad, leadingAxesReduction, type KernelArgs, type TensorInfo } from './wasm-kernels-loops';
import { ADAM_KERNEL, adamLoop } from './fused-adam';
import { BN_GRAD_KERNEL, BN_KERNEL, batchNormGradLoop, batchNormLoop } from './batch-norm';
import { simdAdam, simdBatchNorm, simdBatchNormGrad, simdConvBackpropFilter, simdDepthwiseBackpropFilter, simdDepthwiseBackpropInput, simdMaxPoolGrad, simdSumRows } from './wasm-kernels-simd';

let trainingSimd = true;

/**
 * Whether the conv and depthwise weight gradients, the depthwise dx, the max-pool gradient, the leading-axes Sum / Mean, the fused Adam update and batch normalisation use the SIMD modules (where the
 * runtime has WebAssembly SIMD; on by default). Off, they take the XNNPACK / plain-JS paths below —
 * the fallback, kept for tests.
 */
export function setTrainingSimd(enabled: boolean): void {
  trainingSimd = enabled;
}

type Attrs = Record<string, unknown>;

/** Runs another registered wasm kernel on TensorInfos (kernels may compose kernels). */
function runKernel(name: string, backend: unknown, inputs: Record<string, TensorInfo>, attrs: Attrs): TensorInfo {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`the wasm backend has no ${name} kernel`);
  return k.kernelFunc({ inputs, backend: backend as tf.KernelBackend, attrs } as never) as TensorInfo;
}

function disposeInfo(backend: unknown, ...infos: TensorInfo[]) {
  for (const t of infos) (backend as { disposeData(id: object): void }).disposeData(t.dataId);
}

type Conv2DAttrs = {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  dataFormat?: string;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

/**
 * dW[i, j, ci, co] = Σ_{b, r, c} x[b, r·s + i − top, c·s + j − left, ci] · dy[b, r, c, co]
 * is itself a convolution: with the batch as the channel axis, x^T [ci, h, w, b] convolved with
 * dy^T [oh, ow, b, co] as the filter (dilated by the stride) gives [ci, kh, kw, co]. That runs on the
 * backend's XNNPACK Conv2D — an order of magnitude faster than a direct JS loop. Where there is SIMD,
 * the direct loop on the lab's own module (conv.c) is faster still: no transposes, no repacking of dy.
 */
function conv2DBackpropFilter(args: KernelArgs): TensorInfo {
  const viaSimd = trainingSimd ? simdConvBackpropFilter(args) : null;
  if (viaSimd) return viaSimd;
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const a = attrs as Conv2DAttrs & { filterShape: [number, number, number, number] };
  if (a.dataFormat && a.dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter on wasm: only NHWC, got ${a.dataFormat}`);
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode,
  );
  const { inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  // Padding after the input so the output is exactly kh x kw; negative means unused trailing rows.
  const bottom = kh + (oh - 1) * sh - h - top;
  const right = kw + (ow - 1) * sw - w - left;
  const temps: TensorInfo[] = [];
  let xT = runKernel('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  temps.push(xT);
  if (bottom < 0 || right < 0) {
    xT = runKernel('Slice', backend, { x: xT }, { begin: [0, 0, 0, 0], size: [xT.shape[0], h + Math.min(0, bottom), w + Math.min(0, right), xT.shape[3]] });
    temps.push(xT);
  }
  const dyT = runKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  temps.push(dyT);
  const pad = [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]];
  const dwT = runKernel('Conv2D', backend, { x: xT, filter: dyT }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [sh, sw] });
  temps.push(dwT);
  const dw = runKernel('Transpose', backend, { x: dwT }, { perm: [1, 2, 0, 3] });
  disposeInfo(backend, ...temps);
  return dw;
}

/** The backend's own kernels we replace, kept for the cases our versions hand back to them. */
const native = new Map<string, tf.KernelFunc>();

function callNative(name: string, args: KernelArgs): TensorInfo {
  const k = native.get(name);
  if (!k) throw new Error(`${name}: the wasm backend's own kernel is missing`);
  return k(args as never) as TensorInfo;
}

/**
 * dx for stride-1 convolutions as a "full" convolution of dy with the kernel rotated by 180° and its
 * in/out channels swapped (XNNPACK again); other strides use the backend's own kernel.
 */
function conv2DBackpropInput(args: KernelArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const a = attrs as Conv2DAttrs & { inputShape: [number, number, number, number] };
  const info = backend_util.computeConv2DInfo(
    a.inputShape, filter.shape as [number, number, number, number], a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode,
  );
  const { inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw } = info;
  const padT = kh - 1 - info.padInfo.top;
  const padL = kw - 1 - info.padInfo.left;
  const padB = h - oh - padT + kh - 1;
  const padR = w - ow - padL + kw - 1;
  const simple = info.strideHeight === 1 && info.strideWidth === 1 && info.dilationHeight === 1 && info.dilationWidth === 1 &&
    (!a.dataFormat || a.dataFormat === 'NHWC') && Math.min(padT, padL, padB, padR) >= 0;
  if (!simple) return callNative('Conv2DBackpropInput', args);
  const rot = runKernel('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const rotT = runKernel('Transpose', backend, { x: rot }, { perm: [0, 1, 3, 2] });
  const dx = runKernel('Conv2D', backend, { x: dy, filter: rotT }, {
    strides: [1, 1], pad: [[0, 0], [padT, padB], [padL, padR], [0, 0]], dataFormat: 'NHWC', dilations: [1, 1],
  });
  disposeInfo(backend, rot, rotT);
  return dx;
}

/**
 * Depthwise dx for stride 1 and one filter per channel: a depthwise convolution of dy with the
 * kernel rotated by 180° on the backend's own DepthwiseConv2dNative (0.6 ms instead of 4 ms in JS for
 * DS-CNN's 64x14x14x16); other cases use the JS loop.
 */
function depthwiseBackpropInputFast(args: KernelArgs): TensorInfo {
  const viaSimd = trainingSimd ? simdDepthwiseBackpropInput(args) : null;
  if (viaSimd) return viaSimd;
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const a = attrs as Conv2DAttrs & { inputShape: [number, number, number, number] };
  const info = backend_util.computeConv2DInfo(
    a.inputShape, filter.shape as [number, number, number, number], a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode, true,
  );
  const { inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw } = info;
  const padT = kh - 1 - info.padInfo.top;
  const padL = kw - 1 - info.padInfo.left;
  const padB = h - oh - padT + kh - 1;
  const padR = w - ow - padL + kw - 1;
  const simple = info.strideHeight === 1 && info.strideWidth === 1 && info.dilationHeight === 1 && info.dilationWidth === 1 &&
    info.outChannels === info.inChannels && Math.min(padT, padL, padB, padR) >= 0;
  if (!simple) return depthwiseBackpropInput(args);
  const rot = runKernel('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const dx = runKernel('DepthwiseConv2dNative', backend, { x: dy, filter: rot }, {
    strides: [1, 1], pad: [[0, 0], [padT, padB], [padL, padR], [0, 0]], dilations: [1, 1], dataFormat: 'NHWC',
  });
  disposeInfo(backend, rot);
  return dx;
}

/**
 * Depthwise dW (one filter per channel) on XNNPACK instead of a JS loop:
 * dW[i, j, c] = Σ_{b, r, s} x[b, r·sh + i − top, s·sw + j − left, c] · dy[b, r, s, c] is, for every
 * (channel, image) pair, a correlation of that image's channel with its dy — a depthwise convolution
 * over a [1, h, w, c·b] input whose c·b "channels" each get their own [oh, ow] filter (dy, dilated by
 * the stride), summed over b afterwards. Transposes put (c, b) next to each other. Depth multipliers
 * above 1 and dilations keep the JS loop. Measured (CPU time, Node, DS-CNN's two layers, batch 64):
 * about 0.8x the JS loop's time; with threads XNNPACK splits it over the cores, the loop cannot.
 * (A per-tap strided-slice · dy · ones-matmul version was 15x slower: StridedSlice is not SIMD.)
 */
function depthwiseBackpropFilterFast(args: KernelArgs): TensorInfo {
  const viaSimd = trainingSimd ? simdDepthwiseBackpropFilter(args) : null;
  if (viaSimd) return viaSimd;
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const a = attrs as Conv2DAttrs & { filterShape: [number, number, number, number] };
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], a.filterShape, a.strides, a.dilations ?? 1, a.pad, a.dimRoundingMode, true,
  );
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  if (info.outChannels !== c || info.dilationHeight !== 1 || info.dilationWidth !== 1) return depthwiseBackpropFilter(args);
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const bottom = kh + (oh - 1) * sh - h - top;
  const right = kw + (ow - 1) * sw - w - left;
  const temps: TensorInfo[] = [];
  const keep = (t: TensorInfo) => {
    temps.push(t);
    return t;
  };
  let xT = keep(runKernel('Transpose', backend, { x }, { perm: [1, 2, 3, 0] }));
  xT = keep(runKernel('Reshape', backend, { x: xT }, { shape: [1, h, w, c * b] }));
  if (bottom < 0 || right < 0) {
    xT = keep(runKernel('Slice', backend, { x: xT }, { begin: [0, 0, 0, 0], size: [1, h + Math.min(0, bottom), w + Math.min(0, right), c * b] }));
  }
  let dyT = keep(runKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 3, 0] }));
  dyT = keep(runKernel('Reshape', backend, { x: dyT }, { shape: [oh, ow, c * b, 1] }));
  const pad = [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]];
  const perPair = keep(runKernel('DepthwiseConv2dNative', backend, { x: xT, filter: dyT }, { strides: [1, 1], pad, dilations: [sh, sw], dataFormat: 'NHWC' }));
  const split = keep(runKernel('Reshape', backend, { x: perPair }, { shape: [kh, kw, c, b] }));
  const summed = keep(runKernel('Sum', backend, { x: split }, { axis: [3], keepDims: true }));
  const dw = runKernel('Reshape', backend, { x: summed }, { shape: [kh, kw, c, 1] });
  disposeInfo(backend, ...temps);
  return dw;
}

/**
 * The backend's BatchMatMul is several times slower with transposed operands (which every dense
 * layer's gradient uses); transposing explicitly first and multiplying plainly is much faster.
 */
function batchMatMul(args: KernelArgs): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
  if (!transposeA && !transposeB) return callNative('BatchMatMul', args);
  const t = (x: TensorInfo) => {
    const perm = x.shape.map((_, i) => i);
    const r = perm.length;
    [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
    return runKernel('Transpose', backend, { x }, { perm });
  };
  const a = transposeA ? t(inputs.a) : inputs.a;
  const b = transposeB ? t(inputs.b) : inputs.b;
  const out = callNative('BatchMatMul', { inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
  if (transposeA) disposeInfo(backend, a);
  if (transposeB) disposeInfo(backend, b);
  return out;
}

/**
 * Sum and Mean over all axes but the channels (batch norm's moments and their gradients, bias
 * gradients): the backend's own kernel transposes the channel axis to the front first, a full copy.
 * Here the tensor, seen as [n, c], is multiplied by a row of ones (1/n for Mean) on XNNPACK's matmul.
 * Profiled (tfjs profile, Node, teacher CNN, batch 64, one training step): Mean 44 ms + Sum 34 ms of
 * 335 ms of kernel time before.
 */
function reduceByMatMul(args: KernelArgs, mean: boolean): TensorInfo | null {
  const { x } = args.inputs;
  if (!leadingAxesReduction(args)) return null;
  const r = x.shape.length;
  const C = x.shape[r - 1];
  const n = x.shape.slice(0, r - 1).reduce((a, b) => a * b, 1);
  const be = args.backend as { makeOutput(shape: number[], dtype: string): TensorInfo; typedArrayFromHeap(t: TensorInfo): Float32Array };
  const keepDims = (args.attrs as { keepDims?: boolean }).keepDims === true;
  const outShape = keepDims ? [...x.shape.slice(0, r - 1).map(() => 1), C] : [C];
  // Where there is SIMD: column sums on the lab's own module. The matmul below repacks its [n, C]
  // operand on every call (a new tensor each step, so XNNPACK's operator cache never hits): measured
  // in a DS-CNN training step (Node, batch 64) 0.6-1.3 ms per bias gradient, against ~0.1 ms here.
  if (trainingSimd && n > 0) {
    const out = be.makeOutput(outShape, 'float32');
    if (simdSumRows(be.typedArrayFromHeap(x), be.typedArrayFromHeap(out), n, C)) {
      if (mean) {
        const o = be.typedArrayFromHeap(out);
        for (let j = 0; j < C; j++) o[j] /= n;
      }
      return out;
    }
    disposeInfo(args.backend, out);
  }
  const ones = be.makeOutput([1, 1, n], 'float32');
  be.typedArrayFromHeap(ones).fill(mean ? 1 / n : 1);
  const x3 = runKernel('Reshape', args.backend, { x }, { shape: [1, n, C] });
  const y = callNative('BatchMatMul', { inputs: { a: ones, b: x3 }, backend: args.backend, attrs: { transposeA: false, transposeB: false } });
  const out = runKernel('Reshape', args.backend, { x: y }, { shape: outShape });
  disposeInfo(args.backend, ones, x3, y);
  return out;
}
/**
 * Identity (the engine's clone, which saves every gradient's inputs) and Cast to the same dtype
 * (relu's gradient casts its float32 input) copy the whole buffer on the wasm backend; here they
 * share it, counted by the backend's refCount — as the cpu backend does, and as the wasm backend's
 * own Reshape does. Measured in a DS-CNN training step (Node, batch 64): 13 copies, about 1 ms.
 */
function identity(args: KernelArgs): TensorInfo {
  const { x } = args.inputs;
  if (x.dtype === 'string') return callNative('Identity', args);
  (args.backend as { incRef(id: object): void }).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}
function cast(args: KernelArgs): TensorInfo {
  const { x } = args.inputs;
  if (x.dtype === 'string' || (args.attrs as { dtype: string }).dtype !== x.dtype) return callNative('Cast', args);
  return identity(args);
}

const maxPoolGradFast = (args: KernelArgs) => (trainingSimd ? simdMaxPoolGrad(args) : null) ?? maxPoolGrad(args);
const adam = (args: KernelArgs) => (trainingSimd ? simdAdam(args) : null) ?? adamLoop(args);
const batchNorm = (args: KernelArgs) => (trainingSimd ? simdBatchNorm(args) : null) ?? batchNormLoop(args);
const batchNormGrad = (args: KernelArgs) => (trainingSimd ? simdBatchNormGrad(args) : null) ?? batchNormGradLoop(args);
const sum = (args: KernelArgs) => reduceByMatMul(args, false) ?? callNative('Sum', args);
const mean = (args: KernelArgs) => reduceByMatMul(args, true) ?? callNative('Mean', args);

const KERNELS: [string, (args: KernelArgs) => TensorInfo | TensorInfo[]][] = [
  ['Conv2DBackpropFilter', conv2DBackpropFilter],
  ['Conv2DBackpropInput', conv2DBackpropInput],
  ['DepthwiseConv2dNativeBackpropFilter', depthwiseBackpropFilterFast],
  ['DepthwiseConv2dNativeBackpropInput', depthwiseBackpropInputFast],
  ['MaxPoolGrad', maxPoolGradFast],
  ['BatchMatMul', batchMatMul],
  ['Sum', sum],
  ['Mean', mean],
  ['Identity', identity],
  ['Cast', cast],
  [ADAM_KERNEL, adam],
  [BN_KERNEL, batchNorm],
  [BN_GRAD_KERNEL, batchNormGrad],
];

let registered = false;

/** Registers (or replaces) the gradient kernels on the wasm backend; idempotent. */
export function registerWasmGradientKernels(): void {
  if (registered) return;
  registered = true;
  for (const [kernelName, fn] of KERNELS) {
    const existing = tf.getKernel(kernelName, 'wasm');
    let setupFunc: tf.KernelConfig['setupFunc'];
    if (existing) {
      // Keep the native kernel for the cases we hand back; its setupFunc binds the wasm function
      // when the backend starts, so it moves over to our registration.
      native.set(kernelName, existing.kernelFunc);
      setupFunc = existing.setupFunc;
      tf.unregisterKernel(kernelName, 'wasm');
    }
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: fn as unknown as tf.KernelFunc, setupFunc });
  }
}

registerWasmGradientKernels();
