/**
 * engine.recordings.*: the recordings an instructor prepares for a class, and the measured teacher
 * speed behind Distillation's "Teacher training time". One IndexedDB store ("recordings", db.ts):
 * keys "teacher", "nas" and "teacher-rate:<backend>". Every read is validated (src/core/recordings);
 * a damaged or foreign record is reported with its reason and never used.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../core/model/build';
import { zooSpec } from '../core/model/zoo/mnist';
import type { ModelSpec } from '../core/model/spec';
import { trainLoop } from '../core/train/loop';
import { TEACHER_TRAINING } from '../core/techniques/distillation/defaults';
import {
  RECORDING_FORMAT, validateNasRecording, validateTeacherRecording, type NasRecording, type TeacherRecording,
} from '../core/recordings/recording';
import { betterRate, rateFromProbe, rateFromTraining, validateRate, type TeacherRate } from '../core/recordings/teacher-speed';
import { getData, getSlot, hasSlot, runJob } from './context';
import { dbDelete, dbGet, dbPut, type WriteOutcome } from './db';
import { installTeacher } from './distillation';
import { SLOTS } from './protocol';
import type { RecordingsApi, RecordingWrite } from './protocol/recordings';

const STORE = 'recordings';
const rateKey = (backend: string, source: TeacherRate['source']) => `teacher-rate:${backend}:${source}`;
/** Batches timed by the probe, after one untimed warm-up batch (kernel set-up, optimizer slots). */
const PROBE_BATCHES = 4;

const written = (w: WriteOutcome): RecordingWrite => (w.persisted ? { persisted: true } : { persisted: false, message: w.fault.message });

async function loadTeacher() {
  const raw = await dbGet(STORE, 'teacher');
  return raw === undefined ? null : validateTeacherRecording(raw);
}

async function storeRate(rate: TeacherRate | null): Promise<TeacherRate | null> {
  if (rate) await dbPut(STORE, rateKey(rate.backend, rate.source), rate);
  return rate;
}

export const recordingsApi: RecordingsApi = {
  async teacher() {
    const r = await loadTeacher();
    if (!r) return { status: 'none' };
    if (!r.ok) return { status: 'rejected', reason: r.reason };
    const { model, ...rest } = r.value;
    return { status: 'ok', recording: { ...rest, modelName: model.spec.name, testAccuracy: model.testAccuracy, seed: model.seed } };
  },

  async recordTeacher({ durationMs, settings, history }) {
    if (!hasSlot(SLOTS.teacher)) throw new Error('there is no trained teacher to record');
    const slot = getSlot(SLOTS.teacher);
    const last = history[history.length - 1];
    const rec: TeacherRecording = {
      format: RECORDING_FORMAT, kind: 'teacher', recordedAt: new Date().toISOString(), backend: tf.getBackend(), durationMs, settings,
      model: { spec: slot.spec, weights: slot.model.getWeights(), seed: slot.seed, testAccuracy: last?.testAccuracy ?? NaN },
      history,
    };
    const check = validateTeacherRecording(rec);
    if (!check.ok) throw new Error(`the teacher could not be recorded: ${check.reason}`);
    return written(await dbPut(STORE, 'teacher', rec));
  },

  async useTeacher() {
    const r = await loadTeacher();
    if (!r) throw new Error('there is no recorded teacher; prepare one first');
    if (!r.ok) throw new Error(`the recorded teacher cannot be used: ${r.reason}`);
    return installTeacher(r.value.model);
  },

  async nas() {
    const raw = await dbGet(STORE, 'nas');
    if (raw === undefined) return { status: 'none' };
    const r = validateNasRecording(raw);
    return r.ok ? { status: 'ok', recording: r.value } : { status: 'rejected', reason: r.reason };
  },

  async recordNas({ durationMs, settings, run }) {
    const rec: NasRecording = { format: RECORDING_FORMAT, kind: 'nas', recordedAt: new Date().toISOString(), backend: tf.getBackend(), durationMs, settings, run };
    const check = validateNasRecording(rec);
    if (!check.ok) throw new Error(`the search could not be recorded: ${check.reason}`);
    return written(await dbPut(STORE, 'nas', check.value));
  },

  async remove(kind) {
    await dbDelete(STORE, kind);
  },

  async teacherRate() {
    const backend = tf.getBackend();
    const [training, probe] = await Promise.all([dbGet(STORE, rateKey(backend, 'training')), dbGet(STORE, rateKey(backend, 'probe'))]);
    return betterRate(validateRate(training), validateRate(probe));
  },

  saveTeacherRate: ({ durationMs, epochs }) => storeRate(rateFromTraining(tf.getBackend(), durationMs, epochs)),

  measureTeacherSpeed: () => runJob('teacher speed', (signal) => probeSpeed(zooSpec('teacher'), signal)),
};

/** Times PROBE_BATCHES training batches of `spec` with the teacher's settings (tests pass a smaller model). */
export async function probeSpeed(spec: ModelSpec, signal?: AbortSignal): Promise<TeacherRate | null> {
  const { tensors } = getData();
  const { batchSize } = TEACHER_TRAINING;
  const model = buildModel(spec, TEACHER_TRAINING.seed);
  const ends: number[] = [];
  try {
    await trainLoop({
      model,
      train: { xs: tensors.train.xs, labels: tensors.train.labels },
      epochs: 1,
      trainSamples: (PROBE_BATCHES + 1) * batchSize,
      batchSize,
      learningRate: TEACHER_TRAINING.learningRate,
      optimizer: TEACHER_TRAINING.optimizer,
      seed: TEACHER_TRAINING.seed,
      evaluateEachEpoch: false,
      signal,
      reportIntervalMs: 0,
      onBatch: () => ends.push(performance.now()),
    });
  } finally {
    model.dispose();
  }
  if (signal?.aborted || ends.length < 2) return null;
  const ms = ends[ends.length - 1] - ends[0];
  const rate = rateFromProbe(tf.getBackend(), { ms, batches: ends.length - 1, batchSize }, { trainSamples: tensors.train.xs.shape[0], testSamples: tensors.test.xs.shape[0] });
  return storeRate(rate);
}
