/**
 * Links inside a guide. "Set up this exercise" links carry a lab's settings in the hash query
 * (#/pruning?prTarget=90&prFineTune=0); the settings schema applies them on the hash change, and a
 * click is recorded as an exercise set up in the course progress. Other links render as usual.
 */
import type { AnchorHTMLAttributes } from 'react';
import { recordExercise } from '../../store/course-progress';

export const EXERCISE_LINK_TEXT = 'Set up this exercise';

/** "#/pruning?prTarget=90" → "pruning"; undefined for anything but an in-app hash link. */
export function labOfLink(href: string | undefined): string | undefined {
  return /^#\/([\w-]+)/.exec(href ?? '')?.[1];
}

export function CourseLink({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { node?: unknown }) {
  delete (rest as { node?: unknown }).node;
  const lab = labOfLink(href);
  const isExercise = lab !== undefined && String(children).includes(EXERCISE_LINK_TEXT);
  return (
    <a
      {...rest}
      href={href}
      className={isExercise ? 'exercise-link' : rest.className}
      onClick={isExercise ? () => recordExercise(lab, href!) : undefined}
    >
      {children}
    </a>
  );
}
