/**
 * The target catalog: NXP parts as data. Every figure names its source or says "assumed".
 * Sources are public: datasheets / fact sheets, the EVK board pages, NXP's eIQ model zoo (MCX N947
 * MLPerf Tiny timings) and MLPerf Tiny results, summarised in shared/nxp-reference.md.
 * The efficiency factors were fitted to the MCX N947 CPU and NPU measurements of the four MLPerf Tiny
 * models (see calibration.test.ts) and are shared by every part with the same core / NPU family.
 */
import type { CpuEngine, Figure, NpuEngine, OpEfficiency, Target } from './target-types';

const f = (value: number, source: string): Figure => ({ value, source });
const A = 'assumed';
const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * MB;
const FIT = 'fitted to the MCX N947 eIQ model zoo MLPerf Tiny timings';
const DS = (part: string) => `NXP ${part} datasheet / fact sheet`;

/** CMSIS-NN on Cortex-M (int8): k_l relative to a regular convolution. */
const CMSIS_NN: OpEfficiency = {
  conv: f(1, 'reference (k = 1 by definition)'),
  convSmallCin: f(0.5, `${FIT}; CMSIS-NN im2col + SMLAD wastes lanes when Cin < 4`),
  depthwise: f(0.35, `${FIT}; no input-channel reduction to vectorise`),
  dense: f(0.85, `${FIT}; every weight is read once (no reuse), flash wait states`),
};

/** XNNPACK on Cortex-A (int8/fp32, one thread). */
const XNNPACK: OpEfficiency = {
  conv: f(1, 'reference (k = 1 by definition)'),
  convSmallCin: f(0.5, A),
  depthwise: f(0.4, `${A} (memory bound)`),
  dense: f(0.6, `${A} (memory bound, batch 1)`),
};

/** Neutron NPU utilisation u_l per operator class. */
const NEUTRON_U: OpEfficiency = {
  conv: f(0.85, FIT),
  convSmallCin: f(0.21, `u_conv/4 at Cin = 1, rising linearly to u_conv at Cin = 4: the MAC array spreads input channels over its lanes (checked against ${FIT})`),
  depthwise: f(0.12, `${FIT}; one input channel per output channel, no reduction to parallelise`),
  dense: f(0.85, `${A}; dense layers are bounded by weight bandwidth instead`),
};

const m33 = (clock: Figure): CpuEngine => ({
  kind: 'cpu',
  id: 'cpu',
  name: `Cortex-M33 @${clock.value} MHz`,
  core: 'cortex-m33',
  clockMHz: clock,
  int8MacsPerCycle: f(0.36, `${FIT} (TFLM + CMSIS-NN, SMLAD dual 16-bit MAC)`),
  fp32MacsPerCycle: f(0.17, `${A} (single-precision FPU, TFLM reference kernels)`),
  fp16MacsPerCycle: f(0.15, `${A}: no fp16 arithmetic, weights converted to fp32 per use`),
  efficiency: CMSIS_NN,
  opOverheadCycles: f(2000, `${A} (TFLM interpreter dispatch + quantization bookkeeping)`),
  fixedOverheadMs: f(0.03, A),
  elementCycles: f(2, `${A} (pooling / add / activation per element, int8)`),
  runtime: 'TFLM + CMSIS-NN',
  errorBand: f(1.35, 'nxp-reference.md: about ±35 % within one runtime'),
});

/** Weights read in place from the EVK's QSPI flash through FlexSPI (AHB prefetch, 133 MHz). */
const XIP_BW = f(200_000, `${A}: 200 MB/s effective FlexSPI read of weights executed in place from QSPI flash (copy the model to SRAM to lift it)`);

const m7 = (clock: Figure): CpuEngine => ({
  ...m33(clock),
  name: `Cortex-M7 @${clock.value} MHz`,
  core: 'cortex-m7',
  int8MacsPerCycle: f(0.45, `${A} (nxp-reference.md first cost model; dual-issue M7, TFLM + CMSIS-NN)`),
  fp32MacsPerCycle: f(0.36, `${A} (nxp-reference.md)`),
  fp16MacsPerCycle: f(0.3, `${A}: no fp16 arithmetic, weights converted to fp32 per use`),
  elementCycles: f(1.2, A),
  errorBand: f(1.6, `${A}: not calibrated on this core; weights in external flash add cache misses`),
});

