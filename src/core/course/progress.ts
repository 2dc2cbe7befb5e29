/**
 * The learner's course progress (checks answered, exercises set up, challenges passed) as plain
 * data, with a strict reader for what comes back from localStorage or an imported file. Pure; the
 * store (src/store/course-progress.ts) owns the storage.
 */

export const PROGRESS_VERSION = 1;

export interface CheckRecord {
  /** The lab the check is on (route id). */
  lab: string;
  correct: boolean;
  at: string;
}

export interface ChallengeRecord {
  lab: string;
  title: string;
  passed: boolean;
  at: string;
}

export interface CourseProgress {
  version: typeof PROGRESS_VERSION;
  /** By question id (see core/course/quiz.ts): the last checked answer. */
  checks: Record<string, CheckRecord>;
  /** By exercise link (its hash): when the learner last set it up. */
  exercises: Record<string, { lab: string; at: string }>;
  /** By challenge code (see core/challenges): the last evaluation. */
  challenges: Record<string, ChallengeRecord>;
}

export function emptyProgress(): CourseProgress {
  return { version: PROGRESS_VERSION, checks: {}, exercises: {}, challenges: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;

function readRecords<T>(v: unknown, read: (r: Record<string, unknown>) => T | undefined): Record<string, T> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, T> = {};
  for (const [k, r] of Object.entries(v)) {
    const item = isObject(r) ? read(r) : undefined;
    if (item === undefined) return undefined;
    out[k] = item;
  }
  return out;
}

/** Parses stored or imported JSON; null when it is not a progress record of this version. */
export function parseProgress(raw: string | null): CourseProgress | null {
  if (raw === null) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(obj) || obj.version !== PROGRESS_VERSION) return null;
  const checks = readRecords(obj.checks, (r) =>
    isText(r.lab) && typeof r.correct === 'boolean' && isText(r.at) ? { lab: r.lab, correct: r.correct, at: r.at } : undefined,
  );
  const exercises = readRecords(obj.exercises, (r) => (isText(r.lab) && isText(r.at) ? { lab: r.lab, at: r.at } : undefined));
  const challenges = readRecords(obj.challenges, (r) =>
    isText(r.lab) && isText(r.title) && typeof r.passed === 'boolean' && isText(r.at)
      ? { lab: r.lab, title: r.title, passed: r.passed, at: r.at }
      : undefined,
  );
  if (!checks || !exercises || !challenges) return null;
  return { version: PROGRESS_VERSION, checks, exercises, challenges };
}

export interface LabProgress {
  checksPassed: number;
  checksAnswered: number;
  exercisesSetUp: number;
  challengesPassed: number;
}

/** Per-lab counts for the course map. */
export function labProgress(p: CourseProgress, lab: string): LabProgress {
  const checks = Object.values(p.checks).filter((c) => c.lab === lab);
  return {
    checksPassed: checks.filter((c) => c.correct).length,
    checksAnswered: checks.length,
    exercisesSetUp: Object.values(p.exercises).filter((e) => e.lab === lab).length,
    challengesPassed: Object.values(p.challenges).filter((c) => c.lab === lab && c.passed).length,
  };
}
