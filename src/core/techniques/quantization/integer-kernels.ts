/**
 * The integer kernels of the integer-only engine (integer-model.ts): dense / conv / depthwise with
 * int32 accumulation and fixed-point requantization, max / average pooling, rescaling add, copy/clamp.
 * Typed arrays only, no allocation: they read and write the buffers compileInteger() prepared.
 * 8x8 dense / conv / depthwise ops with a SimdLayer run through the WebAssembly SIMD module instead
 * (integer-simd.ts, bit-exact); the JS kernels here are the fallback (no SIMD, 16x8, odd shifts).
 */
import type { CompiledOp } from './integer-ops';
import { runSimd } from './integer-simd';

/** TFLite: left shift applied to add inputs before rescaling, for precision. */
export const ADD_LEFT_SHIFT = 20;
/** TFLite's int16 add: left shift 15, so 32,767 · 2^15 still fits an int32. */
export const ADD_LEFT_SHIFT_16 = 15;

/** Two int sums share a double as lo + PACK·hi while |lo|, |hi| < PACK_LIMIT (integer-model.ts). */
export const PACK = 2 ** 26;
export const PACK_LIMIT = 2 ** 25;

type Op<K extends CompiledOp['kind']> = Extract<CompiledOp, { kind: K }>;

/**
 * Dense and conv: per output position, one im2col patch of the input minus its zero point (zeros
 * where the window hangs over the edge: TFLite pads with the input zero point), then one dot product
 * per output channel over a contiguous weight row, four channels at a time. Every partial sum is an
 * integer below 2^53, so the double arithmetic is exact and the order of the additions does not
 * change the result. Measured (Node, LeNet-5 int8, 2,000 digits) against the previous loop order
 * (taps, input channels, then the output channels innermost): see the bench's "integer eval".
 */
export function runDenseOrConv(op: Op<'dense' | 'conv2d' | 'depthwiseConv2d'>): void {
  const { g, wk, packed, biasF, multiplier, shift, requant } = op;
  const col = op.scratch;
  const x = op.input.data;
  const y = op.output.data;
  const zIn = op.input.zeroPoint;
  const zOut = op.output.zeroPoint;
  const actMin = op.actMin;
  const actMax = op.actMax;
  const { outH, outW, kh, kw, sh, sw, padT, padL, inH, inW, cin } = g;
  const C = g.cout;
  const K = kh * kw * cin;
  const rowLen = kw * cin;
  const requantClamp = (acc: number, c: number) => {
    const v = zOut + requant(acc, multiplier[c], shift[c]);
    return v < actMin ? actMin : v > actMax ? actMax : v;
  };
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let k = 0;
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * sh - padT + ky;
        if (iy < 0 || iy >= inH) {
          col.fill(0, k, k + rowLen);
          k += rowLen;
          continue;
        }
        for (let kx = 0; kx < kw; kx++) {
          const ix = ox * sw - padL + kx;
          if (ix < 0 || ix >= inW) {
            for (let ci = 0; ci < cin; ci++) col[k++] = 0;
          } else {
            const xBase = (iy * inW + ix) * cin;
            for (let ci = 0; ci < cin; ci++) col[k++] = x[xBase + ci] - zIn;
          }
        }
      }
      const yBase = (oy * outW + ox) * C;
      if (packed) {
        // Two packed rows (four channels) per pass over the patch.
        let r = 0;
        for (; 2 * r + 3 < C; r += 2) {
          const w0 = r * K;
          const w1 = w0 + K;
          let s0 = 0;
          let s1 = 0;
          for (let j = 0; j < K; j++) {
            const v = col[j];
            s0 += v * packed[w0 + j];
            s1 += v * packed[w1 + j];
          }
          const h0 = Math.round(s0 / PACK);
          const h1 = Math.round(s1 / PACK);
          const c = 2 * r;
          y[yBase + c] = requantClamp(biasF[c] + (s0 - h0 * PACK), c);
          y[yBase + c + 1] = requantClamp(biasF[c + 1] + h0, c + 1);
          y[yBase + c + 2] = requantClamp(biasF[c + 2] + (s1 - h1 * PACK), c + 2);
          y[yBase + c + 3] = requantClamp(biasF[c + 3] + h1, c + 3);
        }
        for (; 2 * r < C; r++) {
          const wb = r * K;
          let s = 0;
          for (let j = 0; j < K; j++) s += col[j] * packed[wb + j];
          const h = Math.round(s / PACK);
          const c = 2 * r;
          y[yBase + c] = requantClamp(biasF[c] + (s - h * PACK), c);
          if (c + 1 < C) y[yBase + c + 1] = requantClamp(biasF[c + 1] + h, c + 1);
        }
        continue;
      }
      // Four output channels at a time: each patch value is loaded once for four weight rows.
      let c = 0;
      for (; c + 3 < C; c += 4) {
        const w0 = c * K;
        const w1 = w0 + K;
        const w2 = w1 + K;
        const w3 = w2 + K;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < K; j++) {
          const v = col[j];
          s0 += v * wk[w0 + j];
          s1 += v * wk[w1 + j];
          s2 += v * wk[w2 + j];
          s3 += v * wk[w3 + j];
        }
        y[yBase + c] = requantClamp(biasF[c] + s0, c);
        y[yBase + c + 1] = requantClamp(biasF[c + 1] + s1, c + 1);
        y[yBase + c + 2] = requantClamp(biasF[c + 2] + s2, c + 2);
        y[yBase + c + 3] = requantClamp(biasF[c + 3] + s3, c + 3);
      }
      for (; c < C; c++) {
        const wb = c * K;
        let s = 0;
        for (let j = 0; j < K; j++) s += col[j] * wk[wb + j];
        y[yBase + c] = requantClamp(biasF[c] + s, c);
      }
    }
  }
}

