/**
 * What int4 weights and 16x8 (int16 activations) mean on the chosen target: which of its engines
 * run them, and whether they save time or only memory. Each line names its source or says "assumed".
 */
import type { Deployment, Target } from '../../core/devices';

const CMSIS_NN = 'CMSIS-NN (ARM-software/CMSIS-NN, arm_nnfunctions.h)';

/** Why we say the target's NPU takes 8-bit weights (and not int4). */
function int8WeightsSource(t: Target): string {
  if (t.npu?.npu === 'ethos-u') return 'Arm Vela README: operators quantised to 8-bit or 16-bit are accelerated';
  if (t.id === 'imx95') return 'RidgeRun i.MX 95 eIQ Neutron NPU overview: 8-bit weights';
  return 'assumed: no NXP source here lists int4 weights for it';
}

export function precisionNotes(target: Target, dep: Deployment): string[] {
  const mcu = target.cpu.core.startsWith('cortex-m');
  const xip = target.cpu.weightBytesPerMs !== undefined;
  const npu = target.npu?.name.split(' @')[0];
  const notes: string[] = [];
  if (dep.dtype === 'int4') {
    notes.push(
      mcu
        ? `CPU: TFLM's CMSIS-NN s4 kernels (arm_convolve_s4, arm_fully_connected_s4; ${CMSIS_NN}) read packed int4 and multiply as int8, so flash halves but MACs cost as int8` +
            (xip ? '; here weights stream from external flash (XIP), so layers bound by that read get faster.' : '; weights sit in internal flash, so no time is saved.')
        : `CPU: ${target.cpu.runtime} on Cortex-A — assumed to widen int4 weights to int8 when the model loads: download and storage shrink, latency and RAM do not.`,
    );
    if (npu && target.npu) notes.push(`NPU: the ${npu} takes 8-bit weights (${int8WeightsSource(target)}), so an int4 model runs on the CPU unless it is widened to int8.`);
  }
  if (dep.activationBits === 16) {
    notes.push(
      mcu
        ? `CPU: 16x8 runs on CMSIS-NN's s16 kernels (arm_convolve_s16, arm_fully_connected_s16 with int64 bias; ${CMSIS_NN}); speed per MAC assumed equal to int8 (both widen to 16-bit SMLAD).`
        : `CPU: TFLite's 16x8 reference kernels (reference_integer_ops, int16 input × int8 filter, int64 accumulator) run it; speed per MAC assumed equal to int8.`,
    );
    if (npu && target.npu) {
      const s = target.npu.int16Activations;
      notes.push(s?.supported ? `NPU: the ${npu} takes 16-bit activations (${s.source}).` : `NPU: the ${npu} — no source found for 16-bit activations; assumed int8 only, so 16x8 runs on the CPU.`);
    }
    notes.push('Activation tensors take 2 bytes (RAM doubles for activations), biases 8 bytes (int64); kernels stay int8.');
  }
  return notes;
}
