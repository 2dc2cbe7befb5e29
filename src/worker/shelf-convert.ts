/** Conversions into the shelf's stored forms: pruning masks from a model's weights, quantization parameters from a conversion. */
import type { WeightSet } from '../core/model/spec';
import type { QuantParams, VersionMask } from '../core/shelf/types';
import type { QuantizedModel } from '../core/techniques/quantization/quantize-model';

/** Kernel masks rebuilt from exact zeros (pruned weights are held at exactly 0). */
export function masksFromZeros(weights: WeightSet): VersionMask[] {
  return weights.filter((w) => w.role === 'kernel').map((w) => ({ layer: w.layer, role: w.role, mask: Uint8Array.from(w.data, (x) => (x === 0 ? 0 : 1)) }));
}

export function quantParamsOf(qm: QuantizedModel, method: 'PTQ' | 'QAT'): QuantParams {
  const f32 = (a: number[]) => Float32Array.from(a);
  return {
    weightBits: qm.settings.weightBits,
    activationBits: qm.settings.activationBits,
    perChannel: qm.settings.granularity === 'per-channel',
    method,
    weights: [...qm.layers.values()].map((l) => ({ tensor: `${l.layer}/kernel`, scale: f32(l.weightParams.scale), zeroPoint: Int32Array.from(l.weightParams.zeroPoint) })),
    activations: [...qm.tensors].map(([name, p]) => ({ tensor: name, scale: f32(p.scale), zeroPoint: Int32Array.from(p.zeroPoint) })),
  };
}

