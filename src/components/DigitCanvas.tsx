/** Draws one 28x28 digit (784 floats in [0, 1]) as dark ink on white, scaled up crisply. */
import { useEffect, useRef } from 'react';

export function DigitCanvas({ pixels, size = 84, label, className = 'digit' }: {
  pixels: Float32Array;
  size?: number;
  label: string;
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = 255 - Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      width={28}
      height={28}
      role="img"
      aria-label={label}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
      className={className}
    />
  );
}
