/** The "AI at NXP" lab: the portfolio and the eIQ toolkit flow (closes the course with genai). */
import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';

export const nxpLab = {
  id: 'nxp',
  title: 'AI at NXP',
  summary: 'The MCX, i.MX RT and i.MX portfolio with its CPUs and NPUs, and the eIQ toolkit flow from your data to a running model.',
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/nxp.md?raw'),
  course: { order: 90, minutes: 15, goals: ['Choose a part class for a use case', 'Map each eIQ tool to the step it performs'] },
} satisfies LabDefinition;
