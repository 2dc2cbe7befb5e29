import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';

export const modelsLab = {
  id: 'models',
  title: 'Models',
  summary: 'Every model you make as a version with its lineage: compare, share, and run a compression pipeline.',
  runsOnEngine: true,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/models.md?raw'),
} satisfies LabDefinition;
