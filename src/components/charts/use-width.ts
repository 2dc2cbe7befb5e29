/**
 * Width of an element from its ResizeObserver only. Used instead of recharts' ResponsiveContainer,
 * whose measuring and internal store updates re-run on every data change and made each live-curve
 * update a long main-thread task. It does not read getBoundingClientRect in a layout effect either:
 * that forces the browser to lay out the whole page inside React's commit (40–130 ms of the commit
 * task when the time-series results mounted at load 16–20, scripts/time-series-profile.mjs). The
 * observer reports after the browser's own layout, so layout and the chart's draw land in separate
 * tasks; a chart appears one frame after its container.
 */
import { useEffect, useRef, useState } from 'react';

export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      setWidth((old) => (old === w ? old : w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
