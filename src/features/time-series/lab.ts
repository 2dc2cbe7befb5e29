import { lazy } from 'react';
import type { LabDefinition } from '../../components/lab';
import { timeSeriesSettings } from '../../store/time-series';

export const timeSeriesLab = {
  id: 'time-series',
  title: 'Time series',
  summary: 'Sensor signals as eIQ Time Series Studio treats them: classification, anomaly detection and regression.',
  runsOnEngine: true,
  settings: timeSeriesSettings,
  page: lazy(() => import('./index')),
  guide: () => import('../../../labs/time-series.md?raw'),
  course: {
    order: 80,
    minutes: 35,
    goals: [
      'Choose a sampling rate and window from Nyquist and the frequency resolution',
      'Compare raw windows with DSP features and read their separability',
      'Train a classifier, a one-class anomaly detector and a regressor, and read each metric',
      'Check whether the part keeps up with the sensor in real time',
    ],
  },
} satisfies LabDefinition;
