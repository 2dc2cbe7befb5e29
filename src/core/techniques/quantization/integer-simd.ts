/**
 * The WebAssembly SIMD path of the integer engine's 8x8 dense / conv / depthwise layers
 * (src/core/simd/int8.c, bit-exact with integer-kernels.ts's runDenseOrConv and runDepthwise; its
 * header states the semantics).
 *
 * compileInteger() prepares one SimdLayer per eligible op (prepareSimd: 8x8, double or single
 * rounding, shifts in −31..30; anything else, and every op where !simdSupported(), stays in JS).
 * The layers of one compiled model form a group that is resident in the module's memory together:
 * weights, biases, multipliers and the layers' buffers are copied in once, when a layer of that model
 * runs and another model's group (or none) was resident. So memory never exceeds the largest model,
 * and per sample only the input and output tensors are copied (a few thousand int32s on LeNet-5).
 * Alternating samples between two compiled models re-copies on every switch: correct, just slower.
 */
import { WASM_BASE64 } from '../../simd/int8.wasm';
import { loadSimd, simdSupported, type SimdModule } from '../../simd/module';
import { multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierSingle } from './fixed-point';
import type { CompiledWeighted, SimdLayer } from './integer-ops';

export type { SimdLayer };

/** int8.c's parameter block: geometry, then the buffers' byte offsets. */
const P = { KP: 16, ROUNDING: 17, X: 18, Y: 19, XS: 20, COL: 21, W: 22, BIAS: 23, MULT: 24, SHIFT: 25, COUNT: 26 };

let mod: SimdModule | null = null;
let run: ((p: number) => void) | null = null;
let runDepthwise: ((p: number) => void) | null = null;
let resident: SimdLayer[] | null = null;

function module(): SimdModule {
  if (!mod) {
    mod = loadSimd(WASM_BASE64);
    run = mod.fn('int8_layer');
    runDepthwise = mod.fn('int8_depthwise');
  }
  return mod;
}

/** The SIMD form of `op`, or null when the op stays in JS. `group` collects one model's layers. */
export function prepareSimd(op: CompiledWeighted, group: SimdLayer[]): SimdLayer | null {
  if (!simdSupported() || !(op.bias instanceof Int32Array)) return null;
  const rounding = op.requant === multiplyByQuantizedMultiplier ? 0 : op.requant === multiplyByQuantizedMultiplierSingle ? 1 : -1;
  if (rounding < 0) return null;
  for (const s of op.shift) if (s < -31 || s > 30) return null;
  const { input, g } = op;
  if (input.qmax - input.zeroPoint > 255 || input.zeroPoint - input.qmin > 255) return null;
  for (const v of op.w) if (v > 255 || v < -255) return null;
  const C = g.cout;
  const depthwise = op.kind === 'depthwiseConv2d';
  const taps = g.kh * g.kw;
  const K = depthwise ? taps : taps * g.cin;
  // Dense / conv: Kp = K rounded up to 8; depthwise: Cp = C rounded up to 8.
  const Kp = Math.ceil((depthwise ? C : K) / 8) * 8;
  const w16 = new Int16Array(depthwise ? taps * Kp : C * Kp);
  // op.w is in kernel layout (k major, c minor): transpose to one row per channel, or pad the rows.
  for (let k = 0; k < K; k++) for (let c = 0; c < C; c++) w16[depthwise ? k * Kp + c : c * Kp + k] = op.w[k * C + c];
  const xLen = g.inH * g.inW * g.cin;
  const params = new Int32Array(P.COUNT);
  params.set([g.inH, g.inW, g.cin, g.outH, g.outW, C, g.kh, g.kw, g.sh, g.sw, g.padT, g.padL,
    input.zeroPoint, op.output.zeroPoint, op.actMin, op.actMax, Kp, rounding]);
  const layer: SimdLayer = {
    group, params, w16, bias: op.bias, multiplier: op.multiplier, shift: op.shift,
    depthwise, xLen, yLen: g.outH * g.outW * C, at: 0, x: null, y: null,
    xsBytes: 2 * (depthwise ? g.inH * g.inW * Kp : xLen), colBytes: depthwise ? 4 * Kp : 2 * Kp,
  };
  group.push(layer);
  return layer;
}

function makeResident(group: SimdLayer[]): void {
  const m = module();
  m.reset();
  for (const L of group) {
    const p = L.params;
    p[P.X] = m.alloc(L.xLen * 4);
    p[P.Y] = m.alloc(L.yLen * 4);
    p[P.XS] = m.alloc(L.xsBytes);
    p[P.COL] = m.alloc(L.colBytes);
    p[P.W] = m.put(L.w16);
    p[P.BIAS] = m.put(L.bias);
    p[P.MULT] = m.put(L.multiplier);
    p[P.SHIFT] = m.put(L.shift);
    L.at = m.put(p);
  }
  // Views only after the last allocation (growing the memory detaches earlier ones).
  for (const L of group) {
    L.x = m.i32(L.params[P.X], L.xLen);
    L.y = m.i32(L.params[P.Y], L.yLen);
  }
  resident = group;
}

/** Runs `op` (which has a SimdLayer) through int8.c: same output as runDenseOrConv / runDepthwise. */
export function runSimd(op: CompiledWeighted, L: SimdLayer): void {
  if (resident !== L.group) makeResident(L.group);
  L.x!.set(op.input.data);
  (L.depthwise ? runDepthwise : run)!(L.at);
  op.output.data.set(L.y!);
}

/** The SIMD module's memory size in bytes (tests: it must not grow without bound). */
export function simdMemoryBytes(): number {
  return module().u8(0, 0).buffer.byteLength;
}
