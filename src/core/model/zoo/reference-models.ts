/**
 * Published reference networks as ModelSpecs, for validating the device estimator on models it was
 * not fitted to. MobileNet V1 is written the way Keras builds it (bias-less convolutions followed by
 * batch norm), so its spec has training parameters (with BN) and deployed parameters (BN folded):
 * both are checked against published counts in reference-models.test.ts.
 */
import type { Conv2dLayer, LayerSpec, ModelSpec } from '../spec';

/**
 * MobileNet V1 (Howard et al., 2017) with width multiplier `alpha` at `res`x`res`x`channels` input.
 * 1.0/224/1000: 569 M MACs, 4.2 M parameters (the paper); Keras reports 4,253,864 training
 * parameters including batch norm. TF-slim checkpoints use 1001 classes (background + 1000).
 */
export function mobilenetV1(alpha = 1, res = 224, classes = 1000, channels = 3): ModelSpec {
  const w = (c: number) => Math.max(8, Math.round(c * alpha));
  const layers: LayerSpec[] = [];
  const convBn = (name: string, filters: number, kernel: number, stride: number): void => {
    const conv: Conv2dLayer = { type: 'conv2d', name, filters, kernel, stride, padding: 'same', useBias: false };
    layers.push(conv, { type: 'batchNorm', name: `${name}_bn` }, { type: 'activation', name: `${name}_relu6`, activation: 'relu6' });
  };
  convBn('conv1', w(32), 3, 2);
  // (pointwise filters, depthwise stride) per depthwise-separable block, as in the paper's Table 1.
  const blocks: [number, number][] = [[64, 1], [128, 2], [128, 1], [256, 2], [256, 1], [512, 2], [512, 1], [512, 1], [512, 1], [512, 1], [512, 1], [1024, 2], [1024, 1]];
  blocks.forEach(([f, s], i) => {
    layers.push(
      { type: 'depthwiseConv2d', name: `dw${i + 1}`, kernel: 3, stride: s, padding: 'same', useBias: false },
      { type: 'batchNorm', name: `dw${i + 1}_bn` },
      { type: 'activation', name: `dw${i + 1}_relu6`, activation: 'relu6' },
    );
    convBn(`pw${i + 1}`, w(f), 1, 1);
  });
  layers.push({ type: 'globalAvgPool2d', name: 'gap' }, { type: 'dense', name: 'logits', units: classes, activation: 'softmax' });
  return {
    id: `mobilenet-v1-${alpha}-${res}${channels === 1 ? '-gray' : ''}`,
    name: `MobileNetV1 ${alpha === 1 ? '1.0' : alpha} (${res}x${res}${channels === 1 ? ' grey' : ''})`,
    inputShape: [res, res, channels],
    layers,
    description: `Howard et al. 2017, width ${alpha}, ${classes} classes`,
  };
}

/**
 * TFLM's person_detection example model: MobileNet V1 0.25 on a 96x96 greyscale image, two
 * classes (tensorflow/tflite-micro, examples/person_detection; ~300 KB int8 .tflite).
 */
export function personDetect(): ModelSpec {
  return { ...mobilenetV1(0.25, 96, 2, 1), id: 'tflm-person-detect', name: 'TFLM person_detect (MobileNetV1 0.25, 96x96 grey)' };
}

/**
 * TFLM's micro_speech example model ("tiny_conv"): 49x40 spectrogram, one 10x8 conv with 8
 * filters and stride 2, then a fully connected layer to 4 classes (tensorflow/tflite-micro,
 * examples/micro_speech; ~18.8 KB int8 .tflite).
 */
export function microSpeech(): ModelSpec {
  return {
    id: 'tflm-micro-speech',
    name: 'TFLM micro_speech (tiny_conv)',
    inputShape: [49, 40, 1],
    layers: [
      { type: 'conv2d', name: 'conv', filters: 8, kernel: [10, 8], stride: 2, padding: 'same', activation: 'relu' },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc', units: 4, activation: 'softmax' },
    ],
    description: 'Yes/no keyword spotting, 4 classes',
  };
}

/**
 * The CifarNet of the MCUXpresso SDK tflm_cifar10 example: three 5x5 convolutions (32, 32, 64
 * filters) each followed by ReLU and 2x2 max pooling, then a fully connected layer to 10 classes.
 * The SDK readme gives the layer types and "model size 91 KB"; the filter counts are those of the
 * CMSIS-NN CIFAR-10 example it was made to match, which give 89.4 K int8 weights (≈ 91 KB).
 */
export function cifarNet(): ModelSpec {
  const conv = (name: string, filters: number): Conv2dLayer => ({ type: 'conv2d', name, filters, kernel: 5, padding: 'same', activation: 'relu' });
  return {
    id: 'sdk-cifarnet',
    name: 'CifarNet (MCUXpresso SDK tflm_cifar10)',
    inputShape: [32, 32, 3],
    layers: [
      conv('conv1', 32),
      { type: 'maxPool2d', name: 'pool1', pool: 2 },
      conv('conv2', 32),
      { type: 'maxPool2d', name: 'pool2', pool: 2 },
      conv('conv3', 64),
      { type: 'maxPool2d', name: 'pool3', pool: 2 },
      { type: 'flatten', name: 'flatten' },
      { type: 'dense', name: 'fc', units: 10, activation: 'softmax' },
    ],
    description: 'CIFAR-10 classifier, 32x32 RGB',
  };
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
      const blockInput = prev;
      if (t !== 1) layers.push({ type: 'conv2d', name: `${id}_expand`, filters: cin * t, kernel: 1, activation: 'relu6', inputs: [prev] });
      layers.push({ type: 'depthwiseConv2d', name: `${id}_dw`, kernel: 3, stride, padding: 'same', activation: 'relu6', ...(t === 1 ? { inputs: [prev] } : {}) });
      layers.push({ type: 'conv2d', name: `${id}_project`, filters: c, kernel: 1 });
      prev = `${id}_project`;
      if (stride === 1 && cin === c) {
        layers.push({ type: 'add', name: `${id}_add`, inputs: [prev, blockInput] });
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
