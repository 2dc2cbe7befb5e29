/**
 * Chart text size for recharts, which sizes SVG text in px and lays ticks out by it: the chart's own
 * size normally, and in presenter mode 0.8 of the (screen-scaled) root size, at least 18 px — the
 * same rule presenter.css applies to all SVG text. `scale` widens fixed axis widths to match.
 *
 *   const { fontSize, scale } = useChartFont(14);
 *   <YAxis tick={{ fontSize }} width={60 * scale} />
 */
import { useCallback, useSyncExternalStore } from 'react';
import { usePresenter } from '../../store/presenter';

/**
 * The root font size, read once per presenter state and viewport size: getComputedStyle inside
 * render forces a style recalculation of the page whenever the DOM has changed, and with every
 * chart reading it on every render that was 20–50 ms of a result's render (issue 18).
 * setPresenter sets `data-present` before React re-renders, so the first read after a toggle is right.
 */
let cached: { on: boolean; px: number } | null = null;
function subscribe(onChange: () => void): () => void {
  const resized = () => {
    cached = null;
    onChange();
  };
  window.addEventListener('resize', resized);
  return () => window.removeEventListener('resize', resized);
}
function rootPx(on: boolean): number {
  if (!on) return 16; // unused when presenter mode is off
  if (cached?.on !== on) cached = { on, px: parseFloat(getComputedStyle(document.documentElement).fontSize) || 16 };
  return cached.px;
}

export function useChartFont(base: number): { fontSize: number; scale: number } {
  const on = usePresenter((s) => s.on);
  const snapshot = useCallback(() => rootPx(on), [on]);
  const root = useSyncExternalStore(subscribe, snapshot, () => 16);
  if (!on) return { fontSize: base, scale: 1 };
  const fontSize = Math.max(18, Math.round(root * 0.8));
  return { fontSize, scale: fontSize / base };
}
