/**
 * The lab registry: one id per lab, used for the route (/<id>), the guide (labs/<id>.md),
 * the feature folder (src/features/<id>/) and the e2e spec (e2e/<id>.spec.ts).
 * Pages and guides load lazily so the first paint ships neither tfjs nor the course text.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LabEntry {
  id: string;
  title: string;
  summary: string;
  page: LazyExoticComponent<ComponentType>;
  guide: () => Promise<string>;
}

const md = (m: { default: string }) => m.default;

export const LABS: LabEntry[] = [
  {
    id: 'train',
    title: 'Train',
    summary: 'Train the baseline network on MNIST in your browser and watch it learn.',
    page: lazy(() => import('../features/train/index')),
    guide: () => import('../../labs/train.md?raw').then(md),
  },
  {
    id: 'pruning',
    title: 'Pruning',
    summary: 'Remove weights, neurons and filters; see the masks and what it buys on the device.',
    page: lazy(() => import('../features/pruning/index')),
    guide: () => import('../../labs/pruning.md?raw').then(md),
  },
  {
    id: 'quantization',
    title: 'Quantization',
    summary: 'Fewer bits per number: float vs integer, PTQ vs QAT, and the int8 arithmetic an NPU runs.',
    page: lazy(() => import('../features/quantization/index')),
    guide: () => import('../../labs/quantization.md?raw').then(md),
  },
  {
    id: 'distillation',
    title: 'Distillation',
    summary: 'A big teacher trains a small student through soft targets (Hinton et al. 2015).',
    page: lazy(() => import('../features/distillation/index')),
    guide: () => import('../../labs/distillation.md?raw').then(md),
  },
  {
    id: 'nas',
    title: 'Architecture search',
    summary: 'Search a space of small CNNs for the best model that fits a device budget.',
    page: lazy(() => import('../features/nas/index')),
    guide: () => import('../../labs/nas.md?raw').then(md),
  },
  {
    id: 'time-series',
    title: 'Time series',
    summary: 'Sensor signals as eIQ Time Series Studio treats them: classification, anomaly detection and regression.',
    page: lazy(() => import('../features/time-series/index')),
    guide: () => import('../../labs/time-series.md?raw').then(md),
  },
  {
    id: 'devices',
    title: 'Devices',
    summary: 'NXP targets, the cost model behind the device panel, and MLPerf Tiny reference numbers.',
    page: lazy(() => import('../features/devices/index')),
    guide: () => import('../../labs/devices.md?raw').then(md),
  },
];

export function findLab(id: string): LabEntry | undefined {
  return LABS.find((l) => l.id === id);
}
