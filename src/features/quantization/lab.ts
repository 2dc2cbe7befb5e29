import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { quantizationSettings } from '../../store/quantization';

export const quantizationLab = {
  id: 'quantization',
  title: 'Quantization',
  summary: 'Fewer bits per number: float vs integer, PTQ vs QAT, and the int8 arithmetic an NPU runs.',
  runsOnEngine: true,
  settings: quantizationSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/quantization.md?raw'),
  course: {
    order: 40,
    minutes: 35,
    goals: ['Map floats to int8 with a scale and zero point', 'Calibrate activation ranges', 'Compare PTQ and QAT'],
  },
} satisfies LabDefinition;
