/**
 * Deploy lab state: its settings (URL + localStorage through the settings schema) and the result of
 * the last export (job progress and errors live in the job runner, store/jobs.ts). The chosen model is page state: the list of models is only known at run time.
 */
import { create } from 'zustand';
import { defineSettings, intField } from './settings-schema';
import type { DeployModelOption, DeployResult } from '../worker/protocol/deploy';

export const deploySettings = defineSettings('deploy', {
  dpCalibration: intField('Calibration images', 500, { min: 1, max: 8000 }),
  dpTestVectors: intField('Test vectors', 200, { min: 1, max: 2000 }),
});

export interface DeployState {
  models: DeployModelOption[] | null;
  /** Why the list could not be read, if it could not. */
  listError: string | null;
  /** The chosen option's id ('' until the list is read: then the newest shelf version, else the baseline). */
  selected: string;
  result: DeployResult | null;
}

export const useDeploy = create<DeployState>()(() => ({ models: null, listError: null, selected: '', result: null }));

export const patchDeploy = (p: Partial<DeployState>) => useDeploy.setState(p);
