/**
 * The device panel's slice: chosen target (persisted, default MCX N947), the variants the current
 * lab page hands over (through useDeviceVariants in components/device-panel), the panel's view
 * state. Labs never write this directly; NAS may read `targetId` as its default budget target.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_TARGET_ID, findTarget } from '../core/devices';
import type { ModelVariant } from '../core/devices';

/** Node (unit tests, scripts) has no localStorage: keep the state in memory there instead of warning. */
const memory = new Map<string, string>();
const memoryStorage = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
};

export type DeviceView = 'variants' | 'compare';

export interface DeviceState {
  targetId: string;
  /** Variants of the page being shown; null when the page set none (the panel shows the baseline). */
  variants: ModelVariant[] | null;
  /** Which page owns `variants` (so an unmounting page only clears its own). */
  owner: number | null;
  collapsed: boolean;
  view: DeviceView;
  /** Index of the variant shown in the compare view and the memory timeline. */
  focus: number;
  setTarget(id: string): void;
  setVariants(owner: number, variants: ModelVariant[]): void;
  clearVariants(owner: number): void;
  setCollapsed(collapsed: boolean): void;
  setView(view: DeviceView): void;
  setFocus(i: number): void;
}

export const useDevice = create<DeviceState>()(
  persist(
    (set, get) => ({
      targetId: DEFAULT_TARGET_ID,
      variants: null,
      owner: null,
      collapsed: false,
      view: 'variants',
      focus: 0,
      setTarget: (id) => set({ targetId: findTarget(id) ? id : DEFAULT_TARGET_ID }),
      setVariants: (owner, variants) => set({ owner, variants }),
      clearVariants: (owner) => {
        if (get().owner === owner) set({ owner: null, variants: null, focus: 0 });
      },
      setCollapsed: (collapsed) => set({ collapsed }),
      setView: (view) => set({ view }),
      setFocus: (focus) => set({ focus }),
    }),
    {
      name: 'tinyml:device',
      version: 1,
      storage: createJSONStorage(() => (typeof localStorage === 'undefined' ? memoryStorage : localStorage)),
      partialize: (s) => ({ targetId: s.targetId, collapsed: s.collapsed }),
      // A stale or hand-edited target id falls back to the default instead of breaking the panel.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<DeviceState>;
        return {
          ...current,
          targetId: typeof p.targetId === 'string' && findTarget(p.targetId) ? p.targetId : current.targetId,
          collapsed: typeof p.collapsed === 'boolean' ? p.collapsed : current.collapsed,
        };
      },
    },
  ),
);
