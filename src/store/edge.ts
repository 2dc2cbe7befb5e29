/**
 * Settings of the "Why edge AI" page: the cloud-vs-edge calculator's stream, link, model, edge part
 * and battery, and the metric the compute-class chart compares. Keys are prefixed "e" so they never
 * clash with another schema on the page (the device panel's).
 */
import { TARGET_IDS } from '../core/devices/target-ids'; // the ids only: the catalog would join the first page's JS
import { defineSettings, enumField, intField, numberField, type Values } from './settings-schema';

export const EDGE_LINKS = ['wifi', 'lte', 'lora', 'ble'] as const;
export const EDGE_MODELS = ['kws', 'vww', 'ic', 'ad', 'lenet5', 'dscnn', 'mlp', 'baseline'] as const;
export type EdgeModelId = (typeof EDGE_MODELS)[number];
export const EDGE_METRICS = ['memoryBytes', 'powerW', 'priceUsd', 'clockMHz', 'cores'] as const;

export const edgeSettings = defineSettings('edge', {
  eRate: numberField('Data rate (kB/s)', 32, { min: 0.001, max: 1_000_000 }),
  eSample: numberField('Sample size (kB)', 32, { min: 0.001, max: 100_000 }),
  eLink: enumField('Link', EDGE_LINKS, 'wifi'),
  eModel: enumField('Model', EDGE_MODELS, 'kws'),
  ePart: enumField<string>('Edge part', TARGET_IDS, 'mcxn947'),
  eBattery: intField('Battery capacity (mAh)', 2500, { min: 1, max: 1_000_000 }),
  eMetric: enumField('Compare by', EDGE_METRICS, 'memoryBytes'),
});

export type EdgeSettingsValues = Values<typeof edgeSettings.fields>;
