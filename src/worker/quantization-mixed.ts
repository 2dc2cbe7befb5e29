/**
 * engine.quantization.mixedPrecision: the per-layer sensitivity scan and the size–accuracy Pareto
 * front of weight-bit assignments (core: mixed-precision.ts). PTQ with the page's settings; ranges are
 * calibrated once (they depend on the float activations, not on the weight bits), then every
 * assignment is converted and its fake-quant accuracy measured on the 2,000 test images.
 */
import type * as tf from '@tensorflow/tfjs';
import { calibrateModel, convertAndEvaluate, type PtqOptions } from '../core/techniques/quantization/pipeline';
import { greedyPath, paretoFront, sensitivityScan, weightBytes, type Assignment, type LayerBits } from '../core/techniques/quantization/mixed-precision';
import { quantizedModelBytes } from '../core/techniques/quantization/quantize-model';
import { getData, getSlot, hasSlot, runJob } from './context';
import type { MixedPrecisionReport, MixedPrecisionRequest } from './protocol/quantization';

const FLOAT = 'quant:float';
const SCRATCH = 'quant:scratch';
/** Uniform assignments always shown on the chart besides the greedy path. */
const UNIFORM = [8, 6, 4, 3, 2];

export function mixedPrecisionJob(req: MixedPrecisionRequest, onProgress?: (done: number, total: number) => void): Promise<MixedPrecisionReport> {
  return runJob('mixed-precision scan', async (signal) => {
    if (!hasSlot(FLOAT)) throw new Error('call prepare() first (it copies the baseline)');
    const { tensors, raw } = getData();
    const float = getSlot(FLOAT).model;
    const scratch = getSlot(SCRATCH).model;
    const weights = float.getWeights();
    const kernels = weights.filter((w) => w.role === 'kernel');
    const perLayer = Object.fromEntries(kernels.map((k) => [k.layer, k.data.length]));
    const layers = kernels.map((k) => k.layer);
    const o: PtqOptions = { ...req, weightBits: req.refBits, layerBits: undefined };
    const xs: tf.Tensor = tensors.train.xs.slice(0, Math.max(1, Math.min(req.calibrationSamples, tensors.train.count)));
    let ranges: Record<string, [number, number]>;
    try {
      ranges = { ...calibrateModel(float, xs, o).ranges, ...req.rangeOverrides };
    } finally {
      xs.dispose();
    }
    const levels = [req.refBits, ...req.lowBits.filter((b) => b < req.refBits)].sort((a, b) => b - a);
    const total = 1 + layers.length * (levels.length - 1) + layers.length * (levels.length - 1) + UNIFORM.length;
    let done = 0;
    const cache = new Map<string, { accuracy: number; modelBytes: number }>();
    const measure = async (bits: LayerBits) => {
      const key = layers.map((l) => bits[l]).join(',');
      let m = cache.get(key);
      if (!m) {
        await new Promise((r) => setTimeout(r, 0)); // lets "Stop" arrive between conversions
        const fq = convertAndEvaluate(float, scratch, ranges, { ...o, layerBits: bits }, tensors.test.xs, raw.test.labels);
        m = { accuracy: fq.accuracy, modelBytes: quantizedModelBytes(fq.qm) };
        cache.set(key, m);
      }
      onProgress?.(++done, total);
      return m;
    };
    const scan = await sensitivityScan(layers, levels.slice(1), req.refBits, async (b) => (await measure(b)).accuracy, { signal });
    const assignments: Assignment[] = [];
    const add = async (bits: LayerBits, origin: string) => {
      if (signal.aborted) return;
      const m = await measure(bits);
      assignments.push({ bits, bytes: m.modelBytes, accuracy: m.accuracy, origin });
    };
    for (const b of UNIFORM) await add(Object.fromEntries(layers.map((l) => [l, b])), `uniform ${b} bit`);
    const path = greedyPath(perLayer, levels, scan.rows);
    for (let i = 0; i < path.length; i++) await add(path[i], `greedy step ${i + 1}`);
    const front = new Set(paretoFront(assignments));
    return {
      request: req,
      layers: layers.map((l) => ({ layer: l, weights: perLayer[l], bytesAtRef: weightBytes({ [l]: perLayer[l] }, { [l]: req.refBits }) })),
      reference: scan.reference,
      rows: scan.rows,
      assignments: assignments.map((a, i) => ({ ...a, front: front.has(i) })),
      stopped: signal.aborted,
    };
  });
}