/** Depthwise: taps outer, channels innermost (contiguous in NHWC), sums as doubles (exact). */
function runDepthwise(op: Op<'dense' | 'conv2d' | 'depthwiseConv2d'>): void {
  const { g, wk, biasF, multiplier, shift, requant, inChannel } = op;
  const acc = op.scratch;
  const x = op.input.data;
  const y = op.output.data;
  const zIn = op.input.zeroPoint;
  const zOut = op.output.zeroPoint;
  const actMin = op.actMin;
  const actMax = op.actMax;
  const { outH, outW, kh, kw, sh, sw, padT, padL, inH, inW, cin } = g;
  const C = g.cout;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      acc.set(biasF);
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * sh - padT + ky;
        if (iy < 0 || iy >= inH) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = ox * sw - padL + kx;
          if (ix < 0 || ix >= inW) continue;
          const xBase = (iy * inW + ix) * cin;
          const wBase = (ky * kw + kx) * C;
          for (let c = 0; c < C; c++) acc[c] += (x[xBase + inChannel[c]] - zIn) * wk[wBase + c];
        }
      }
      const yBase = (oy * outW + ox) * C;
      for (let c = 0; c < C; c++) {
        let v = zOut + requant(acc[c], multiplier[c], shift[c]);
        if (v < actMin) v = actMin;
        else if (v > actMax) v = actMax;
        y[yBase + c] = v;
      }
    }
  }
}

function runPool(op: Op<'maxPool2d' | 'avgPool2d' | 'globalAvgPool2d'>): void {
  const { g } = op;
  const x = op.input.data;
  const y = op.output.data;
  const C = g.cin;
  const isMax = op.kind === 'maxPool2d';
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      for (let c = 0; c < C; c++) {
        let best = -Infinity;
        let sum = 0;
        let count = 0;
        for (let ky = 0; ky < g.kh; ky++) {
          const iy = oy * g.sh - g.padT + ky;
          if (iy < 0 || iy >= g.inH) continue;
          for (let kx = 0; kx < g.kw; kx++) {
            const ix = ox * g.sw - g.padL + kx;
            if (ix < 0 || ix >= g.inW) continue;
            const v = x[(iy * g.inW + ix) * C + c];
            if (v > best) best = v;
            sum += v;
            count++;
          }
        }
        // TFLite average pool: integer division rounded half away from zero.
        const half = (count / 2) | 0;
        y[(oy * g.outW + ox) * C + c] = isMax ? best : Math.trunc((sum > 0 ? sum + half : sum - half) / count);
      }
    }
  }
}

function runAdd(op: Op<'add'>): void {
  const y = op.output.data;
  const zOut = op.output.zeroPoint;
  for (let i = 0; i < y.length; i++) {
    let s = 0;
    for (let k = 0; k < op.inputs.length; k++) {
      const t = op.inputs[k];
      const m = op.inMult[k];
      s += op.requant((t.data[i] - t.zeroPoint) * 2 ** op.leftShift, m.multiplier, m.shift);
    }
    let v = zOut + op.requant(s, op.outMult.multiplier, op.outMult.shift);
    if (v < op.lo) v = op.lo;
    else if (v > op.hi) v = op.hi;
    y[i] = v;
  }
}

export function runOp(op: CompiledOp): void {
  switch (op.kind) {
    case 'dense':
    case 'conv2d':
      return op.simd ? runSimd(op, op.simd) : runDenseOrConv(op);
    case 'depthwiseConv2d':
      return op.simd ? runSimd(op, op.simd) : runDepthwise(op);
    case 'maxPool2d':
    case 'avgPool2d':
    case 'globalAvgPool2d':
      return runPool(op);
    case 'flatten':
    case 'clamp': {
      const x = op.input.data;
      const y = op.output.data;
      for (let i = 0; i < y.length; i++) y[i] = x[i] < op.lo ? op.lo : x[i] > op.hi ? op.hi : x[i];
      return;
    }
    case 'add':
      return runAdd(op);
  }
}

