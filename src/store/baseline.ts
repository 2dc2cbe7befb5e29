/**
 * The shared baseline: the model the Train lab saved (spec + test accuracy), which every other lab
 * starts from. The shell loads it from the worker on start (engine.loadBaseline() puts its weights
 * in the worker's "baseline" slot); the Train lab replaces it after each completed run.
 *
 * Labs read `useBaseline((s) => s.baseline)`; when it is null (and `loaded` is true) they show
 * "No baseline yet" with a way to train one here.
 */
import { create } from 'zustand';
import type { SavedBaseline } from '../worker/protocol';

export interface BaselineState {
  baseline: SavedBaseline | null;
  /** False until the worker answered loadBaseline() (so labs can tell "none" from "not known yet"). */
  loaded: boolean;
  setBaseline(b: SavedBaseline | null): void;
}

export const useBaseline = create<BaselineState>()((set) => ({
  baseline: null,
  loaded: false,
  setBaseline: (baseline) => set({ baseline, loaded: true }),
}));

/** "LeNet-5 · 98.1 %" — the one-line description labs show. */
export function describeBaseline(b: SavedBaseline): string {
  return `${b.spec.name} · ${(b.testAccuracy * 100).toFixed(1)} %`;
}
