import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { pruningSettings } from '../../store/pruning';

export const pruningLab = {
  id: 'pruning',
  title: 'Pruning',
  summary: 'Remove weights, neurons and filters; see the masks and what it buys on the device.',
  runsOnEngine: true,
  settings: pruningSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/pruning.md?raw'),
  course: {
    order: 30,
    minutes: 35,
    goals: ['Prune structured vs unstructured, global vs local', 'Compare pruning criteria', 'Tell sparsity from speed'],
  },
} satisfies LabDefinition;
