/**
 * Published latency measurements outside the estimator's MLPerf Tiny fit on the MCX N947. Every point
 * names its source, runtime, clock and engine. `role` says how the catalog uses it:
 *   "calibration": one figure of that engine (named in the catalog) was set from this point;
 *   "held-out":    nothing in the catalog was derived from it, so it measures the estimator's error.
 * Nothing here is invented: where a source leaves something open (threads, build), `caveat` says so.
 */
import type { ModelSpec } from '../model/spec';
import { MLPERF_TINY } from '../model/zoo/mlperf';
import { cifarNet, microSpeech, mobilenetV1, mobilenetV2, personDetect } from '../model/zoo/reference-models';

export interface ValidationPoint {
  id: string;
  spec: ModelSpec;
  targetId: string;
  engine: 'cpu' | 'npu';
  /** Published mean latency of one int8 inference. */
  ms: number;
  runtime: string;
  clockMHz: number;
  source: string;
  role: 'calibration' | 'held-out';
  caveat?: string;
}

const mlperf = (id: 'kws' | 'vww' | 'ic' | 'ad') => MLPERF_TINY.find((m) => m.id === id)!.spec;
const MNV1_025 = mobilenetV1(0.25, 128, 1001);
const MNV2 = mobilenetV2();
const ZOO_MNV1 = 'NXP eIQ model zoo, tasks/vision/classification/mobilenetv1/README.md (BSP LF6.1.1_1.0.0, benchmark_model)';
const ZOO_MNV2 = 'NXP eIQ model zoo, tasks/vision/classification/mobilenetv2/README.md (BSP LF6.1.36_2.1.0, benchmark_model)';
const ZOO_VWW = 'NXP eIQ model zoo, tasks/vision/classification/visual-wake-word/README.md (benchmark_model)';
const ZOO_KWS = 'NXP eIQ model zoo, tasks/audio/command-recognition/keyword-spotting_DSCNN/README.md (benchmark_model)';
const ZOO_AD = 'NXP eIQ model zoo, tasks/audio/anomaly-detection/deep-autoencoder/README.md (benchmark_model)';
const SDK = (ex: string) => `MCUXpresso SDK 26.06 eiq_examples/${ex}/readme.md, MIMXRT700-EVK run log (github.com/nxp-mcuxpresso/mcuxsdk-examples)`;
const EAB = 'github.com/shanemmattner/embedded-agent-bridge docs/ml-bench-results.md (FRDM-MCXN947, Zephyr TFLM + CMSIS-NN, DWT cycles)';
const TORADEX = 'Toradex community forum, "NPU assignment degradation … MobileNetV2 input resolution" (Verdin iMX95, BSP 6.6.36, eIQ 1.16, per-channel int8)';
const A53 = 'TFLite 2.10 + XNNPACK, 1 thread';
const A55 = 'TFLite + XNNPACK, 1 thread';
const VX = 'TFLite + VX delegate';
const ETHOS = 'TFLite + Ethos-U delegate (Vela)';
const NEUTRON_MCU = 'TFLM + Neutron custom operator';

