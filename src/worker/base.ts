/**
 * The base engine API (BaseEngineApi in protocol.ts): backend, data, model slots, training,
 * evaluation, prediction, weights and the persisted baseline. Lab namespaces live next to it.
 */
import * as tf from '@tensorflow/tfjs';
import { transfer } from 'comlink';
import { initBackend } from '../core/train/backend';
import { evaluate, predictProbabilities, trainLoop } from '../core/train/loop';
import { imagesToFloat, TEST_SIZE, TRAIN_SIZE } from '../core/data/mnist';
import type { WeightSet } from '../core/model/spec';
import {
  beginJob, cacheInfos, createSlot, disposeSlot, endJob, ensureData, getData, getSlot, hasSlot, memorySnapshot, runJob, stopJob, throttle, workerConfig,
} from './context';
import { loadModelRecord, saveModelRecord } from './model-records';
import { saveTrainedRun } from './shelf';
import { SLOTS, type BackendName, type BaseEngineApi, type EvalResult, type MemoryInfo, type SavedBaseline, type TrainEvent, type TrainResult } from './protocol';


/** Weight arrays go to the page as transferables (no copy; the worker keeps its own tensors). */
function transferWeights(w: WeightSet): WeightSet {
  return transfer(w, w.map((t) => t.data.buffer as ArrayBuffer));
}

export function createBaseApi(): BaseEngineApi {
  return {
    async init(backend: BackendName, threads?: number) {
      return initBackend(backend, { wasmPaths: workerConfig.wasmPaths, threads });
    },

    async loadData(onProgress) {
      // Fetch reports every network chunk (~100 of them); the page needs ≤ 10/s and the final one.
      const progress = throttle<[number, number]>(onProgress ? ([l, t]) => onProgress(l, t) : undefined);
      await ensureData((l, t) => progress.push([l, t], l >= t));
      progress.flush();
      return { train: TRAIN_SIZE, test: TEST_SIZE };
    },

    async createModel(slot, spec, seed, weights) {
      createSlot(slot, spec, seed, weights);
    },

    async hasModel(slot) {
      return hasSlot(slot);
    },

    async disposeModel(slot) {
      disposeSlot(slot);
    },

    async train(slot, settings, onEvent): Promise<TrainResult> {
      const { model } = getSlot(slot);
      const { tensors } = getData();
      return runJob('training', async (signal) => {
        const events = throttle<TrainEvent>(onEvent);
        const r = await trainLoop({
          model,
          train: { xs: tensors.train.xs, labels: tensors.train.labels },
          test: { xs: tensors.test.xs, labels: tensors.test.labels },
          epochs: settings.epochs,
          batchSize: settings.batchSize,
          learningRate: settings.learningRate,
          optimizer: settings.optimizer,
          seed: settings.seed,
          trainSamples: settings.trainSamples,
          evaluateEachEpoch: settings.evaluateEachEpoch,
          signal,
          onBatch: (e) => events.push(e, e.batch === e.batchesPerEpoch - 1),
          onEpoch: (e) => events.push(e, true),
        });
        events.flush();
        return { stopped: r.stopped, epochsDone: r.epochsDone, testAccuracy: r.testAccuracy, testLoss: r.testLoss, history: r.history };
      });
    },

    async beginJob(jobId) {
      beginJob(jobId);
    },

    async endJob(jobId) {
      endJob(jobId);
    },

    async stop(jobId) {
      stopJob(jobId);
    },

    async evaluate(slot): Promise<EvalResult> {
      const { model } = getSlot(slot);
      const { tensors } = getData();
      return evaluate(model, tensors.test.xs, tensors.test.labels, { maxMisclassified: 24 });
    },

    async predict(slot, pixels) {
      return predictProbabilities(getSlot(slot).model, pixels)[0];
    },

    async getWeights(slot) {
      return transferWeights(getSlot(slot).model.getWeights());
    },

    async setWeights(slot, weights) {
      getSlot(slot).model.setWeights(weights);
    },

    async copyModel(from, to) {
      const src = getSlot(from);
      if (from === to) return;
      createSlot(to, src.spec, src.seed, src.model.getWeights());
    },

    async saveBaseline(slot, testAccuracy, origin): Promise<SavedBaseline> {
      const src = getSlot(slot);
      const saved: SavedBaseline = { spec: src.spec, testAccuracy, savedAt: new Date().toISOString() };
      // A failed write keeps the baseline for this session; db.ts reports the fault (a page notice).
      await saveModelRecord('baseline', { ...saved, seed: src.seed, weights: src.model.getWeights() });
      if (slot !== SLOTS.baseline) createSlot(SLOTS.baseline, src.spec, src.seed, src.model.getWeights());
      await saveTrainedRun(slot, testAccuracy, origin); // every completed training run is also a shelf version
      return saved;
    },

    async loadBaseline(): Promise<SavedBaseline | null> {
      const b = await loadModelRecord('baseline'); // validated: a damaged record is listed, never used
      if (!b) return null;
      createSlot(SLOTS.baseline, b.spec, b.seed, b.weights);
      return { spec: b.spec, testAccuracy: b.testAccuracy, savedAt: b.savedAt ?? new Date(0).toISOString() };
    },

    async testSamples(indices) {
      const { raw } = getData();
      const pixels = imagesToFloat(raw.test, indices);
      const labels = Uint8Array.from(indices, (i) => raw.test.labels[i]);
      return transfer({ pixels, labels }, [pixels.buffer, labels.buffer]);
    },

    async memory(): Promise<MemoryInfo> {
      const m = memorySnapshot();
      return { numTensors: m.numTensors, numBytes: m.numBytes, backend: (m.backend || tf.getBackend()) as BackendName, caches: cacheInfos() };
    },
  };
}
