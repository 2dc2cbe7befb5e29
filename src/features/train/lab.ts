import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { trainSettings } from '../../store/train-settings';

export const trainLab = {
  id: 'train',
  title: 'Train',
  summary: 'Train the baseline network on MNIST in your browser and watch it learn.',
  runsOnEngine: true,
  settings: trainSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/train.md?raw'),
  course: {
    order: 20,
    minutes: 20,
    goals: ['Train an MLP and a CNN on MNIST', 'Read loss and accuracy curves', 'Count parameters and MACs'],
  },
} satisfies LabDefinition;
