/** The Distillation page's settings and its three buttons: Train teacher, Distill, Stop. */
import { useEffect, useId } from 'react';
import { NumberField, SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { distillationLab } from './lab';
import { useLabSettings } from '../../store/use-lab-settings';
import {
  distillationSettings, LEARNING_RATES, LEAVE_OUT, SHIFTED_COPIES, STUDENTS, TEACHER_SOURCES, WIDTHS, useDistillation,
} from '../../store/distillation';
import { distill, stop, trainTeacher } from './actions';
import { useBaselineTeacher } from './use-baseline-teacher';
import { estimateTeacherTime, formatDuration } from '../../core/recordings/teacher-speed';
import { useEngineState } from '../../store/engine';
import { useRecordings } from '../../store/recordings';
import { measureTeacherSpeed, refreshTeacherRate } from './teacher-rate';

import { TEACHER_FROM_SHELF } from './DistillShelf';

const F = distillationSettings.fields;

/** "Teacher training time": measured on this backend (a past training, or timed batches), never assumed. */
function TeacherTime({ epochs, busy }: { epochs: number; busy: boolean }) {
  const rate = useRecordings((s) => s.teacherRate);
  const backend = useEngineState((s) => s.backend);
  useEffect(() => {
    if (backend) void refreshTeacherRate(); // read-only: the best stored rate for this backend
  }, [backend]);
  const est = backend ? estimateTeacherTime(rate ?? null, epochs, backend) : null;
  return (
    <div className="kd-teacher-time">
      <output aria-label="Teacher training time" role="status" className="field-hint">
        {est
          ? `About ${formatDuration(est.seconds)} before Distill can start (${est.basis}).`
          : `Not measured yet on ${backend ?? 'this backend'} in this browser: Measure teacher speed times a few batches (seconds).`}
      </output>
      <button type="button" className="button" disabled={busy || !backend} onClick={() => void measureTeacherSpeed()}>
        Measure teacher speed
      </button>
    </div>
  );
}
const TEACHER_LABELS: Record<(typeof TEACHER_SOURCES)[number], string> = {
  zoo: 'Teacher CNN (trained here)',
  baseline: TEACHER_FROM_SHELF,
};
const STUDENT_LABELS: Record<(typeof STUDENTS)[number], string> = {
  'mlp-small': 'Small MLP 784-32-10',
  mlp: 'MLP 784-128-64-10',
  dscnn: 'DS-CNN (small CNN)',
  lenet5: 'LeNet-5 CNN',
};

/** A range slider with a visible label and its value next to it. */
function Slider(props: { label: string; value: number; min: number; max: number; step: number; disabled?: boolean; onChange(v: number): void }) {
  const id = useId();
  return (
    <div className="field kd-slider">
      <span className="kd-slider-head">
        <label htmlFor={id}>{props.label}</label>
        <span className="kd-slider-value" aria-hidden="true">
          {props.value}
        </span>
      </span>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}

export function DistillControls() {
  const [v, update] = useLabSettings(distillationSettings);
  const job = useJob(distillationLab);
  const teacher = useDistillation((s) => s.teacher[v.kdTeacher]);
  const busy = job.blocked;
  const baselineChosen = useBaselineTeacher(v, update);
  return (
    <section className="panel kd-controls" aria-label="Distillation settings">
      <div className="kd-row">
        <SelectField
          label="Teacher"
          value={v.kdTeacher}
          options={TEACHER_SOURCES.map((s) => ({ value: s, label: TEACHER_LABELS[s] }))}
          onChange={(kdTeacher) => update({ kdTeacher })}
          disabled={busy}
        />
        {baselineChosen && (
          <p className="field-hint" role="status" aria-label="Teacher choice">
            Using your saved baseline as the teacher, so Distill can start now; choose “Teacher CNN” to train the stronger one.
          </p>
        )}
        {v.kdTeacher === 'zoo' && (
          <>
            <NumberField label="Teacher epochs" field={F.kdTeacherEpochs} value={v.kdTeacherEpochs} onChange={(kdTeacherEpochs) => update({ kdTeacherEpochs })} disabled={busy} />
            <div className="kd-buttons">
              <button type="button" className={`button${teacher ? '' : ' button-primary'}`} disabled={busy} onClick={() => void trainTeacher(v)}>
                Train teacher
              </button>
            </div>
            {!teacher && <TeacherTime epochs={v.kdTeacherEpochs} busy={busy} />}
          </>
        )}
      </div>
      <div className="kd-fields">
        <SelectField
          label="Student"
          wide
          value={v.kdStudent}
          options={STUDENTS.map((s) => ({ value: s, label: STUDENT_LABELS[s] }))}
          onChange={(kdStudent) => update({ kdStudent })}
          disabled={busy}
        />
        <SelectField
          label="Student width"
          value={v.kdWidth}
          options={WIDTHS.map((w) => ({ value: w, label: `×${w}` }))}
          onChange={(kdWidth) => update({ kdWidth })}
          disabled={busy}
        />
        <Slider label="Temperature" value={v.kdTemperature} min={1} max={20} step={1} onChange={(kdTemperature) => update({ kdTemperature })} />
        <Slider label="Alpha" value={v.kdAlpha} min={0} max={1} step={0.05} disabled={busy} onChange={(kdAlpha) => update({ kdAlpha })} />
        <NumberField label="Transfer set size" field={F.kdTransfer} value={v.kdTransfer} step={100} onChange={(kdTransfer) => update({ kdTransfer })} disabled={busy} />
        <SelectField
          label="Leave out digit"
          value={v.kdLeaveOut}
          options={LEAVE_OUT.map((d) => ({ value: d, label: d === 'none' ? 'none' : d }))}
          onChange={(kdLeaveOut) => update({ kdLeaveOut })}
          disabled={busy}
        />
        <SelectField
          label="Shifted copies"
          value={v.kdShifts}
          options={SHIFTED_COPIES.map((c) => ({ value: c, label: c === '0' ? 'none' : `${c} per image` }))}
          onChange={(kdShifts) => update({ kdShifts })}
          disabled={busy}
          hint="moved ±2 px; the teacher labels each copy"
        />
        <NumberField label="Epochs" field={F.kdEpochs} value={v.kdEpochs} onChange={(kdEpochs) => update({ kdEpochs })} disabled={busy} />
        <SelectField
          label="Learning rate"
          value={v.kdLearningRate}
          options={LEARNING_RATES.map((r) => ({ value: r, label: r }))}
          onChange={(kdLearningRate) => update({ kdLearningRate })}
          disabled={busy}
        />
        <NumberField label="Seed" field={F.kdSeed} value={v.kdSeed} onChange={(kdSeed) => update({ kdSeed })} disabled={busy} />
      </div>
      <p className="field-hint kd-loss">
        Loss: L = α · T² · KL(softmax(z<sub>t</sub>/T) ‖ softmax(z<sub>s</sub>/T)) + (1 − α) · CE(y, softmax(z<sub>s</sub>)). The scratch
        student trains on the same samples, in the same order, from the same initial weights, with α = 0.
      </p>
      <div className="kd-buttons">
        <button type="button" className="button button-primary" disabled={busy || !teacher} onClick={() => void distill(v)}>
          Distill
        </button>
        <button type="button" className="button" disabled={!job.running} onClick={stop}>
          Stop
        </button>
        {!teacher && !busy && (
          <span className="field-hint">
            {v.kdTeacher === 'zoo' ? 'Train the teacher first (its training time is shown above).' : 'No baseline saved yet: train one in the Train lab, or choose the teacher CNN.'}
          </span>
        )}
      </div>
    </section>
  );
}
