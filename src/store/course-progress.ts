/**
 * The one place course progress is kept: a zustand store mirrored to localStorage
 * (`tinyml:course-progress`), read by the checks, exercise links, challenges and the course map.
 * A corrupt saved record is reset with a notice instead of breaking the page.
 *
 *   const p = useCourseProgress((s) => s.progress);
 *   recordChecks('train', [{ id, correct }]);  recordExercise('train', '#/train?epochs=3');
 *   exportProgress();   // downloads the record as JSON
 */
import { create } from 'zustand';
import { emptyProgress, parseProgress, type CourseProgress } from '../core/course/progress';
import { pushNotice } from './notices';
import { linkParam } from './settings-schema';
import { readLocal, removeLocal, writeLocal } from './local-storage';

const KEY = 'tinyml:course-progress';

/** The link key of a challenge (`?challenge=target:mcxn947,flash:150`), read by the challenge panel. */
export const CHALLENGE_PARAM = linkParam('challenge');

function load(): CourseProgress {
  const raw = readLocal(KEY);
  if (raw === null) return emptyProgress();
  const p = parseProgress(raw);
  if (p) return p;
  removeLocal(KEY);
  // Deferred: a notice pushed while a component renders would update another component mid-render.
  queueMicrotask(() => pushNotice('warning', 'Your saved course progress was unreadable and has been reset.', 'course-progress'));
  return emptyProgress();
}

export const useCourseProgress = create<{ progress: CourseProgress }>()(() => ({ progress: load() }));

function update(change: (p: CourseProgress) => CourseProgress): void {
  const progress = change(useCourseProgress.getState().progress);
  useCourseProgress.setState({ progress });
  // Storage full or disabled (private mode): progress still lives for this session.
  writeLocal(KEY, JSON.stringify(progress));
}

const now = () => new Date().toISOString();

export function recordChecks(lab: string, results: { id: string; correct: boolean }[]): void {
  const at = now();
  update((p) => ({ ...p, checks: { ...p.checks, ...Object.fromEntries(results.map((r) => [r.id, { lab, correct: r.correct, at }])) } }));
}

export function recordExercise(lab: string, link: string): void {
  update((p) => ({ ...p, exercises: { ...p.exercises, [link]: { lab, at: now() } } }));
}

export function recordChallenge(lab: string, code: string, title: string, passed: boolean): void {
  update((p) => ({ ...p, challenges: { ...p.challenges, [code]: { lab, title, passed, at: now() } } }));
}

export function resetProgress(): void {
  update(() => emptyProgress());
}

/** Downloads the progress record as `tinyml-progress.json` (for a learner to hand in or move browsers). */
export function exportProgress(): void {
  const blob = new Blob([JSON.stringify(useCourseProgress.getState().progress, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'tinyml-progress.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
