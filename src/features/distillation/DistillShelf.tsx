/**
 * The Distillation lab and the model shelf. Two picks, clearly apart: "Start from" is the student's
 * initialisation (a shelf version's architecture and weights; "None" = a fresh Student × width), and
 * "Teacher version" is the shelf version that teaches when the teacher is a shelf version. "Save to
 * shelf" keeps the distilled student as a version (parent: the student's start, else the teacher);
 * a child of its start version inherits that version's pruning masks.
 */
import { StartFrom } from '../../components/shelf/StartFrom';
import { SaveToShelf } from '../../components/shelf/SaveToShelf';
import { VersionPick } from '../../components/shelf/VersionPick';
import { useJob } from '../../components/jobs';
import { defaultVersionName } from '../../core/shelf/naming';
import { useDistillation } from '../../store/distillation';
import { SLOTS } from '../../worker/protocol';
import type { TeacherSource } from '../../worker/protocol/distillation';
import { distillationLab } from './lab';
import { useDistillOrigin } from './shelf-origin';

export function DistillStartFrom({ teacher }: { teacher: TeacherSource }) {
  const busy = useJob(distillationLab).blocked;
  return (
    <section className="panel kd-shelf" aria-label="Models from the shelf">
      <VersionPick
        purpose="distill-student"
        label="Start from"
        slot={SLOTS.distillInit}
        noneLabel="None: a fresh student (Student × width, seed)"
        hint="The student's initialisation: both students (distilled and scratch) start from this version's architecture and weights; Student and width are then not used. A pruned version stays pruned: its pruned weights are held at zero in both students."
        disabled={busy}
      />
      {teacher === 'baseline' ? (
        <StartFrom use="train" label="Teacher version" />
      ) : (
        <p className="field-hint">To teach with a version from the shelf, set Teacher to “{TEACHER_FROM_SHELF}”.</p>
      )}
    </section>
  );
}

/** The Teacher select's label for the baseline source (DistillControls), which the shelf pick fills. */
export const TEACHER_FROM_SHELF = 'A shelf version (Teacher version)';

export function SaveDistilled() {
  const report = useDistillation((s) => s.report);
  const origin = useDistillOrigin((s) => s.origin);
  const student = report?.students.find((s) => s.kind === 'distilled');
  if (!report || !student || !origin) return null;
  return (
    <SaveToShelf
      slot={SLOTS.distilled}
      defaultName={defaultVersionName(origin.studentName, `distilled from ${origin.teacherName}`)}
      technique="distil"
      lab="distillation"
      settingsLink={origin.settingsLink}
      parentId={origin.parentId}
      // Started from a version: the child keeps its masks (refused if a pruned weight is non-zero).
      {...(origin.fromStudentStart ? { masks: 'inherit' as const } : {})}
      metrics={{ floatAccuracy: student.testAccuracy }}
    />
  );
}
