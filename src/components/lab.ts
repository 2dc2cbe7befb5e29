/**
 * What a lab is, for the shell and for the shared UI: one `LabDefinition` per lab, exported by the
 * lab's own `src/features/<id>/lab.ts` and listed once in `src/app/labs.ts`. The route (#/<id>), the
 * guide (labs/<id>.md), the navigation, the course map and the job runner's owner names all come
 * from it, so a lab's id and title are written exactly once.
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import type { LabRef } from '../store/jobs';
import type { Fields, SettingsSchema } from '../store/settings-schema';

export type { LabRef };

export interface CourseInfo {
  /** Position on the course map (ascending); labs without `course` are reference pages. */
  order: number;
  /** Time a learner needs for the lab's guide and exercises, in minutes. */
  minutes: number;
  /** What a learner can do after the lab (shown on the course map). */
  goals: readonly string[];
}

export interface LabDefinition extends LabRef {
  /** One line for the navigation tooltip, the home page and the lab's header. */
  readonly summary: string;
  /** The interactive page (default export of src/features/<id>/index.tsx), loaded lazily. */
  readonly page: LazyExoticComponent<ComponentType>;
  /** The guide's markdown, loaded lazily; the shell renders it below the page. */
  readonly guide: () => Promise<{ default: string }>;
  /**
   * The lab's settings schema: the shell reads it on every visit, so a link's values (and bad ones,
   * with their notice) are applied even while the page shows only its "no baseline yet" panel.
   */
  readonly settings?: SettingsSchema<Fields>;
  /**
   * The lab runs jobs on the training engine, so its results depend on the tfjs backend: its link
   * carries the engine settings (`backend=`) too, and opening such a link switches the backend.
   */
  readonly runsOnEngine?: boolean;
  /** Where the lab sits in the course; absent for reference pages (Devices, Models). */
  readonly course?: CourseInfo;
}
