/**
 * What the Distillation page's buttons do. Called from click handlers only — never from effects
 * (StrictMode runs effects twice) — except `refreshTeacher` and `refreshSoftTargets`, which only read.
 */
import { zooSpec } from '../../core/model/zoo/mnist';
import type { ModelSpec } from '../../core/model/spec';
import { scaleWidth } from '../../core/techniques/distillation/student';
import type { StudentKind } from '../../core/techniques/distillation/run';
import { reportSpeed } from '../../store/engine';
import { runJob, stopJob, type JobHandle } from '../../store/jobs';
import { whenEngineReady } from '../../store/engine-boot';
import { errorText, pushNotice } from '../../store/notices';
import type { Values } from '../../store/settings-schema';
import {
  emptyStudent, patchDistillation, patchStudent, useDistillation, distillationSettings,
} from '../../store/distillation';
import { getEngine, proxy } from '../../worker/client';
import type { DistillEvent, TeacherSource, TeacherTrainResult } from '../../worker/protocol/distillation';
import { SLOTS, type TrainEvent } from '../../worker/protocol';
import type { ShelfEntry } from '../../worker/protocol/shelf';
import { useShelf } from '../../store/shelf';
import { distillationLab } from './lab';
import { recordDistillOrigin } from './shelf-origin';
import { patchRecordings } from '../../store/recordings';
import { saveTeacherRate } from './teacher-rate';

export type DistillSettingsValues = Values<(typeof distillationSettings)['fields']>;

/** Comlink types a nested namespace as a plain promise; at run time it is a remote like the rest. */
const engine = () => getEngine().distillation;

/** The student: the shelf version picked in "Start from" (its architecture and weights), else Student × width. */
export function studentSpecOf(v: DistillSettingsValues, init: ShelfEntry | undefined = useShelf.getState().picks['distill-student']): ModelSpec {
  return init?.spec ?? scaleWidth(zooSpec(v.kdStudent), Number(v.kdWidth));
}

export const leaveOutOf = (v: DistillSettingsValues): number | null => (v.kdLeaveOut === 'none' ? null : Number(v.kdLeaveOut));

/** Runs one of this lab's jobs; `done` stores its result if it finished or was stopped. */
async function job<T>(name: string, body: (job: JobHandle) => Promise<T>, done: (value: T) => void | Promise<void>): Promise<void> {
  const out = await runJob(distillationLab, name, body);
  if (out.status === 'done' || out.status === 'stopped') await done(out.value);
}

/** Read-only questions to the worker: a failure is a notice, not a job error. */
function readFailed(what: string, e: unknown): void {
  pushNotice('warning', `Could not read ${what}: ${errorText(e)}`, `distillation-read:${what}`);
}

/** Asks the worker which teacher exists for this source (loads the saved zoo teacher). Read-only. */
export async function refreshTeacher(source: TeacherSource): Promise<void> {
  try {
    await whenEngineReady();
    const info = await engine().teacherInfo(source);
    patchDistillation({ teacher: { ...useDistillation.getState().teacher, [source]: info } });
  } catch (e) {
    readFailed('the teacher', e);
  }
}

/** The teacher's logits for one test image of `digit` (the page applies the temperature). Read-only. */
export async function refreshSoftTargets(source: TeacherSource, digit: number): Promise<void> {
  try {
    await whenEngineReady();
    if (!(await engine().teacherInfo(source))) {
      patchDistillation({ soft: null });
      return;
    }
    patchDistillation({ soft: await engine().softTargets(source, digit) });
  } catch (e) {
    readFailed('the soft targets', e);
  }
}

/**
 * Trains the zoo teacher; resolves with the result when it trained at least one epoch (else null).
 * A complete run also stores its wall time per epoch: the measured basis of "Teacher training time".
 */
