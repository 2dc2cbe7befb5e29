/**
 * The target catalog: NXP parts as data. Every figure names its source or says "assumed".
 * Sources are public: datasheets / fact sheets, the EVK board pages, NXP's eIQ model zoo (MCX N947
 * MLPerf Tiny timings) and MLPerf Tiny results, summarised in shared/nxp-reference.md.
 * Fitted figures say so and name their points (calibrations.ts; fit.test.ts refits them from the
 * prior and fails when the catalog drifts); cores of the same kind share them. The NPUs are in
 * npu-catalog.ts. Memory regions come from the SDK linker scripts and readme logs.
 */
import type { CpuEngine, Figure, OpEfficiency, Target } from './target-types';
import { VSI_NPU, ETHOS_U65, neutronN1, neutronN3, neutronImx95 } from './npu-catalog';
import { DEFAULT_TARGET_ID } from './target-ids';

export { DEFAULT_TARGET_ID };

const f = (value: number, source: string): Figure => ({ value, source });
const A = 'assumed';
const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * MB;
const FIT = 'fitted by fit.ts to the MCX N947 eIQ model zoo MLPerf Tiny CPU timings (KWS, VWW, IC, AD)';
const ZOO_FIT = (part: string) => `calibrated by fit.ts on the NXP eIQ model zoo ${part} CPU (1 thread) timings of MobileNetV2 and the MLPerf AD autoencoder`;
const DS = (part: string) => `NXP ${part} datasheet / fact sheet`;

/** CMSIS-NN on Cortex-M (int8): k_l relative to a regular convolution. */
const CMSIS_NN: OpEfficiency = {
  conv: f(1, 'reference (k = 1 by definition)'),
  convSmallCin: f(0.5, 'nxp-reference.md first cost model (CMSIS-NN im2col + SMLAD wastes lanes when Cin < 4)'),
  depthwise: f(0.503, `${FIT}; no input-channel reduction to vectorise`),
  dense: f(0.995, `${FIT}; every weight is read once (no reuse), yet SMLAD runs at full rate`),
};

/** XNNPACK on Cortex-A (int8/fp32, one thread). */
const XNNPACK: OpEfficiency = {
  conv: f(1, 'reference (k = 1 by definition)'),
  convSmallCin: f(0.5, A),
  depthwise: f(0.4, `${A} (memory bound)`),
  dense: f(0.6, `${A} (memory bound, batch 1)`),
};

const m33 = (clock: Figure): CpuEngine => ({
  kind: 'cpu',
  id: 'cpu',
  name: `Cortex-M33 @${clock.value} MHz`,
  core: 'cortex-m33',
  clockMHz: clock,
  int8MacsPerCycle: f(0.326, `${FIT} (TFLM + CMSIS-NN, SMLAD dual 16-bit MAC)`),
  fp32MacsPerCycle: f(0.17, `${A} (single-precision FPU, TFLM reference kernels)`),
  fp16MacsPerCycle: f(0.15, `${A}: no fp16 arithmetic, weights converted to fp32 per use`),
  efficiency: CMSIS_NN,
  opOverheadCycles: f(2000, `${A} (TFLM interpreter dispatch + quantization bookkeeping)`),
  fixedOverheadMs: f(0.03, A),
  elementCycles: f(2, `${A} (pooling / add / activation per element, int8)`),
  runtime: 'TFLM + CMSIS-NN',
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
});

const cortexA = (core: 'cortex-a53' | 'cortex-a55', clock: Figure): CpuEngine => ({
  kind: 'cpu',
  id: 'cpu',
  name: `${core === 'cortex-a53' ? 'Cortex-A53' : 'Cortex-A55'} @${(clock.value / 1000).toFixed(1)} GHz (1 thread)`,
  core,
  clockMHz: clock,
  int8MacsPerCycle: f(core === 'cortex-a53' ? 1.68 : 3.25, ZOO_FIT(core === 'cortex-a53' ? 'i.MX 8M Plus' : 'i.MX 93')),
  fp32MacsPerCycle: f(core === 'cortex-a53' ? 1 : 1.2, `${A} (NEON FMLA, one thread)`),
  fp16MacsPerCycle: f(core === 'cortex-a53' ? 1 : 2.2, `${A}${core === 'cortex-a55' ? ' (ARMv8.2 fp16 arithmetic)' : ': no fp16 arithmetic'}`),
  efficiency: XNNPACK,
  opOverheadCycles: f(3000, `${A} (TFLite interpreter per op)`),
  fixedOverheadMs: f(core === 'cortex-a53' ? 0.005 : 0.0545, `${ZOO_FIT(core === 'cortex-a53' ? 'i.MX 8M Plus' : 'i.MX 93')}${core === 'cortex-a53' ? ' (at the fit\'s 5 µs floor)' : ''}`),
  elementCycles: f(0.25, `${A} (NEON)`),
  runtime: 'TFLite + XNNPACK',
});

const SDK_LD = (file: string) => `MCUXpresso SDK linker script ${file} (github.com/nxp-mcuxpresso/mcuxsdk-examples)`;
const LINUX_NOTE = 'Runs Linux; RAM and storage are off-chip and effectively unlimited for tiny models.';

