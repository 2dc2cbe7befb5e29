/**
 * Published measurements outside MLPerf Tiny, used as sanity checks of the figures marked
 * "assumed" (shown on the Devices page, checked loosely in calibration.test.ts).
 */
import type { LayerSpec, ModelSpec } from '../model/spec';

export interface ReferencePoint {
  id: string;
  spec: ModelSpec;
  targetId: string;
  engine: 'cpu' | 'npu';
  ms: number;
  source: string;
  /** What the source leaves open (threads, runtime version...). */
  caveat?: string;
}

/** MobileNetV2 1.0 at 224x224 (Sandler et al., 2018): 300.8 M MACs, 3.49 M parameters (BN folded). */
export function mobilenetV2(): ModelSpec {
  const layers: LayerSpec[] = [{ type: 'conv2d', name: 'conv0', filters: 32, kernel: 3, stride: 2, padding: 'same', activation: 'relu6' }];
  // (expansion t, output channels c, repeats n, first stride s) per stage.
  const stages: [number, number, number, number][] = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2], [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1]];
  let cin = 32;
  let prev = 'conv0';
  let b = 0;
  for (const [t, c, n, s] of stages) {
    for (let r = 0; r < n; r++) {
      const id = `b${b++}`;
      const stride = r === 0 ? s : 1;
      if (t !== 1) layers.push({ type: 'conv2d', name: `${id}_expand`, filters: cin * t, kernel: 1, activation: 'relu6', inputs: [prev] });
      layers.push({ type: 'depthwiseConv2d', name: `${id}_dw`, kernel: 3, stride, padding: 'same', activation: 'relu6', ...(t === 1 ? { inputs: [prev] } : {}) });
      layers.push({ type: 'conv2d', name: `${id}_project`, filters: c, kernel: 1 });
      prev = `${id}_project`;
      if (stride === 1 && cin === c) {
        layers.push({ type: 'add', name: `${id}_add`, inputs: [prev, lastOutputBefore(layers, id)] });
        prev = `${id}_add`;
      }
      cin = c;
    }
  }
  layers.push(
    { type: 'conv2d', name: 'conv_last', filters: 1280, kernel: 1, activation: 'relu6' },
    { type: 'globalAvgPool2d', name: 'gap' },
    { type: 'dense', name: 'logits', units: 1000 },
  );
  return { id: 'mobilenet-v2', name: 'MobileNetV2 1.0 (224x224)', inputShape: [224, 224, 3], layers, description: 'ImageNet classifier, Sandler et al. 2018' };
}

/** The tensor that entered block `id` (the residual shortcut): the layer before its first layer. */
function lastOutputBefore(layers: LayerSpec[], id: string): string {
  const first = layers.findIndex((l) => l.name.startsWith(`${id}_`));
  return layers[first - 1].name;
}

export const REFERENCE_POINTS: ReferencePoint[] = [
  {
    id: 'mnv2-imx95-npu',
    spec: mobilenetV2(),
    targetId: 'imx95',
    engine: 'npu',
    ms: 3.17,
    source: 'Toradex community forum, Verdin iMX95, BSP 6.6.36, eIQ 1.16, per-channel int8',
  },
  {
    id: 'mnv2-imx95-cpu',
    spec: mobilenetV2(),
    targetId: 'imx95',
    engine: 'cpu',
    ms: 37.21,
    source: 'Toradex community forum, Verdin iMX95 (same post)',
    caveat: 'thread count not stated; the estimate is for one A55 thread',
  },
];