const cortexA = (core: 'cortex-a53' | 'cortex-a55', clock: Figure): CpuEngine => ({
  kind: 'cpu',
  id: 'cpu',
  name: `${core === 'cortex-a53' ? 'Cortex-A53' : 'Cortex-A55'} @${(clock.value / 1000).toFixed(1)} GHz (1 thread)`,
  core,
  clockMHz: clock,
  int8MacsPerCycle: f(
    core === 'cortex-a53' ? 1.5 : 4,
    core === 'cortex-a53'
      ? `${A} (nxp-reference.md: TFLite + XNNPACK, one thread)`
      : `${A} (SDOT peaks at 8 int8 MAC/cycle, ~50 % sustained in XNNPACK; MobileNetV2-224 then estimates 48 ms on one A55 @1.8 GHz vs 37 ms reported on i.MX 95, thread count not stated)`,
  ),
  fp32MacsPerCycle: f(core === 'cortex-a53' ? 1 : 1.2, `${A} (NEON FMLA, one thread)`),
  fp16MacsPerCycle: f(core === 'cortex-a53' ? 1 : 2.2, `${A}${core === 'cortex-a55' ? ' (ARMv8.2 fp16 arithmetic)' : ': no fp16 arithmetic'}`),
  efficiency: XNNPACK,
  opOverheadCycles: f(3000, `${A} (TFLite interpreter per op)`),
  fixedOverheadMs: f(0.15, 'nxp-reference.md (~0.15 ms per invoke)'),
  elementCycles: f(0.25, `${A} (NEON)`),
  runtime: 'TFLite + XNNPACK',
  errorBand: f(2, `${A}: Linux scheduling, caches and DDR make small models noisy`),
});

const neutron = (name: string, clock: Figure, macs: Figure, bw: Figure, band: Figure): NpuEngine => ({
  kind: 'npu',
  id: 'npu',
  name: `${name} @${clock.value} MHz`,
  npu: 'neutron',
  clockMHz: clock,
  peakMacsPerCycle: macs,
  efficiency: NEUTRON_U,
  weightBytesPerCycle: bw,
  fixedOverheadMs: f(0.15, `${FIT} (job setup)`),
  opOverheadMs: f(0.01, `${FIT} (per-layer microcode / DMA setup)`),
  handoverMs: f(0.05, `${A} (sync + cache maintenance when a layer falls back to the CPU)`),
  dtypes: ['int8'],
  ops: ['conv', 'depthwise', 'dense', 'pool', 'globalPool', 'add', 'activation'],
  activations: ['linear', 'relu', 'relu6'],
  runtime: 'TFLM + eIQ Neutron delegate',
  errorBand: band,
});

