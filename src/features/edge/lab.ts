/** The "Why edge AI" lab: first in the course. */
import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { edgeSettings } from '../../store/edge';

export const edgeLab = {
  id: 'edge',
  title: 'Why edge AI',
  summary: 'Why decide on the device: latency, energy, privacy and cost, the classes of compute, and a cloud-vs-edge calculator.',
  settings: edgeSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/edge.md?raw'),
  course: { order: 10, minutes: 15, goals: ['Name the benefits of edge AI with an example each', 'Compare cloud and edge latency, data and energy for a stream'] },
} satisfies LabDefinition;
