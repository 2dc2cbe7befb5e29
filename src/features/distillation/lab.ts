import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { distillationSettings } from '../../store/distillation';

export const distillationLab = {
  id: 'distillation',
  title: 'Distillation',
  summary: 'A big teacher trains a small student through soft targets (Hinton et al. 2015).',
  runsOnEngine: true,
  settings: distillationSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/distillation.md?raw'),
  course: {
    order: 50,
    minutes: 25,
    goals: ['Explain soft targets and temperature', 'Distil a student and compare it with one trained from scratch'],
  },
} satisfies LabDefinition;
