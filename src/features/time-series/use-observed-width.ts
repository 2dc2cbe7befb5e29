/**
 * Width of an element from its ResizeObserver only. The shared useWidth reads getBoundingClientRect in
 * a layout effect, which forces the browser to lay out the whole page inside React's commit; when the
 * results section mounts at the end of a run that forced layout was 40–130 ms of the commit task at
 * load 16–20 (scripts/time-series-profile.mjs). The observer reports after the browser's own layout,
 * so the layout and the chart's draw land in separate tasks; the chart appears one frame later.
 */
import { useEffect, useRef, useState } from 'react';

export function useObservedWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
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
