import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';

export const deployLab = {
  id: 'deploy',
  title: 'Deploy',
  summary: 'Export an int8 .tflite and a C array for TensorFlow Lite Micro, and check them in a real runtime (LiteRT.js).',
  runsOnEngine: true,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/deploy.md?raw'),
  course: {
    order: 70,
    minutes: 25,
    goals: [
      'Write a full-integer int8 .tflite and read its quantization parameters',
      'Prove with LiteRT.js that the file computes what the app computed',
      'Take the C array, op resolver, tensor arena and test vectors to a board',
    ],
  },
} satisfies LabDefinition;
