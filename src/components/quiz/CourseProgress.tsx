/** The learner's progress on one lab, for the course map, and the export button (store: course-progress). */
import { labProgress } from '../../core/course/progress';
import { exportProgress, useCourseProgress } from '../../store/course-progress';
import '../presenter/presenter.css';

export function LabProgressLine({ lab, title }: { lab: string; title: string }) {
  const progress = useCourseProgress((s) => s.progress);
  const p = labProgress(progress, lab);
  const none = p.checksAnswered === 0 && p.exercisesSetUp === 0 && p.challengesPassed === 0;
  return (
    <p className="course-progress">
      <span className="visually-hidden">{title}, your progress: </span>
      {none
        ? 'Not started yet.'
        : `Checks passed: ${p.checksPassed} of ${p.checksAnswered} answered · exercises set up: ${p.exercisesSetUp} · challenges passed: ${p.challengesPassed}`}
    </p>
  );
}

export function ExportProgressButton() {
  return (
    <button type="button" className="button" onClick={exportProgress}>
      Export progress
    </button>
  );
}
