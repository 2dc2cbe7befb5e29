/** Model-file reading: ModelSpec JSON and tfjs Layers model.json topologies → ModelSpec, errors naming the layer. */
import { describe, expect, it } from 'vitest';
import { analyzeSpec } from './analyze';
import { MAX_MODEL_JSON_BYTES, ModelFileError, parseModelFile } from './from-tfjs';
import { LENET5, MLP } from './zoo/mnist';

const seq = (layers: unknown[]) => ({ format: 'layers-model', modelTopology: { class_name: 'Sequential', config: { name: 'm', layers } } });
const L = (class_name: string, config: Record<string, unknown>) => ({ class_name, config });

describe('parseModelFile', () => {
  it('refuses JSON text over the size limit before parsing it', () => {
    const spec = JSON.stringify(MLP);
    expect(parseModelFile(spec.padEnd(MAX_MODEL_JSON_BYTES, ' ')).layers).toHaveLength(MLP.layers.length);
    expect(() => parseModelFile(spec.padEnd(MAX_MODEL_JSON_BYTES + 1, ' '))).toThrow(/over 5 MB are refused/);
  });
  it('reads a ModelSpec JSON unchanged', () => {
    expect(parseModelFile(JSON.stringify(LENET5))).toEqual(LENET5);
  });

  it('converts a tfjs Sequential LeNet (InputLayer, Conv2D, MaxPooling2D, Flatten, Dense) with the same costs as the zoo spec', () => {
    const spec = parseModelFile(
      seq([
        L('InputLayer', { name: 'input_1', batch_input_shape: [null, 28, 28, 1] }),
        L('Conv2D', { name: 'conv1', filters: 6, kernel_size: [5, 5], strides: [1, 1], padding: 'same', activation: 'relu' }),
        L('MaxPooling2D', { name: 'pool1', pool_size: [2, 2], strides: null, padding: 'valid' }),
        L('Conv2D', { name: 'conv2', filters: 16, kernel_size: 5, padding: 'valid', activation: 'relu' }),
        L('MaxPooling2D', { name: 'pool2', pool_size: [2, 2], strides: [2, 2] }),
        L('Flatten', { name: 'flatten' }),
        L('Dense', { name: 'fc1', units: 120, activation: 'relu' }),
        L('Dense', { name: 'fc2', units: 84, activation: 'relu' }),
        L('Dense', { name: 'logits', units: 10, activation: 'linear' }),
      ]),
    );
    const a = analyzeSpec(spec);
    const b = analyzeSpec(LENET5);
    expect(a.macs).toBe(b.macs);
    expect(a.params).toBe(b.params);
    expect(spec.inputShape).toEqual([28, 28, 1]);
  });

  it('maps ReLU(max_value=6) to relu6, Reshape to a flat shape to flatten, and Dropout / BatchNormalization', () => {
    const spec = parseModelFile(
      seq([
        L('Dense', { name: 'd1', units: 4, batch_input_shape: [null, 8] }),
        L('BatchNormalization', { name: 'bn', axis: -1 }),
        L('ReLU', { name: 'r', max_value: 6 }),
        L('Dropout', { name: 'drop', rate: 0.5 }),
        L('Reshape', { name: 'same', target_shape: [4] }),
        L('Dense', { name: 'd2', units: 2 }),
      ]),
    );
    expect(spec.layers.map((l) => l.type)).toEqual(['dense', 'batchNorm', 'activation', 'dropout', 'dense']);
    expect(spec.layers[2]).toMatchObject({ activation: 'relu6' });
  });

  it('reads Keras 3 style inbound nodes (keras_history) for functional models', () => {
    const node = (n: string) => ({ args: [{ class_name: '__keras_tensor__', config: { keras_history: [n, 0, 0] } }], kwargs: {} });
    const spec = parseModelFile({
      modelTopology: {
        class_name: 'Functional',
        config: {
          name: 'f',
          layers: [
            { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_shape: [null, 4] }, inbound_nodes: [] },
            { class_name: 'Dense', name: 'a', config: { name: 'a', units: 4 }, inbound_nodes: [node('x')] },
            { class_name: 'Dense', name: 'b', config: { name: 'b', units: 4 }, inbound_nodes: [node('a')] },
            { class_name: 'Add', name: 's', config: { name: 's' }, inbound_nodes: [{ args: [[{ class_name: '__keras_tensor__', config: { keras_history: ['b', 0, 0] } }, { class_name: '__keras_tensor__', config: { keras_history: ['a', 0, 0] } }]], kwargs: {} }] },
          ],
        },
      },
    });
    expect(spec.layers[2]).toEqual({ type: 'add', name: 's', inputs: ['b', 'a'] });
  });

  it('errors name the layer, its class and why', () => {
    const bad = (layers: unknown[]) => () => parseModelFile(seq(layers));
    expect(bad([L('Dense', { name: 'd', units: 4, batch_input_shape: [null, 8], activation: 'gelu' })])).toThrow(/layer 1 "d" \(Dense\): activation "gelu" is not supported/);
    expect(bad([L('Conv2D', { name: 'c', filters: 4, kernel_size: 3, batch_input_shape: [null, 8, 8, 1], dilation_rate: 2 })])).toThrow(/layer 1 "c" \(Conv2D\): dilated/);
    expect(bad([L('LSTM', { name: 'rnn', batch_input_shape: [null, 8, 8] })])).toThrow(ModelFileError);
    expect(bad([L('Dense', { name: 'd', units: 4, batch_input_shape: [null, null] })])).toThrow(/input shape is missing or not fixed/);
    expect(() => parseModelFile('{"foo": 1}')).toThrow(/neither a ModelSpec/);
    expect(() => parseModelFile('not json')).toThrow(/not valid JSON/);
    // A ModelSpec with a bad layer: the SpecError from analyzeSpec names it.
    expect(() => parseModelFile({ ...LENET5, layers: [{ type: 'dense', name: 'fc', units: 3 }] })).toThrow(/layer 1 "fc": expects a rank-1 input/);
  });
});
