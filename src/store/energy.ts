/**
 * Battery and duty cycle for the device panel's energy rows (shared by every lab, so they live in
 * localStorage but not in each page's link: the panel reads them with { url: false }).
 */
import { defineSettings, intField, numberField } from './settings-schema';

export const energySettings = defineSettings('energy', {
  batteryMah: intField('Battery (mAh)', 225, { min: 1, max: 100_000 }),
  batteryVolts: numberField('Battery voltage (V)', 3, { min: 0.5, max: 48 }),
  inferencesPerSecond: numberField('Inferences per second', 1, { min: 0.0001, max: 1000 }),
});