export const TARGETS: Target[] = [
  {
    id: 'mcxn947',
    name: 'MCX N947',
    family: 'MCX N',
    board: 'FRDM-MCXN947',
    system: 'mcu',
    ram: { value: 512 * KB, source: DS('MCX N94x'), kind: 'on-chip SRAM' },
    flash: { value: 2 * MB, source: DS('MCX N94x'), kind: 'on-chip flash' },
    cpu: m33(f(150, DS('MCX N94x'))),
    npu: neutron(
      'eIQ Neutron N1-16',
      f(150, DS('MCX N94x')),
      f(16, `${DS('MCX N94x')} (16 MAC/cycle, 2.4 GMAC/s)`),
      f(3, `${FIT} (the AD autoencoder is weight-bound); weights streamed from flash`),
      f(1.35, 'calibrated on MLPerf Tiny (±35 %)'),
    ),
  },
  {
    id: 'mcxn236',
    name: 'MCX N236',
    family: 'MCX N',
    board: 'FRDM-MCXN236',
    system: 'mcu',
    ram: { value: 352 * KB, source: DS('MCX N23x'), kind: 'on-chip SRAM' },
    flash: { value: 1 * MB, source: DS('MCX N23x'), kind: 'on-chip flash' },
    cpu: m33(f(150, DS('MCX N23x'))),
    notes: 'Same Cortex-M33 as the MCX N947, without the NPU.',
  },
  {
    id: 'rt1060',
    name: 'i.MX RT1060',
    family: 'i.MX RT',
    board: 'MIMXRT1060-EVKC',
    system: 'mcu',
    ram: { value: 1 * MB, source: `${DS('i.MX RT1060')} (512 KB FlexRAM TCM + 512 KB OCRAM)`, kind: 'on-chip SRAM' },
    flash: { value: 8 * MB, source: `${A} (EVK 64 Mbit QSPI flash)`, kind: 'external QSPI flash' },
    cpu: { ...m7(f(600, DS('i.MX RT1060'))), weightBytesPerMs: XIP_BW },
  },
  {
    id: 'rt1170',
    name: 'i.MX RT1170',
    family: 'i.MX RT',
    board: 'MIMXRT1170-EVKB',
    system: 'mcu',
    ram: { value: 2 * MB, source: DS('i.MX RT1170'), kind: 'on-chip SRAM' },
    flash: { value: 16 * MB, source: `${A} (EVK 128 Mbit QSPI flash)`, kind: 'external QSPI flash' },
    cpu: { ...m7(f(1000, DS('i.MX RT1170'))), weightBytesPerMs: XIP_BW },
    notes: 'The Cortex-M4 @400 MHz core is not used for inference here.',
  },
  {
    id: 'rt700',
    name: 'i.MX RT700',
    family: 'i.MX RT',
    board: 'MIMXRT700-EVK',
    system: 'mcu',
    ram: { value: 7.5 * MB, source: DS('i.MX RT700'), kind: 'on-chip SRAM' },
    flash: { value: 64 * MB, source: `${A} (EVK 512 Mbit octal xSPI flash)`, kind: 'external xSPI flash' },
    cpu: m33(f(325, DS('i.MX RT700'))),
    npu: neutron(
      'eIQ Neutron N3-64',
      f(325, `${A} (NPU clocked like the compute core)`),
      f(64, `${DS('i.MX RT700')} (N3-64: 64 int8 MAC/cycle)`),
      f(8, `${A} (wider array, weights from on-chip SRAM / xSPI)`),
      f(1.6, `${A}: Neutron factors carried over from the N1-16`),
    ),
    notes: 'The HiFi4 DSP is not modelled.',
  },
  {
    id: 'imx8mp',
    name: 'i.MX 8M Plus',
    family: 'i.MX',
    board: '8MPLUSLPD4-EVK',
    system: 'linux',
    ram: { value: 6 * GB, source: `${A} (EVK 6 GB LPDDR4)`, kind: 'LPDDR4' },
    flash: { value: 32 * GB, source: `${A} (EVK 32 GB eMMC)`, kind: 'eMMC' },
    cpu: cortexA('cortex-a53', f(1800, DS('i.MX 8M Plus'))),
    npu: {
      kind: 'npu',
      id: 'npu',
      name: 'VeriSilicon NPU (2.3 TOPS)',
      npu: 'vsi-npu',
      clockMHz: f(1000, A),
      peakMacsPerCycle: f(1150, `${DS('i.MX 8M Plus')} (2.3 TOPS = 1.15 TMAC/s)`),
      efficiency: { conv: f(0.3, A), convSmallCin: f(0.1, A), depthwise: f(0.05, A), dense: f(0.2, A) },
      weightBytesPerCycle: f(8, `${A} (DDR)`),
      fixedOverheadMs: f(0.3, `${A} (TFLite VX delegate + driver per invoke)`),
      opOverheadMs: f(0.01, A),
      handoverMs: f(0.1, A),
      dtypes: ['int8'],
      ops: ['conv', 'depthwise', 'dense', 'pool', 'globalPool', 'add', 'activation', 'softmax'],
      activations: ['linear', 'relu', 'relu6', 'sigmoid', 'tanh'],
      runtime: 'TFLite + VX delegate',
      errorBand: f(2.5, 'nxp-reference.md: up to 2-3x across runtimes'),
    },
    notes: 'Runs Linux; RAM and storage are off-chip and effectively unlimited for tiny models.',
  },
  {
    id: 'imx93',
    name: 'i.MX 93',
    family: 'i.MX',
    board: 'MCIMX93-EVK',
    system: 'linux',
    ram: { value: 2 * GB, source: `${A} (EVK 2 GB LPDDR4X)`, kind: 'LPDDR4X' },
    flash: { value: 16 * GB, source: `${A} (EVK 16 GB eMMC)`, kind: 'eMMC' },
    cpu: cortexA('cortex-a55', f(1700, DS('i.MX 93'))),
    npu: {
      kind: 'npu',
      id: 'npu',
      name: 'Arm Ethos-U65-256',
      npu: 'ethos-u',
      clockMHz: f(1000, `${A} (0.5 TOPS / 256 MAC/cycle)`),
      peakMacsPerCycle: f(256, `${DS('i.MX 93')} (Ethos-U65-256)`),
      efficiency: { conv: f(0.6, A), convSmallCin: f(0.25, A), depthwise: f(0.15, A), dense: f(0.5, A) },
      weightBytesPerCycle: f(8, `${A} (AXI to DDR / OCRAM)`),
      fixedOverheadMs: f(0.3, `${A} (Linux driver + RPMsg to the Cortex-M33 that runs the Ethos-U firmware)`),
      opOverheadMs: f(0.005, A),
      handoverMs: f(0.2, A),
      dtypes: ['int8'],
      ops: ['conv', 'depthwise', 'dense', 'pool', 'globalPool', 'add', 'activation', 'softmax'],
      activations: ['linear', 'relu', 'relu6', 'sigmoid', 'tanh'],
      runtime: 'TFLite + Ethos-U delegate (Vela)',
      errorBand: f(2.5, 'nxp-reference.md: up to 2-3x across runtimes'),
    },
    notes: 'Runs Linux; RAM and storage are off-chip and effectively unlimited for tiny models.',
  },
  {
    id: 'imx95',
    name: 'i.MX 95',
    family: 'i.MX',
    board: 'IMX95LPD5EVK-19',
    system: 'linux',
    ram: { value: 8 * GB, source: `${A} (EVK LPDDR5)`, kind: 'LPDDR5' },
    flash: { value: 64 * GB, source: `${A} (EVK eMMC)`, kind: 'eMMC' },
    cpu: cortexA('cortex-a55', f(1800, DS('i.MX 95'))),
    npu: {
      ...neutron(
        'eIQ Neutron (2 TOPS)',
        f(1000, A),
        f(1024, `${DS('i.MX 95')} (2 TOPS = 1 TMAC/s)`),
        f(8, `${A} (8 GB/s effective data mover to DDR); with activations streamed, MobileNetV2-224 int8 comes out at 3.0 ms vs 3.17 ms reported on a Verdin iMX95 (Toradex community forum)`),
        f(2.5, 'nxp-reference.md: up to 2-3x across runtimes'),
      ),
      activationsStream: true,
      fixedOverheadMs: f(0.15, 'nxp-reference.md (Linux-class NPU ~0.15 ms)'),
      runtime: 'TFLite + Neutron delegate',
    },
    notes: 'Runs Linux; RAM and storage are off-chip and effectively unlimited for tiny models.',
  },
];

export const DEFAULT_TARGET_ID = 'mcxn947';

const BY_ID = new Map(TARGETS.map((t) => [t.id, t]));

export function findTarget(id: string): Target | undefined {
  return BY_ID.get(id);
}

/** The target, or an Error naming the known ids (CLI and UI show its message). */
export function getTarget(id: string): Target {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`unknown target "${id}"; known targets: ${TARGETS.map((x) => x.id).join(', ')}`);
  return t;
}
