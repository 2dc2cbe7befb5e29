/**
 * The integer kernels of the integer-only engine (integer-model.ts): dense / conv / depthwise with
 * int32 accumulation and fixed-point requantization, max / average pooling, rescaling add, copy/clamp.
 * Typed arrays only, no allocation: they read and write the buffers compileInteger() prepared.
 */
import type { CompiledOp } from './integer-ops';

/** TFLite: left shift applied to add inputs before rescaling, for precision. */
export const ADD_LEFT_SHIFT = 20;
/** TFLite's int16 add: left shift 15, so 32,767 · 2^15 still fits an int32. */
export const ADD_LEFT_SHIFT_16 = 15;

type Op<K extends CompiledOp['kind']> = Extract<CompiledOp, { kind: K }>;

function runWeighted(op: Op<'dense' | 'conv2d' | 'depthwiseConv2d'>): void {
  const { g, w, bias, multiplier, shift, acc, xc, requant } = op;
  const x = op.input.data;
  const y = op.output.data;
  const zIn = op.input.zeroPoint;
  const zOut = op.output.zeroPoint;
  const actMin = op.actMin;
  const actMax = op.actMax;
  const depthwise = op.kind === 'depthwiseConv2d';
  const m = op.mult;
  // Geometry in locals: the loops below run hundreds of thousands of times per image.
  const { outH, outW, kh, kw, sh, sw, padT, padL, inH, inW, cin } = g;
  const C = g.cout;
  for (let i = 0; i < x.length; i++) xc[i] = x[i] - zIn;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      acc.set(bias);
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * sh - padT + ky;
        if (iy < 0 || iy >= inH) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = ox * sw - padL + kx;
          if (ix < 0 || ix >= inW) continue;
          const xBase = (iy * inW + ix) * cin;
          if (depthwise) {
            const wBase = (ky * kw + kx) * C;
            for (let c = 0; c < C; c++) acc[c] += xc[xBase + ((c / m) | 0)] * w[wBase + c];
          } else {
            const wBase = (ky * kw + kx) * cin * C;
            for (let ci = 0; ci < cin; ci++) {
              const xv = xc[xBase + ci];
              if (xv === 0) continue; // zero (e.g. after ReLU) adds nothing
              const wb = wBase + ci * C;
              for (let c = 0; c < C; c++) acc[c] += xv * w[wb + c];
            }
          }
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
    case 'depthwiseConv2d':
      return runWeighted(op);
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

