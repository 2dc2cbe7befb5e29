/**
 * The lab list: one line per lab. The routes, the navigation, the home page's course map and the
 * guides all come from it. To add a lab: create src/features/<id>/ (with lab.ts and index.tsx),
 * labs/<id>.md and e2e/<id>.spec.ts, then add its definition here (README: "Adding a lab").
 */
import type { LabDefinition } from '../components/lab';
import { deployLab } from '../features/deploy/lab';
import { devicesLab } from '../features/devices/lab';
import { distillationLab } from '../features/distillation/lab';
import { edgeLab } from '../features/edge/lab';
import { genaiLab } from '../features/genai/lab';
import { nasLab } from '../features/nas/lab';
import { nxpLab } from '../features/nxp/lab';
import { pruningLab } from '../features/pruning/lab';
import { quantizationLab } from '../features/quantization/lab';
import { timeSeriesLab } from '../features/time-series/lab';
import { trainLab } from '../features/train/lab';
import { modelsLab } from '../features/models/lab';

const LIST = [
  edgeLab,
  trainLab,
  pruningLab,
  quantizationLab,
  distillationLab,
  nasLab,
  deployLab,
  timeSeriesLab,
  nxpLab,
  genaiLab,
  devicesLab,
  modelsLab,
] as const satisfies readonly LabDefinition[];

export type LabId = (typeof LIST)[number]['id'];
export const LABS: readonly LabDefinition[] = LIST;

export function findLab(id: string): LabDefinition | undefined {
  return LABS.find((l) => l.id === id);
}

/** The course in order (labs with a course position), then the reference pages (Devices, Models). */
export const COURSE: readonly LabDefinition[] = LABS.filter((l) => l.course).sort((a, b) => a.course!.order - b.course!.order);
export const REFERENCE: readonly LabDefinition[] = LABS.filter((l) => !l.course);
