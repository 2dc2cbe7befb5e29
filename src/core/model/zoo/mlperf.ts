/**
 * The four MLPerf Tiny v1.0 reference models as ModelSpecs, written as their int8 .tflite files are:
 * batch norm already folded into the convolution / dense weights and biases, ReLU fused. Their MAC
 * and parameter counts match the published ones within 2 % (mlperf.test.ts), and the NXP
 * measurements on the MCX N947 are attached so the Devices page and the calibration test can
 * compare the estimator with reality.
 * Source of the architectures: github.com/mlcommons/tiny, benchmark/training/<task>/keras_model.py.
 */
import type { Conv2dLayer, DepthwiseConv2dLayer, LayerSpec, ModelSpec } from '../spec';

export interface PublishedMeasurement {
  targetId: string;
  engine: 'cpu' | 'npu';
  ms: number;
  source: string;
}

export interface MlperfModel {
  id: 'kws' | 'vww' | 'ic' | 'ad';
  task: string;
  spec: ModelSpec;
  /** Counts computed from the reference .tflite files (shared/nxp-reference.md). */
  reference: { macs: number; params: number; peakActivationBytes: number };
  measured: PublishedMeasurement[];
  /** Measured TFLM tensor arena, when published. */
  arenaBytes?: { value: number; source: string };
}

const ZOO = 'NXP eIQ model zoo (MLPerf Tiny on FRDM-MCXN947)';

const conv = (name: string, filters: number, kernel: number | [number, number], stride = 1, activation: 'relu' | 'linear' = 'relu', inputs?: string[]): Conv2dLayer => ({
  type: 'conv2d',
  name,
  filters,
  kernel,
  stride,
  padding: 'same',
  activation,
  ...(inputs ? { inputs } : {}),
});
const dw = (name: string, stride = 1): DepthwiseConv2dLayer => ({ type: 'depthwiseConv2d', name, kernel: 3, stride, padding: 'same', activation: 'relu' });

function kwsSpec(): ModelSpec {
  const layers: LayerSpec[] = [conv('conv1', 64, [10, 4], 2)];
  for (let i = 1; i <= 4; i++) layers.push(dw(`dw${i}`), conv(`pw${i}`, 64, 1));
  layers.push(
    { type: 'avgPool2d', name: 'avgpool', pool: [25, 5] },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc', units: 12, activation: 'softmax' },
  );
  return { id: 'mlperf-kws', name: 'KWS DS-CNN (MLPerf Tiny)', inputShape: [49, 10, 1], layers, description: 'Keyword spotting on 49x10 MFCC features, 12 classes' };
}

function vwwSpec(): ModelSpec {
  // MobileNetV1 with width multiplier 0.25: (pointwise filters, depthwise stride) per block.
  const blocks: [number, number][] = [[16, 1], [32, 2], [32, 1], [64, 2], [64, 1], [128, 2], [128, 1], [128, 1], [128, 1], [128, 1], [128, 1], [256, 2], [256, 1]];
  const layers: LayerSpec[] = [conv('conv1', 8, 3, 2)];
  blocks.forEach(([f, s], i) => layers.push(dw(`dw${i + 1}`, s), conv(`pw${i + 1}`, f, 1)));
  layers.push({ type: 'globalAvgPool2d', name: 'gap' }, { type: 'dense', name: 'fc', units: 2, activation: 'softmax' });
  return { id: 'mlperf-vww', name: 'VWW MobileNetV1-0.25 (MLPerf Tiny)', inputShape: [96, 96, 3], layers, description: 'Visual wake words: person / no person on 96x96 RGB' };
}

function icSpec(): ModelSpec {
  const layers: LayerSpec[] = [
    conv('conv1', 16, 3),
    // Stack 1: identity shortcut.
    conv('s1_conv1', 16, 3),
    conv('s1_conv2', 16, 3, 1, 'linear'),
    { type: 'add', name: 's1_add', inputs: ['s1_conv2', 'conv1'], activation: 'relu' },
    // Stacks 2 and 3: stride-2 main path, 1x1 stride-2 projection shortcut.
    conv('s2_conv1', 32, 3, 2),
    conv('s2_conv2', 32, 3, 1, 'linear'),
    conv('s2_short', 32, 1, 2, 'linear', ['s1_add']),
    { type: 'add', name: 's2_add', inputs: ['s2_conv2', 's2_short'], activation: 'relu' },
    conv('s3_conv1', 64, 3, 2),
    conv('s3_conv2', 64, 3, 1, 'linear'),
    conv('s3_short', 64, 1, 2, 'linear', ['s2_add']),
    { type: 'add', name: 's3_add', inputs: ['s3_conv2', 's3_short'], activation: 'relu' },
    { type: 'avgPool2d', name: 'avgpool', pool: 8 },
    { type: 'flatten', name: 'flatten' },
    { type: 'dense', name: 'fc', units: 10, activation: 'softmax' },
  ];
  return { id: 'mlperf-ic', name: 'IC ResNet-8 (MLPerf Tiny)', inputShape: [32, 32, 3], layers, description: 'Image classification on CIFAR-10, 32x32 RGB' };
}

function adSpec(): ModelSpec {
  const widths = [128, 128, 128, 128, 8, 128, 128, 128, 128];
  const layers: LayerSpec[] = widths.map((units, i) => ({ type: 'dense', name: `fc${i + 1}`, units, activation: 'relu' }));
  layers.push({ type: 'dense', name: 'out', units: 640 });
  return { id: 'mlperf-ad', name: 'AD FC autoencoder (MLPerf Tiny)', inputShape: [640], layers, description: 'Anomaly detection: reconstructs 5 frames x 128 log-mel bins' };
}

const m = (targetId: string, engine: 'cpu' | 'npu', ms: number): PublishedMeasurement => ({ targetId, engine, ms, source: ZOO });

export const MLPERF_TINY: MlperfModel[] = [
  {
    id: 'kws',
    task: 'Keyword spotting',
    spec: kwsSpec(),
    reference: { macs: 2.66e6, params: 22.6e3, peakActivationBytes: 16.0e3 },
    measured: [m('mcxn947', 'cpu', 62), m('mcxn947', 'npu', 3.33)],
    arenaBytes: { value: 17296, source: 'NXP measurement (TFLM tensor arena, KWS DS-CNN)' },
  },
  {
    id: 'vww',
    task: 'Visual wake words',
    spec: vwwSpec(),
    reference: { macs: 7.49e6, params: 211e3, peakActivationBytes: 55.3e3 },
    measured: [m('mcxn947', 'cpu', 194.3), m('mcxn947', 'npu', 6.38)],
  },
  {
    id: 'ic',
    task: 'Image classification',
    spec: icSpec(),
    reference: { macs: 12.5e6, params: 77.7e3, peakActivationBytes: 49.2e3 },
    measured: [m('mcxn947', 'cpu', 266.7), m('mcxn947', 'npu', 6.31)],
  },
  {
    id: 'ad',
    task: 'Anomaly detection',
    spec: adSpec(),
    // Peak activations 640 + 128 B ("0.8 KB" rounded in the reference table).
    reference: { macs: 0.264e6, params: 266e3, peakActivationBytes: 768 },
    measured: [m('mcxn947', 'cpu', 5.6), m('mcxn947', 'npu', 0.8)],
  },
];

/** Published measurements on a non-NXP reference device, shown for context (MLPerf Tiny v1.0). */
export const STM32F746_MS: Record<MlperfModel['id'], number> = { kws: 19.1, vww: 57.0, ic: 64.8, ad: 2.3 };
