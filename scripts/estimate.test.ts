/** The estimate CLI, run as a user would (spawned tsx): tables, JSON, and one-line errors with exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LENET5 } from '../src/core/model/zoo/mnist';

const dir = mkdtempSync(join(tmpdir(), 'estimate-cli-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/estimate.ts', ...args], { encoding: 'utf8', cwd: join(__dirname, '..') });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tfjsModel = {
  format: 'layers-model',
  modelTopology: {
    class_name: 'Model',
    config: {
      name: 'tiny_res',
      layers: [
        { class_name: 'InputLayer', name: 'in', config: { name: 'in', batch_input_shape: [null, 16, 16, 3] }, inbound_nodes: [] },
        { class_name: 'Conv2D', name: 'c1', config: { name: 'c1', filters: 8, kernel_size: [3, 3], strides: [1, 1], padding: 'same', activation: 'relu' }, inbound_nodes: [[['in', 0, 0, {}]]] },
        { class_name: 'Conv2D', name: 'c2', config: { name: 'c2', filters: 8, kernel_size: [3, 3], strides: [1, 1], padding: 'same', activation: 'linear' }, inbound_nodes: [[['c1', 0, 0, {}]]] },
        { class_name: 'Add', name: 'add', config: { name: 'add' }, inbound_nodes: [[['c2', 0, 0, {}], ['c1', 0, 0, {}]]] },
        { class_name: 'GlobalAveragePooling2D', name: 'gap', config: { name: 'gap' }, inbound_nodes: [[['add', 0, 0, {}]]] },
        { class_name: 'Dense', name: 'out', config: { name: 'out', units: 4, activation: 'linear' }, inbound_nodes: [[['gap', 0, 0, {}]]] },
      ],
      input_layers: [['in', 0, 0]],
      output_layers: [['out', 0, 0]],
    },
  },
  weightsManifest: [],
};

describe('npm run estimate', () => {
  it('prints a table for a ModelSpec on the default target', () => {
    const r = run(file('lenet.json', LENET5));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/LeNet-5 CNN: 61\.7 K parameters, 417 K MACs, int8/);
    expect(r.out).toMatch(/mcxn947\s+\d+(\.\d+)? KB\s+2\.00 MB/);
  });

  it('converts a functional tfjs model.json (skip connection) and estimates it on every target as JSON', () => {
    const r = run(file('model.json', tfjsModel), '--all', '--json', '--dtype', 'fp32');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.estimates).toHaveLength(8);
    expect(j.estimates[0].macs).toBe(16 * 16 * 27 * 8 + 16 * 16 * 72 * 8 + 8 * 4);
    expect(j.estimates[0].npu.available).toBe(false);
    expect(j.estimates[0].npu.reason).toMatch(/int8/);
  });

  it('unknown target: one line naming the known targets, non-zero exit', () => {
    const r = run(file('lenet2.json', LENET5), '--target', 'esp32');
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')[0]).toMatch(/^estimate: error: unknown target "esp32"; known targets: mcxn947/);
  });

  it('unreadable file and unsupported layer: one-line errors, exit 1', () => {
    const missing = run(join(dir, 'missing.json'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toMatch(/^estimate: error: cannot read .*missing\.json: ENOENT$/);
    const bad = structuredClone(tfjsModel);
    bad.modelTopology.config.layers[2].class_name = 'ZeroPadding2D';
    const unsupported = run(file('bad.json', bad));
    expect(unsupported.code).toBe(1);
    expect(unsupported.err.trim().split('\n')).toHaveLength(1);
    expect(unsupported.err).toMatch(/layer 3 "c2" \(ZeroPadding2D\): unsupported layer class/);
    const notJson = run(file('broken.json', '{"layers": ['));
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/not valid JSON/);
  });
});