export const TARGETS: Target[] = [
  {
    id: 'mcxn947',
    name: 'MCX N947',
    family: 'MCX N',
    board: 'FRDM-MCXN947',
    system: 'mcu',
    ram: { value: 512 * KB, source: DS('MCX N94x'), kind: 'on-chip SRAM' },
    arenaRegion: { name: 'SRAM 0x2000_0000 (m_data)', bytes: 384 * KB, source: `${SDK_LD('eiq_examples/tflm_kws MCXN947_cm33_core0_flash.ld')}: m_data 0x60000 B; the other 128 KB are RAMX (code) and RAM reserved by the SDK` },
    flash: { value: 2 * MB, source: DS('MCX N94x'), kind: 'on-chip flash' },
    cpu: m33(f(150, DS('MCX N94x'))),
    npu: neutronN1,
  },
  {
    id: 'mcxn236',
    name: 'MCX N236',
    family: 'MCX N',
    board: 'FRDM-MCXN236',
    system: 'mcu',
    ram: { value: 352 * KB, source: DS('MCX N23x'), kind: 'on-chip SRAM' },
    arenaRegion: { name: 'SRAM (main partitions)', bytes: 256 * KB, source: `${A}: ${DS('MCX N23x')} lists 352 KB in several partitions; 256 KB taken as the largest contiguous data region` },
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
    ram: { value: 1 * MB, source: `${DS('i.MX RT1060')} (512 KB FlexRAM + 512 KB OCRAM)`, kind: 'on-chip SRAM' },
    arenaRegion: { name: 'OCRAM 0x2020_0000 (m_data2)', bytes: 768 * KB, source: `${SDK_LD('MIMXRT1062xxxxx_flexspi_nor.ld')}: OCRAM 0xC0000 B (FlexRAM OCRAM + OCRAM2); DTCM is only 128 KB` },
    flash: { value: 8 * MB, source: `${A} (EVK 64 Mbit QSPI flash)`, kind: 'external QSPI flash (XIP)' },
    cpu: { ...m7(f(600, DS('i.MX RT1060'))), weightBytesPerMs: XIP_BW },
  },
  {
    id: 'rt1170',
    name: 'i.MX RT1170',
    family: 'i.MX RT',
    board: 'MIMXRT1170-EVKB',
    system: 'mcu',
    ram: { value: 2 * MB, source: DS('i.MX RT1170'), kind: 'on-chip SRAM' },
    arenaRegion: { name: 'OCRAM 0x2024_0000 (m_data2)', bytes: 768 * KB, source: `${SDK_LD('MIMXRT1176xxxxx_cm7_flexspi_nor.ld')}: OCRAM 0xC0000 B; DTCM (m_data) is 256 KB` },
    flash: { value: 16 * MB, source: `${A} (EVK 128 Mbit QSPI flash)`, kind: 'external QSPI flash (XIP)' },
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
    arenaRegion: { name: 'SRAM 0x2000_0000–0x2040_0000', bytes: 4 * MB, source: 'MCUXpresso SDK tflm_* readme logs (MIMXRT700-EVK): tensor arena at 0x2000_0000, model copied to 0x2040_0000' },
    modelRegion: { name: 'SRAM 0x2040_0000–0x2078_0000', bytes: 3.5 * MB, source: 'MCUXpresso SDK tflm_* readme logs: the model is copied to SRAM at 0x2040_0000; larger models stay in xSPI flash (tflm_label_image_ext_mem)' },
    flash: { value: 64 * MB, source: `${A} (EVK 512 Mbit octal xSPI flash)`, kind: 'external xSPI flash' },
    cpu: m33(f(324, 'MCUXpresso SDK tflm_* readme logs: "Core/NPU Frequency: 324 MHz"')),
    npu: neutronN3,
    notes: 'The HiFi4 DSP is not modelled.',
  },
  {
    id: 'imx8mp',
    name: 'i.MX 8M Plus',
    family: 'i.MX',
    board: '8MPLUSLPD4-EVK',
    system: 'linux',
    ram: { value: 6 * GB, source: `${A} (EVK 6 GB LPDDR4)`, kind: 'LPDDR4' },
    arenaRegion: { name: 'LPDDR4 (Linux process memory)', bytes: 6 * GB, source: `${A} (EVK 6 GB LPDDR4)` },
    flash: { value: 32 * GB, source: `${A} (EVK 32 GB eMMC)`, kind: 'eMMC' },
    cpu: cortexA('cortex-a53', f(1800, DS('i.MX 8M Plus'))),
    npu: VSI_NPU,
    notes: LINUX_NOTE,
  },
  {
    id: 'imx93',
    name: 'i.MX 93',
    family: 'i.MX',
    board: 'MCIMX93-EVK',
    system: 'linux',
    ram: { value: 2 * GB, source: `${A} (EVK 2 GB LPDDR4X)`, kind: 'LPDDR4X' },
    arenaRegion: { name: 'LPDDR4X (Linux process memory)', bytes: 2 * GB, source: `${A} (EVK 2 GB LPDDR4X)` },
    flash: { value: 16 * GB, source: `${A} (EVK 16 GB eMMC)`, kind: 'eMMC' },
    cpu: cortexA('cortex-a55', f(1700, DS('i.MX 93'))),
    npu: ETHOS_U65,
    notes: LINUX_NOTE,
  },
  {
    id: 'imx95',
    name: 'i.MX 95',
    family: 'i.MX',
    board: 'IMX95LPD5EVK-19',
    system: 'linux',
    ram: { value: 8 * GB, source: `${A} (EVK LPDDR5)`, kind: 'LPDDR5' },
    arenaRegion: { name: 'LPDDR5 (Linux process memory)', bytes: 8 * GB, source: `${A} (EVK LPDDR5)` },
    flash: { value: 64 * GB, source: `${A} (EVK eMMC)`, kind: 'eMMC' },
    cpu: cortexA('cortex-a55', f(1800, DS('i.MX 95'))),
    npu: neutronImx95,
    notes: LINUX_NOTE,
  },
];

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
