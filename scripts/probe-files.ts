/**
 * Hostile model files for `npm run probe` (scripts/probe.ts): broken and foreign JSON, nesting that
 * would overflow a recursive reader, sizes that are not finite or would exhaust memory, names that are
 * not strings or hold markup, graphs that cycle, and .tflite files truncated, bit-flipped or pointing
 * outside themselves — each built from a valid export, so the reader's checks are what is probed.
 * `expect` is what the page must show: an estimate (the controls, and files that are odd but sound),
 * a named error, or either (a flipped byte may land in a field the reader does not use).
 */
import { LENET5, MLP } from '../src/core/model/zoo/mnist';
import { analyzeSpec } from '../src/core/model/analyze';
import type { ModelSpec, WeightSet } from '../src/core/model/spec';
import { mulberry32 } from '../src/core/data/random';
import { planQuantization } from '../src/core/techniques/quantization/graph';
import { quantizeForTflite, toTfliteGraph, writeTflite } from '../src/core/export';
import { MARKUP } from '../src/store/settings-fuzz';

export type Outcome = 'estimate' | 'error' | 'either';
export interface HostileFile { family: string; name: string; bytes: Uint8Array; expect: Outcome }

const text = (s: string) => new TextEncoder().encode(s);

function weightsOf(spec: ModelSpec): WeightSet {
  const rand = mulberry32(7);
  return analyzeSpec(spec).layers.flatMap((li, i) => {
    const l = spec.layers[i];
    if (l.type !== 'dense' && l.type !== 'conv2d') return [];
    const cin = li.inputShapes[0][li.inputShapes[0].length - 1];
    const shape = l.type === 'dense' ? [li.inputShapes[0].reduce((a, b) => a * b, 1), l.units] : [Number(l.kernel), Number(l.kernel), cin, l.filters];
    const n = shape.reduce((a, b) => a * b, 1);
    return [
      { layer: l.name, role: 'kernel' as const, shape, data: Float32Array.from({ length: n }, () => rand() - 0.5) },
      { layer: l.name, role: 'bias' as const, shape: [li.outChannels], data: new Float32Array(li.outChannels).fill(0.01) },
    ];
  });
}

function tflite(spec: ModelSpec): Uint8Array {
  const ranges = Object.fromEntries(planQuantization(spec).calibrated.map((t) => [t, [-2, 6] as [number, number]]));
  return writeTflite(toTfliteGraph(quantizeForTflite(spec, weightsOf(spec), ranges), 'int8'));
}

/** A tfjs Layers model.json with the given layers (the first gets the input shape). */
function keras(layers: unknown[], name: unknown = 'probe'): string {
  return JSON.stringify({ format: 'layers-model', modelTopology: { class_name: 'Sequential', config: { name, layers } } });
}
const conv = { class_name: 'Conv2D', config: { name: 'conv', batch_input_shape: [null, 28, 28, 1], filters: 4, kernel_size: 3 } };
const dense = (units: unknown, name: unknown = 'out') => ({ class_name: 'Dense', config: { name, units } });
const flat = { class_name: 'Flatten', config: { name: 'flat' } };