export async function trainTeacher(v: DistillSettingsValues): Promise<TeacherTrainResult | null> {
  const epochs = v.kdTeacherEpochs;
  patchDistillation({ teacherHistory: [] });
  patchRecordings({ teacherInUse: null });
  const started = performance.now();
  let out: TeacherTrainResult | null = null;
  await job('Training the teacher', (j) => engine().trainTeacher(
      { epochs, seed: v.kdSeed },
      proxy(j.guard((e: TrainEvent) => {
        const done = e.type === 'epoch' ? e.epoch + 1 : e.epoch + (e.batch + 1) / e.batchesPerEpoch;
        if (e.type === 'epoch') {
          patchDistillation({ teacherHistory: [...useDistillation.getState().teacherHistory, e] });
        } else reportSpeed(e.samplesPerSec);
        j.progress(done / epochs, `Training the teacher: epoch ${Math.min(epochs, Math.floor(done) + 1)} of ${epochs}`);
      })),
    ), async (result) => {
    if (result.history.length === 0) {
      pushNotice('info', 'Stopped before the first epoch ended; the teacher was not changed.', 'distillation-stopped');
      return;
    }
    out = result;
    patchDistillation({ teacher: { ...useDistillation.getState().teacher, zoo: result } });
    if (result.stopped) pushNotice('info', `Stopped after ${result.history.length} epochs; the teacher keeps what it learned.`, 'distillation-stopped');
    else await saveTeacherRate(performance.now() - started, result.history.length);
    await refreshSoftTargets('zoo', Number(v.kdDigit));
  });
  return out;
}

export function distill(v: DistillSettingsValues): Promise<void> {
  const leaveOut = leaveOutOf(v);
  const settings = {
    temperature: v.kdTemperature,
    alpha: v.kdAlpha,
    epochs: v.kdEpochs,
    batchSize: 32,
    learningRate: Number(v.kdLearningRate),
    optimizer: 'adam' as const,
    seed: v.kdSeed,
  };
  const shifts = Number(v.kdShifts);
  const runLabel = `T = ${v.kdTemperature}, α = ${v.kdAlpha}, ${v.kdTransfer} samples${shifts ? ` + ${shifts} shifted copies` : ''}${leaveOut === null ? '' : `, no ${leaveOut}s`}`;
  patchDistillation({ report: null, bias: null, runLabel, students: { distilled: emptyStudent(), scratch: emptyStudent() } });
  const order: StudentKind[] = ['distilled', 'scratch'];
  recordDistillOrigin(v.kdTeacher, studentSpecOf(v).name, useDistillation.getState().teacher[v.kdTeacher]?.spec.name ?? 'the teacher');
  return job('Distilling', (j) => engine().run(
      { teacher: v.kdTeacher, studentSpec: studentSpecOf(v), ...(useShelf.getState().picks['distill-student'] ? { studentInit: SLOTS.distillInit } : {}), transferSize: v.kdTransfer, leaveOut, shiftedCopies: Number(v.kdShifts), settings },
      proxy(j.guard((e: DistillEvent) => {
        const name = e.kind === 'distilled' ? 'distilled student' : 'scratch student';
        if (e.type === 'student') {
          patchStudent(e.kind, { testAccuracy: e.testAccuracy, leftOut: e.leftOut, progress: 1 });
          return;
        }
        const ev = e.event;
        const done = ev.type === 'epoch' ? ev.epoch + 1 : ev.epoch + (ev.batch + 1) / ev.batchesPerEpoch;
        if (ev.type === 'epoch') {
          const epochs = [...useDistillation.getState().students[e.kind].epochs, ev];
          patchStudent(e.kind, { epochs, testAccuracy: ev.testAccuracy });
        } else reportSpeed(ev.samplesPerSec);
        patchStudent(e.kind, { progress: done / settings.epochs });
        const overall = (order.indexOf(e.kind) + done / settings.epochs) / order.length;
        j.progress(overall, `Training the ${name}: epoch ${Math.min(settings.epochs, Math.floor(done) + 1)} of ${settings.epochs}`);
      })),
    ), (report) => {
    patchDistillation({ report });
    for (const s of report.students) patchStudent(s.kind, { testAccuracy: s.testAccuracy, leftOut: s.leftOut });
    if (report.stopped) {
      pushNotice('info', 'Stopped: the results show the students as they were when you stopped.', 'distillation-stopped');
    }
  });
}

export function stop(): void {
  void stopJob(distillationLab);
}
