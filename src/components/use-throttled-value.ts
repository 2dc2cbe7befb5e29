/**
 * Returns `value`, but changes at most once per `ms` (the latest value always arrives, at the end of
 * the window). For expensive views of fast-changing data, e.g. charts fed by 10 training events/s.
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    const wait = lastAt.current + ms - Date.now();
    if (wait <= 0) {
      lastAt.current = Date.now();
      setShown(value);
      return;
    }
    const id = window.setTimeout(() => {
      lastAt.current = Date.now();
      setShown(value);
    }, wait);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return shown;
}

/** Returns `value` `ms` later (to spread two expensive redraws over two tasks instead of one). */
export function useDelayedValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setShown(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return shown;
}
