/**
 * True once the element has come within `margin` of the viewport, and from then on: for a costly
 * render (a chart) that nobody sees at first, deferred until it scrolls near. Without
 * IntersectionObserver (old browsers, jsdom) it is true at once.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useSeen(ref: RefObject<Element | null>, margin = '300px'): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        io.disconnect();
      }
    }, { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin, seen]);
  return seen;
}
