import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { nasSettings } from '../../store/nas';

export const nasLab = {
  id: 'nas',
  title: 'Architecture search',
  summary: 'Search a space of small CNNs for the best model that fits a device budget.',
  runsOnEngine: true,
  settings: nasSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/nas.md?raw'),
  course: {
    order: 60,
    minutes: 30,
    goals: ['Define a search space, strategy and estimator', 'Search under a RAM, flash and latency budget', 'Read a Pareto front'],
  },
} satisfies LabDefinition;
