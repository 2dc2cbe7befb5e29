/**
 * The NPUs, described by their architecture (see NpuEngine in target-types.ts and latency.ts).
 * Which figure came from where: "datasheet" figures are the parts' public specifications; "fitted"
 * and "calibrated" figures were set by fit.ts on the points named (fit.test.ts refits them and fails
 * when the catalog drifts); "assumed" figures carry their reasoning. Points used here are marked
 * "calibration" in validation-data.ts and never count as held-out.
 */
import type { Figure, NpuEngine, OpClass } from './target-types';

const f = (value: number, source: string): Figure => ({ value, source });
const A = 'assumed';
const FIT_N1 = 'fitted by fit.ts to the MCX N947 eIQ model zoo MLPerf Tiny NPU timings (KWS, VWW, IC, AD)';
const ALL_OPS: OpClass[] = ['conv', 'depthwise', 'dense', 'pool', 'globalPool', 'add', 'activation'];
const NATIVE_PER_CHANNEL = { supported: true, slowdown: f(1, 'per-channel int8 weights are the native format (TFLite quantization spec)') };

/** eIQ Neutron N1-16 on the MCX N947: 16 MAC/cycle, weights read from on-chip flash, tensors in SRAM. */
export const neutronN1: NpuEngine = {
  kind: 'npu',
  id: 'npu',
  name: 'eIQ Neutron N1-16 @150 MHz',
  npu: 'neutron',
  clockMHz: f(150, 'NXP MCX N94x datasheet'),
  peakMacsPerCycle: f(16, 'NXP MCX N94x datasheet (16 MAC/cycle, 2.4 GMAC/s)'),
  inputLanes: f(4, `${A}: 4 input x 4 output channels; with Cin = 1 a first conv fills a quarter of the array (consistent with the VWW/IC first layers in the fit)`),
  convUtilization: f(0.888, FIT_N1),
  depthwiseUtilization: f(0.422, `${FIT_N1}; depthwise runs on the 4 output lanes only`),
  weightBytesPerCycle: f(3.2, `${FIT_N1} (the AD autoencoder is weight-bound): weights streamed from on-chip flash`),
  fixedOverheadCycles: f(22_500, `${A}: 0.15 ms job setup at 150 MHz (nxp-reference.md: ~0.2 ms)`),
  opOverheadCycles: f(1_500, `${A}: 10 µs per layer at 150 MHz (microcode / DMA setup)`),
  handoverCycles: f(7_500, `${A} (sync + cache maintenance when a layer falls back to the CPU)`),
  perChannel: NATIVE_PER_CHANNEL,
  dtypes: ['int8'],
  ops: ALL_OPS,
  activations: ['linear', 'relu', 'relu6'],
  runtime: 'TFLM + Neutron custom operator (eIQ Neutron converter)',
};

/** eIQ Neutron N3-64 on the i.MX RT700: same family, 4x the array, model copied to SRAM. */
export const neutronN3: NpuEngine = {
  ...neutronN1,
  name: 'eIQ Neutron N3-64 @324 MHz',
  clockMHz: f(324, 'MCUXpresso SDK tflm_* readme logs (MIMXRT700-EVK): "Core/NPU Frequency: 324 MHz"'),
  peakMacsPerCycle: f(64, 'NXP i.MX RT700 datasheet (N3-64: 64 int8 MAC/cycle)'),
  inputLanes: f(8, `${A}: 8 x 8 array (the N1-16's square layout scaled up)`),
  convUtilization: f(0.888, 'carried over from the N1-16 fit (same Neutron microarchitecture)'),
  depthwiseUtilization: f(0.347, 'calibrated by fit.ts on MobileNetV1 0.25/128 (2.759 ms, MCUXpresso SDK tflm_label_image, RT700-EVK): depthwise on the 8 output lanes'),
  weightBytesPerCycle: f(8, `${A}: 64-bit path from SRAM, where the SDK copies the model`),
  // Models larger than the SRAM model region keep their weights in xSPI flash (tflm_label_image_ext_mem).
  externalWeightBytesPerCycle: f(0.62, `${A}: 200 MB/s effective octal xSPI read (400 MB/s peak at 200 MHz DDR) at 324 MHz`),
  fixedOverheadCycles: f(22_500, 'carried over from the N1-16 (cycles, so it shrinks in ms at 324 MHz)'),
  opOverheadCycles: f(1_500, 'carried over from the N1-16 (cycles)'),
};


