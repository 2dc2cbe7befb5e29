/**
 * Chart text size for recharts, which sizes SVG text in px and lays ticks out by it: the chart's own
 * size normally, and in presenter mode 0.8 of the (screen-scaled) root size, at least 18 px — the
 * same rule presenter.css applies to all SVG text. `scale` widens fixed axis widths to match.
 *
 *   const { fontSize, scale } = useChartFont(14);
 *   <YAxis tick={{ fontSize }} width={60 * scale} />
 */
import { useSyncExternalStore } from 'react';
import { usePresenter } from '../../store/presenter';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}
const rootPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

export function useChartFont(base: number): { fontSize: number; scale: number } {
  const on = usePresenter((s) => s.on);
  const root = useSyncExternalStore(subscribe, rootPx, () => 16);
  if (!on) return { fontSize: base, scale: 1 };
  const fontSize = Math.max(18, Math.round(root * 0.8));
  return { fontSize, scale: fontSize / base };
}
