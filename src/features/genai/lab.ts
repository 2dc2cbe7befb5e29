/** The "Generative AI at the edge" lab: LLM / VLM memory and speed on i.MX (linked from nxp). */
import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { genaiSettings } from '../../store/genai';

export const genaiLab = {
  id: 'genai',
  title: 'Generative AI at the edge',
  summary: 'Will a language model fit on an i.MX part, and how many tokens per second will it make? Memory, bandwidth and compute, with formulas.',
  settings: genaiSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/genai.md?raw'),
  course: { order: 95, minutes: 15, goals: ['Size an LLM: weights + KV cache + runtime', 'Explain why decode is bandwidth bound and prefill compute bound'] },
} satisfies LabDefinition;