/** VeriSilicon VIP8000 NPU on the i.MX 8M Plus: 2.3 TOPS, tensors and weights in LPDDR4. */
export const VSI_NPU: NpuEngine = {
  kind: 'npu',
  id: 'npu',
  name: 'VeriSilicon NPU (2.3 TOPS) @1000 MHz',
  npu: 'vsi-npu',
  clockMHz: f(1000, 'NXP i.MX 8M Plus datasheet (NPU clock up to 1 GHz)'),
  peakMacsPerCycle: f(1152, 'NXP i.MX 8M Plus datasheet (2.3 TOPS = 1.15 TMAC/s at 1 GHz)'),
  inputLanes: f(32, `${A}: convolution cores reduce 32 input channels per cycle`),
  convUtilization: f(0.5, `${A}: half the array's peak on a well-shaped conv`),
  depthwiseUtilization: f(0.5, `${A}: depthwise gets the same share of its output lanes as a conv of its array`),
  weightBytesPerCycle: f(6, `${A}: ~6 GB/s effective of the EVK's LPDDR4-4000 (16 GB/s peak)`),
  activationBytesPerCycle: f(2.24, 'calibrated by fit.ts on MobileNetV2 (6.96 ms, NXP eIQ model zoo, i.MX 8M Plus NPU): tensors live in DDR'),
  fixedOverheadCycles: f(46_000, 'calibrated by fit.ts on the MLPerf AD autoencoder (0.140 ms, NXP eIQ model zoo, i.MX 8M Plus NPU)'),
  opOverheadCycles: f(5_000, `${A} (command buffer per layer)`),
  handoverCycles: f(100_000, `${A} (CPU/NPU sync through the driver)`),
  perChannel: { supported: true, slowdown: f(1, `${A}: runs per-channel models; NXP advises per-tensor for speed, not modelled separately`) },
  dtypes: ['int8'],
  ops: [...ALL_OPS, 'softmax'],
  activations: ['linear', 'relu', 'relu6', 'sigmoid', 'tanh'],
  runtime: 'TFLite + VX delegate',
};

/** Arm Ethos-U65-256 on the i.MX 93: 256 MAC/cycle, command stream from Vela, tensors in OCRAM/DDR. */
export const ETHOS_U65: NpuEngine = {
  kind: 'npu',
  id: 'npu',
  name: 'Arm Ethos-U65-256 @1000 MHz',
  npu: 'ethos-u',
  clockMHz: f(1000, 'NXP i.MX 93 datasheet (0.5 TOPS / 256 MAC/cycle = 1 GHz)'),
  peakMacsPerCycle: f(256, 'NXP i.MX 93 datasheet (Ethos-U65-256)'),
  inputLanes: f(8, `${A}: Arm Ethos-U65 TRM MAC unit reduces 8 input channels per output per cycle`),
  convUtilization: f(0.737, 'calibrated by fit.ts on MobileNetV2 (3.46 ms, NXP eIQ model zoo, i.MX 93 NPU)'),
  depthwiseUtilization: f(0.5, `${A}: same share of its 32 output lanes as a conv`),
  weightBytesPerCycle: f(8, `${A}: 128-bit AXI, weights read once per inference from DDR`),
  activationBytesPerCycle: f(8, `${A}: tensors in OCRAM/DDR through the second AXI port`),
  fixedOverheadCycles: f(100_000, `${A}: 0.1 ms per invoke (Linux driver + the Cortex-M33 firmware that feeds the Ethos-U)`),
  opOverheadCycles: f(1_000, `${A} (Vela command stream per operator)`),
  handoverCycles: f(200_000, `${A} (Linux driver + RPMsg round trip per CPU/NPU switch)`),
  perChannel: NATIVE_PER_CHANNEL,
  dtypes: ['int8'],
  int16Activations: { supported: true, source: 'Arm Vela README (pypi.org/project/ethos-u-vela): operators quantised to 8-bit or 16-bit (signed) are accelerated' },
  ops: [...ALL_OPS, 'softmax'],
  activations: ['linear', 'relu', 'relu6', 'sigmoid', 'tanh'],
  runtime: 'TFLite + Ethos-U delegate (Vela)',
};

/** eIQ Neutron-S on the i.MX 95: 2 TOPS, a data mover streams tensors between DDR and its TCM. */
export const neutronImx95: NpuEngine = {
  ...neutronN1,
  name: 'eIQ Neutron (2 TOPS) @1000 MHz',
  clockMHz: f(1000, `${A} (2 TOPS / 1024 MAC/cycle)`),
  peakMacsPerCycle: f(1024, 'NXP i.MX 95 datasheet (2 TOPS = 1 TMAC/s)'),
  inputLanes: f(32, `${A}: 32 x 32 array`),
  convUtilization: f(0.888, 'carried over from the N1-16 fit (same Neutron family)'),
  depthwiseUtilization: f(0.422, 'carried over from the N1-16 fit (same Neutron family)'),
  weightBytesPerCycle: f(8, `${A}: data mover from LPDDR5`),
  activationBytesPerCycle: f(7.85, 'calibrated by fit.ts on MobileNetV2 (3.17 ms, Toradex community forum, Verdin iMX95)'),
  fixedOverheadCycles: f(150_000, `${A} (TFLite delegate + driver per invoke, like the other Linux NPUs)`),
  opOverheadCycles: f(1_500, 'carried over from the N1-16 (cycles)'),
  handoverCycles: f(100_000, A),
  int16Activations: { supported: true, source: "RidgeRun, NXP i.MX95 Technical Guide / eIQ Neutron NPU overview: 8-bit weights and 8/16-bit activations" },
  runtime: 'TFLite + Neutron delegate',
};
