import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmGradientKernels } from '../../train/wasm-kernels';
import { buildDataset, prepareFor, TS_DEFAULTS, type TsRunSettings } from './lab-defaults';
import { anomalyAtThreshold, evaluateModel, quantizeAndEvaluate, trainModel } from './run';

beforeAll(async () => {
  registerWasmGradientKernels();
  await tf.setBackend('wasm');
  await tf.ready();
});

const opts = { batchSize: 32, learningRate: 0.003, seed: 1 };

describe('time-series training, evaluation and int8 PTQ', () => {
  it('classifies motor modes with the 1-D CNN, without leaking tensors', async () => {
    const s: TsRunSettings = { ...TS_DEFAULTS.classification, sampleRate: 500, windowLength: 128, stride: 64, recordings: 4, seconds: 1 };
    const p = prepareFor('classification', buildDataset('classification', 'motor', s), s);
    expect(p.inputShape).toEqual([128, 1, 3]);
    const before = tf.memory().numTensors;
    const { model, result } = await trainModel('cnn', p, { ...opts, epochs: 4 });
    expect(result.epochsDone).toBe(4);
    expect(result.history[3].loss).toBeLessThan(result.history[0].loss);
    const ev = evaluateModel('cnn', model, p);
    expect(ev.classification!.accuracy).toBeGreaterThan(2 / 7); // well above chance (1/7)
    const q = quantizeAndEvaluate('cnn', model, p, 1);
    expect(Math.abs(q.classification!.accuracy - ev.classification!.accuracy)).toBeLessThan(0.15);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains the autoencoder on normal windows only and scores faults higher', async () => {
    const s: TsRunSettings = { ...TS_DEFAULTS.anomaly, sampleRate: 500, windowLength: 128, stride: 64, recordings: 4, seconds: 1 };
    const p = prepareFor('anomaly', buildDataset('anomaly', 'motor', s), s);
    expect(p.train.anomalous.some(Boolean)).toBe(false);
    expect(p.test.anomalous.some(Boolean)).toBe(true);
    const before = tf.memory().numTensors;
    const { model } = await trainModel('autoencoder', p, { ...opts, epochs: 5 });
    const ev = evaluateModel('autoencoder', model, p).anomaly!;
    expect(ev.auc).toBeGreaterThan(0.8);
    const at = anomalyAtThreshold(ev, 95);
    expect(at.tp + at.fn).toBe(p.test.anomalous.filter(Boolean).length);
    const q = quantizeAndEvaluate('autoencoder', model, p, 1).anomaly!;
    expect(Math.abs(q.auc - ev.auc)).toBeLessThan(0.05);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Fed raw windows, the autoencoder reconstructs the flattened window.
    const raw = prepareFor('anomaly', buildDataset('anomaly', 'motor', s), { ...s, features: 'raw' });
    const ae = await trainModel('autoencoder', raw, { ...opts, epochs: 1 });
    expect(evaluateModel('autoencoder', ae.model, raw).anomaly!.scores.length).toBe(raw.test.count);
    ae.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // The baseline needs no training.
    expect(evaluateModel('distance', null, p).anomaly!.auc).toBeGreaterThan(0.8);
  });

  it('regresses the state of charge with an MLP on features (MSE through the shared loop)', async () => {
    const s: TsRunSettings = { ...TS_DEFAULTS.regression, recordings: 8 };
    const p = prepareFor('regression', buildDataset('regression', 'battery', s), s);
    const before = tf.memory().numTensors;
    const { model, result } = await trainModel('mlp', p, { ...opts, epochs: 8 });
    expect(Number.isNaN(result.history[0].accuracy)).toBe(true);
    const ev = evaluateModel('mlp', model, p).regression!;
    expect(ev.r2).toBeGreaterThan(0.5);
    expect(ev.mae).toBeLessThan(0.2);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
