/**
 * Presenter mode: larger type and chart text for projection, the guide in a side drawer. One flag,
 * kept in localStorage (`tinyml:presenter`) so it holds across pages and reloads; `?present=1` (or
 * `present=0`) in a link — before or after the hash — turns it on (off). The flag is applied as
 * `<html data-present="on">`, which src/components/presenter/presenter.css keys on.
 */
import { create } from 'zustand';
import { linkParam } from './settings-schema';
import { readLocal, writeLocal } from './local-storage';

const KEY = 'tinyml:presenter';
const PRESENT_PARAM = linkParam('present');

/** The `present` flag of a link, or undefined when the link has none (or a value other than 0/1). */
export function presentFlag(search: string, hash: string): boolean | undefined {
  const q = hash.indexOf('?');
  const fromHash = q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(PRESENT_PARAM);
  const text = fromHash ?? new URLSearchParams(search).get(PRESENT_PARAM);
  return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : undefined;
}

function stored(): boolean {
  return readLocal(KEY) === '1';
}

function apply(on: boolean): void {
  if (typeof document === 'undefined') return;
  if (on) document.documentElement.dataset.present = 'on';
  else delete document.documentElement.dataset.present;
}

export const usePresenter = create<{ on: boolean }>()(() => ({ on: false }));

export function setPresenter(on: boolean): void {
  usePresenter.setState({ on });
  apply(on);
  // Storage disabled: the mode still holds for this page view.
  writeLocal(KEY, on ? '1' : '0');
}

/** Reads the link flag, else the stored choice; call at start and on every hash change. */
export function syncPresenterFromLocation(): void {
  if (typeof window === 'undefined') return;
  const flag = presentFlag(window.location.search, window.location.hash);
  setPresenter(flag ?? stored());
}

if (typeof window !== 'undefined') {
  syncPresenterFromLocation();
  window.addEventListener('hashchange', () => {
    const flag = presentFlag(window.location.search, window.location.hash);
    if (flag !== undefined && flag !== usePresenter.getState().on) setPresenter(flag);
  });
}