export const VALIDATION_POINTS: ValidationPoint[] = [
  // MCX N947 CPU: models outside the fit, same part.
  { id: 'persondetect-mcxn947-cpu', spec: personDetect(), targetId: 'mcxn947', engine: 'cpu', ms: 175, runtime: 'TFLM (Zephyr) + CMSIS-NN', clockMHz: 150, source: EAB, role: 'held-out', caveat: '26,316,498 cycles, mean of 10 runs' },
  { id: 'microspeech-mcxn947-cpu', spec: microSpeech(), targetId: 'mcxn947', engine: 'cpu', ms: 11.4, runtime: 'TFLM (Zephyr) + CMSIS-NN', clockMHz: 150, source: EAB, role: 'held-out', caveat: '1,716,853 cycles, mean of 100 runs' },
  // i.MX RT1170 / RT1050 (Cortex-M7, TFLM).
  { id: 'mnv1-rt1170-cpu', spec: MNV1_025, targetId: 'rt1170', engine: 'cpu', ms: 47, runtime: 'TFLM + CMSIS-NN', clockMHz: 1000, source: `${ZOO_MNV1.split(' (')[0]} (i.MX RT1170, TFLM)`, role: 'held-out' },
  {
    id: 'mnv1-rt1050-cpu',
    spec: MNV1_025,
    targetId: 'rt1060',
    engine: 'cpu',
    ms: 70,
    runtime: 'TFLM + CMSIS-NN',
    clockMHz: 600,
    source: `${ZOO_MNV1.split(' (')[0]} (i.MX RT1050, TFLM)`,
    role: 'held-out',
    caveat: 'measured on the RT1050 (same Cortex-M7 @600 MHz as the RT1060, less on-chip RAM)',
  },
  // i.MX RT700: Neutron N3-64 at 324 MHz.
  { id: 'mnv1-rt700-npu', spec: MNV1_025, targetId: 'rt700', engine: 'npu', ms: 2.759, runtime: NEUTRON_MCU, clockMHz: 324, source: SDK('tflm_label_image'), role: 'calibration' },
  { id: 'cifarnet-rt700-npu', spec: cifarNet(), targetId: 'rt700', engine: 'npu', ms: 1.027, runtime: NEUTRON_MCU, clockMHz: 324, source: SDK('tflm_cifar10'), role: 'held-out' },
  { id: 'kws-rt700-npu', spec: mlperf('kws'), targetId: 'rt700', engine: 'npu', ms: 0.595, runtime: NEUTRON_MCU, clockMHz: 324, source: SDK('tflm_kws'), role: 'held-out', caveat: 'ARM DS_CNN_S (the MLPerf Tiny KWS architecture; same 17,296 B arena)' },
  {
    id: 'mnv1-224-rt700-npu',
    spec: mobilenetV1(1, 224, 1001),
    targetId: 'rt700',
    engine: 'npu',
    ms: 69.769,
    runtime: NEUTRON_MCU,
    clockMHz: 324,
    source: 'MCUXpresso SDK eiq_examples/tflm_label_image_ext_mem/readme.md (MIMXRT700-EVK)',
    role: 'held-out',
    caveat: 'weights (4.2 MB) fetched from xSPI flash into SRAM during the inference',
  },
  // i.MX 8M Plus: Cortex-A53 @1.8 GHz and the VeriSilicon NPU.
  { id: 'mnv2-imx8mp-cpu', spec: MNV2, targetId: 'imx8mp', engine: 'cpu', ms: 123.31, runtime: A53, clockMHz: 1800, source: ZOO_MNV2, role: 'calibration' },
  { id: 'mnv1-imx8mp-cpu', spec: MNV1_025, targetId: 'imx8mp', engine: 'cpu', ms: 6.53, runtime: A53, clockMHz: 1800, source: ZOO_MNV1, role: 'held-out' },
  { id: 'vww-imx8mp-cpu', spec: mlperf('vww'), targetId: 'imx8mp', engine: 'cpu', ms: 3.716, runtime: A53, clockMHz: 1800, source: ZOO_VWW, role: 'held-out' },
  { id: 'kws-imx8mp-cpu', spec: mlperf('kws'), targetId: 'imx8mp', engine: 'cpu', ms: 0.938, runtime: A53, clockMHz: 1800, source: ZOO_KWS, role: 'held-out' },
  { id: 'ad-imx8mp-cpu', spec: mlperf('ad'), targetId: 'imx8mp', engine: 'cpu', ms: 0.152, runtime: A53, clockMHz: 1800, source: ZOO_AD, role: 'calibration' },
  { id: 'mnv2-imx8mp-npu', spec: MNV2, targetId: 'imx8mp', engine: 'npu', ms: 6.96, runtime: VX, clockMHz: 1000, source: ZOO_MNV2, role: 'calibration' },
  { id: 'ad-imx8mp-npu', spec: mlperf('ad'), targetId: 'imx8mp', engine: 'npu', ms: 0.14, runtime: VX, clockMHz: 1000, source: ZOO_AD, role: 'calibration' },
  { id: 'mnv1-imx8mp-npu', spec: MNV1_025, targetId: 'imx8mp', engine: 'npu', ms: 0.84, runtime: VX, clockMHz: 1000, source: ZOO_MNV1, role: 'held-out' },
  { id: 'vww-imx8mp-npu', spec: mlperf('vww'), targetId: 'imx8mp', engine: 'npu', ms: 0.483, runtime: VX, clockMHz: 1000, source: ZOO_VWW, role: 'held-out' },
  { id: 'kws-imx8mp-npu', spec: mlperf('kws'), targetId: 'imx8mp', engine: 'npu', ms: 0.182, runtime: VX, clockMHz: 1000, source: ZOO_KWS, role: 'held-out' },
  // i.MX 93: Cortex-A55 @1.7 GHz and the Ethos-U65-256.
  { id: 'mnv2-imx93-cpu', spec: MNV2, targetId: 'imx93', engine: 'cpu', ms: 62.51, runtime: A55, clockMHz: 1700, source: ZOO_MNV2, role: 'calibration' },
  { id: 'mnv1-imx93-cpu', spec: MNV1_025, targetId: 'imx93', engine: 'cpu', ms: 3.63, runtime: A55, clockMHz: 1700, source: ZOO_MNV1, role: 'held-out' },
  { id: 'vww-imx93-cpu', spec: mlperf('vww'), targetId: 'imx93', engine: 'cpu', ms: 1.97, runtime: A55, clockMHz: 1700, source: ZOO_VWW, role: 'held-out' },
  { id: 'kws-imx93-cpu', spec: mlperf('kws'), targetId: 'imx93', engine: 'cpu', ms: 0.44, runtime: A55, clockMHz: 1700, source: ZOO_KWS, role: 'held-out' },
  { id: 'ad-imx93-cpu', spec: mlperf('ad'), targetId: 'imx93', engine: 'cpu', ms: 0.152, runtime: A55, clockMHz: 1700, source: ZOO_AD, role: 'calibration' },
  { id: 'mnv2-imx93-npu', spec: MNV2, targetId: 'imx93', engine: 'npu', ms: 3.46, runtime: ETHOS, clockMHz: 1000, source: ZOO_MNV2, role: 'calibration' },
  { id: 'mnv1-imx93-npu', spec: MNV1_025, targetId: 'imx93', engine: 'npu', ms: 0.37, runtime: ETHOS, clockMHz: 1000, source: ZOO_MNV1, role: 'held-out' },
  { id: 'vww-imx93-npu', spec: mlperf('vww'), targetId: 'imx93', engine: 'npu', ms: 0.214, runtime: ETHOS, clockMHz: 1000, source: ZOO_VWW, role: 'held-out' },
  // i.MX 95: Cortex-A55 @1.8 GHz and the eIQ Neutron NPU.
  { id: 'mnv2-imx95-npu', spec: MNV2, targetId: 'imx95', engine: 'npu', ms: 3.17, runtime: 'TFLite + Neutron delegate', clockMHz: 1000, source: TORADEX, role: 'calibration' },
  {
    id: 'mnv2-imx95-cpu',
    spec: MNV2,
    targetId: 'imx95',
    engine: 'cpu',
    ms: 37.21,
    runtime: 'TFLite + XNNPACK',
    clockMHz: 1800,
    source: TORADEX,
    role: 'held-out',
    caveat: 'thread count not stated (the estimate is for one A55 thread, so a multi-threaded run reads as an overestimate)',
  },
];

/** The held-out subset: what the error bands and the validation table are built from. */
export const HELD_OUT_POINTS = VALIDATION_POINTS.filter((p) => p.role === 'held-out');