export function hostileModelFiles(): HostileFile[] {
  const out: HostileFile[] = [];
  const json = (family: string, name: string, body: string, expect: Outcome = 'error') => out.push({ family, name: `${name}.json`, bytes: text(body), expect });
  const bin = (family: string, name: string, bytes: Uint8Array, expect: Outcome = 'error') => out.push({ family, name: `${name}.tflite`, bytes, expect });

  // Controls: valid files must be estimated.
  json('control', 'keras-ok', keras([conv, flat, dense(10)]), 'estimate');
  json('control', 'spec-ok', JSON.stringify(MLP), 'estimate');
  const lenet = tflite(LENET5);
  bin('control', 'lenet-ok', lenet, 'estimate');

  // Broken or foreign JSON.
  for (const [n, body] of Object.entries({ cut: '{"modelTopology": ', empty: '', nul: 'null', array: '[]', number: '42', string: '"model"', bom: '\ufeff{}', nan: '{"units": NaN}' })) json('broken JSON', `json-${n}`, body);
  const rand = mulberry32(3);
  json('broken JSON', 'json-binary', String.fromCharCode(...Array.from({ length: 2048 }, () => Math.floor(rand() * 256))));

  // Nesting a recursive reader would not survive.
  json('deep nesting', 'deep-array', '['.repeat(200_000) + ']'.repeat(200_000));
  json('deep nesting', 'deep-object', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
  json('deep nesting', 'deep-config', keras([conv, flat, { class_name: 'Dense', config: JSON.parse('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)) }]));

  // Sizes: not finite, not whole, negative, or far too large.
  for (const [n, units] of Object.entries({ '1e308': 1e308, inf: '1e999', neg: -3, half: 2.5, zero: 0, huge: 1e9, obj: { v: 1 } })) {
    json('sizes', `units-${n}`, keras([conv, flat, dense(0)]).replace('"units":0', `"units":${units === '1e999' ? units : JSON.stringify(units)}`));
  }
  // A number written as text is read as that number (Keras files from other writers do this).
  json('sizes', 'units-str', keras([conv, flat, dense('10')]), 'estimate');
  json('sizes', 'input-huge', keras([{ ...conv, config: { ...conv.config, batch_input_shape: [null, 1e6, 1e6, 3] } }, flat, dense(10)]));
  json('sizes', 'kernel-zero', keras([{ ...conv, config: { ...conv.config, kernel_size: 0 } }, flat, dense(10)]));
  // Big but finite: estimated, and the table says no part holds it.
  json('sizes', 'spec-huge', JSON.stringify({ ...MLP, layers: MLP.layers.map((l) => (l.type === 'dense' ? { ...l, units: 300_000 } : l)) }), 'estimate');
  json('sizes', 'many-layers', keras([conv, ...Array.from({ length: 20_000 }, (_, i) => ({ class_name: 'ReLU', config: { name: `r${i}` } })), flat, dense(10)]));
  json('sizes', 'big-file', keras([conv, flat, dense(10)]).replace('"probe"', JSON.stringify('p'.repeat(40 * 2 ** 20))));

  // Names and keys.
  // Keras layer names are read as text; markup stays text (the page check fails any element made of it).
  json('names', 'name-object', keras([conv, flat, dense(10, { evil: 1 })]), 'either');
  json('names', 'name-markup', keras([conv, flat, dense(10, MARKUP)], MARKUP), 'either');
  json('names', 'name-long', keras([conv, flat, dense(10, 'n'.repeat(400_000))]));
  json('names', 'model-name-long', keras([conv, flat, dense(10)], 'm'.repeat(100_000)));
  json('names', 'name-proto', keras([conv, flat, dense(10, '__proto__')], 'constructor'), 'either');
  json('names', 'spec-name-object', JSON.stringify({ ...MLP, name: { evil: 1 } }));
  json('names', 'spec-layer-name-array', JSON.stringify({ ...MLP, layers: MLP.layers.map((l, i) => (i === 1 ? { ...l, name: ['a'] } : l)) }));
  json('names', 'proto-pollution', '{"__proto__": {"polluted": 1}, "format": "layers-model", "modelTopology": {"class_name": "Sequential", "config": {"name": "p", "layers": []}}}');

  // Structure.
  json('structure', 'lstm', keras([conv, { class_name: 'LSTM', config: { name: 'rnn', units: 8 } }]));
  json('structure', 'no-config', keras([conv, { class_name: 'Dense' }]));
  json('structure', 'layers-object', JSON.stringify({ modelTopology: { class_name: 'Sequential', config: { name: 'x', layers: { 0: conv } } } }));
  json('structure', 'no-input-shape', keras([flat, dense(10)]));
  json('structure', 'functional-cycle', JSON.stringify({
    modelTopology: { class_name: 'Functional', config: {
      name: 'cyc', input_layers: [['in', 0, 0]], output_layers: [['b', 0, 0]],
      layers: [
        { class_name: 'InputLayer', name: 'in', config: { name: 'in', batch_input_shape: [null, 4] }, inbound_nodes: [] },
        { class_name: 'Dense', name: 'a', config: { name: 'a', units: 4 }, inbound_nodes: [[['b', 0, 0, {}]]] },
        { class_name: 'Dense', name: 'b', config: { name: 'b', units: 4 }, inbound_nodes: [[['a', 0, 0, {}]]] },
      ] } },
  }));
  json('structure', 'functional-missing', JSON.stringify({
    modelTopology: { class_name: 'Functional', config: {
      name: 'miss', input_layers: [['in', 0, 0]], output_layers: [['a', 0, 0]],
      layers: [{ class_name: 'Dense', name: 'a', config: { name: 'a', units: 4 }, inbound_nodes: [[['ghost', 0, 0, {}]]] }] } },
  }));

  // .tflite: truncated, foreign, bit-flipped, offsets pointing outside the file, too large.
  for (const f of [0, 4, 8, 16, 64, 0.25, 0.5, 0.75, 0.99]) bin('tflite truncated', `cut-${f}`, lenet.subarray(0, f < 1 ? Math.floor(lenet.length * f) : f));
  bin('tflite foreign', 'png', text('\x89PNG\r\n\x1a\n0000000000000000'));
  bin('tflite foreign', 'zeros', new Uint8Array(4096));
  bin('tflite foreign', 'json-named-tflite', text(JSON.stringify(MLP)));
  for (let k = 0; k < 12; k++) {
    const r = mulberry32(100 + k);
    const b = lenet.slice();
    // Flip bytes in the first 4 KB (tables, vtables, offsets), where a reader must check every offset.
    for (let j = 0; j < 16; j++) b[Math.floor(r() * Math.min(4096, b.length))] ^= 1 << Math.floor(r() * 8);
    bin('tflite bit flips', `flip-${k}`, b, 'either');
  }
  for (let k = 0; k < 6; k++) {
    const b = lenet.slice();
    new DataView(b.buffer).setUint32(4 * (k + 1) + (k % 2 ? 0 : 24), [0xffffffff, 0x7ffffff0, b.length, b.length - 2, 0x80000000, 1][k], true);
    bin('tflite bad offsets', `offset-${k}`, b, 'either');
  }
  const big = new Uint8Array(21 * 2 ** 20);
  big.set(lenet.subarray(0, 8));
  bin('tflite too large', 'big', big);
  return out;
}
