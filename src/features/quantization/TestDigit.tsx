/**
 * One test image, fetched from the worker and drawn 28x28 scaled up (for the step-through).
 * (The Train lab has its own digit canvas; features do not import each other.)
 */
import { useEffect, useRef, useState } from 'react';
import { getEngine } from '../../worker/client';

export function TestDigit({ index, label }: { index: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [pixels, setPixels] = useState<Float32Array | null>(null);
  useEffect(() => {
    let live = true;
    getEngine().testSamples([index]).then((s) => live && setPixels(s.pixels), () => undefined);
    return () => {
      live = false;
    };
  }, [index]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || !pixels) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = 255 - Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return <canvas ref={ref} width={28} height={28} role="img" aria-label={label} className="quant-digit" />;
}
