/**
 * The Distillation lab (#/distillation): a large teacher trains a small student through softened
 * outputs (Hinton, Vinyals & Dean, 2015). The page trains or loads the teacher, distils a student and
 * trains the same student from scratch under identical settings, shows both curves against the
 * teacher, the teacher's soft targets at any temperature, the left-out digit experiment, and — in the
 * device panel — what the smaller student buys on a microcontroller.
 */
import { useEffect, useMemo } from 'react';
import { JobStatus } from '../../components/jobs';
import { distillationLab } from './lab';
import { useDeviceVariants } from '../../components/device-panel';
import type { ModelVariant } from '../../core/devices';
import { zooSpec } from '../../core/model/zoo/mnist';
import { compareSize } from '../../core/techniques/distillation/student';
import { useBaseline } from '../../store/baseline';
import { distillationSettings, useDistillation } from '../../store/distillation';
import { useLabSettings } from '../../store/use-lab-settings';
import { leaveOutOf, refreshSoftTargets, refreshTeacher, studentSpecOf } from './actions';
import { DistillControls } from './DistillControls';
import { DistillResults } from './DistillResults';
import { SoftTargets } from './SoftTargets';
import { BiasAdjust } from './BiasAdjust';
import { useShelf } from '../../store/shelf';
import { DistillStartFrom, SaveDistilled } from './DistillShelf';
import { FitNetsPanel } from './FitNetsPanel';
import { PrecomputedTeacher } from './PrecomputedTeacher';
import './distillation.css';

export default function DistillationPage() {
  const [v, update] = useLabSettings(distillationSettings);
  const teacher = useDistillation((s) => s.teacher[v.kdTeacher]);
  const report = useDistillation((s) => s.report);
  const baseline = useBaseline((s) => s.baseline);

  // Read-only worker queries (safe to repeat under StrictMode): which teacher exists, its soft targets.
  useEffect(() => {
    void refreshTeacher(v.kdTeacher);
  }, [v.kdTeacher, baseline?.savedAt]);
  const haveTeacher = Boolean(teacher);
  useEffect(() => {
    if (haveTeacher) void refreshSoftTargets(v.kdTeacher, Number(v.kdDigit));
  }, [haveTeacher, v.kdTeacher, v.kdDigit, teacher?.testAccuracy]);

  const teacherSpec = teacher?.spec ?? (v.kdTeacher === 'zoo' ? zooSpec('teacher') : (baseline?.spec ?? null));
  const studentInit = useShelf((s) => s.picks['distill-student']);
  const studentSpec = useMemo(() => studentSpecOf(v, studentInit), [v, studentInit]);
  const size = useMemo(() => (teacherSpec ? compareSize(teacherSpec, studentSpec) : null), [teacherSpec, studentSpec]);

  const variants = useMemo((): ModelVariant[] => {
    const out: ModelVariant[] = [];
    if (teacherSpec) out.push({ label: 'teacher fp32', spec: teacherSpec, deployment: { dtype: 'fp32' } });
    out.push({ label: 'student fp32', spec: studentSpec, deployment: { dtype: 'fp32' } });
    out.push({ label: 'student int8', spec: studentSpec, deployment: { dtype: 'int8' } });
    return out;
  }, [teacherSpec, studentSpec]);
  useDeviceVariants(variants);

  const teacherAccuracy = report?.teacherAccuracy ?? teacher?.testAccuracy ?? null;
  return (
    <div className="distillation-page">
      <p className="baseline-line">
        {teacher
          ? `Teacher: ${teacher.spec.name}, ${(teacher.testAccuracy * 100).toFixed(1)} % test accuracy. Student: ${studentSpec.name}.`
          : v.kdTeacher === 'zoo'
            ? 'No teacher yet: press "Train teacher" (it is saved in this browser, so this is needed once).'
            : 'No baseline saved yet: train one in the Train lab, or choose the teacher CNN.'}
      </p>
      <DistillStartFrom teacher={v.kdTeacher} />
      <PrecomputedTeacher />
      <DistillControls />
      <JobStatus lab={distillationLab} />
      <div className="kd-main">
        <div>
          <DistillResults teacherAccuracy={teacherAccuracy} size={size} leaveOut={leaveOutOf(v)} />
          <SaveDistilled />
          <BiasAdjust />
          <FitNetsPanel />
        </div>
        <SoftTargets temperature={v.kdTemperature} digit={v.kdDigit} onDigit={(kdDigit) => update({ kdDigit })} />
      </div>
    </div>
  );
}
