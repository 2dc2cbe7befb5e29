/**
 * The device panel's state. What the user chooses — the target and whether the panel is shown —
 * are settings (`deviceSettings`: in the link, in local storage, bad values get a notice). What the
 * current lab page hands over (variants, through useDeviceVariants in components/device-panel) and
 * the panel's view are plain session state here. Labs never write it directly.
 */
import { create } from 'zustand';
// The ids only: the catalog (and the estimator behind the barrel) would join the start page's JS.
import { DEFAULT_TARGET_ID, TARGET_IDS } from '../core/devices/target-ids';
import type { ModelVariant } from '../core/devices/types';
import { defineSettings, enumField } from './settings-schema';
import { useLabSettings } from './use-lab-settings';

export const deviceSettings = defineSettings('device', {
  target: enumField<string>('Target', TARGET_IDS, DEFAULT_TARGET_ID),
  panel: enumField('Device panel', ['shown', 'hidden'] as const, 'shown'),
});

/** The chosen target id (and its setter) — the same value on the panel and every lab that reads it. */
export function useDeviceTarget(): [string, (id: string) => void] {
  const [v, update] = useLabSettings(deviceSettings);
  return [v.target, (target: string) => update({ target })];
}

export type DeviceView = 'variants' | 'compare';

export interface DeviceState {
  /** Variants of the page being shown; null when the page set none (the panel shows the baseline). */
  variants: ModelVariant[] | null;
  /** Which page owns `variants` (so an unmounting page only clears its own). */
  owner: number | null;
  view: DeviceView;
  /** Index of the variant shown in the compare view and the memory timeline. */
  focus: number;
  setVariants(owner: number, variants: ModelVariant[]): void;
  clearVariants(owner: number): void;
  setView(view: DeviceView): void;
  setFocus(i: number): void;
}

export const useDevice = create<DeviceState>()((set, get) => ({
  variants: null,
  owner: null,
  view: 'variants',
  focus: 0,
  setVariants: (owner, variants) => set({ owner, variants }),
  clearVariants: (owner) => {
    if (get().owner === owner) set({ owner: null, variants: null, focus: 0 });
  },
  setView: (view) => set({ view }),
  setFocus: (focus) => set({ focus }),
}));
