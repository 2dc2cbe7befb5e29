import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';

export const devicesLab = {
  id: 'devices',
  title: 'Devices',
  summary: 'NXP targets, the cost model behind the device panel, and MLPerf Tiny reference numbers.',
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/devices.md?raw'),
} satisfies LabDefinition;
