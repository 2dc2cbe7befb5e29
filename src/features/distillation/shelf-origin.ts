/**
 * Where the last distillation run came from, captured when it starts (the selects may change before
 * "Save to shelf" is pressed): the saved student's parent is the version it started from ("Start
 * from"), else the shelf version that taught it ("Teacher version"); the link reproduces the run.
 */
import { create } from 'zustand';
import { labLink, useShelf } from '../../store/shelf';
import { distillationSettings } from '../../store/distillation';
import type { TeacherSource } from '../../worker/protocol/distillation';
import { distillationLab } from './lab';

export interface DistillOrigin {
  parentId: string | null;
  /** The parent is the student's start version (so the child inherits its masks), not the teacher. */
  fromStudentStart: boolean;
  studentName: string;
  teacherName: string;
  settingsLink: string;
}

export const useDistillOrigin = create<{ origin: DistillOrigin | null }>()(() => ({ origin: null }));

export function recordDistillOrigin(teacher: TeacherSource, studentName: string, teacherName: string): void {
  const { picks, activeId, listing } = useShelf.getState();
  const teacherVersion = teacher === 'baseline' ? activeId : null;
  const student = picks['distill-student'];
  useDistillOrigin.setState({
    origin: {
      parentId: student?.id ?? teacherVersion,
      fromStudentStart: !!student,
      studentName: student?.name ?? studentName,
      teacherName: listing?.versions.find((x) => x.id === teacherVersion)?.name ?? teacherName,
      settingsLink: labLink(distillationLab.id, distillationSettings),
    },
  });
}
