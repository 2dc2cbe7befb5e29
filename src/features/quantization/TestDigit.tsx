/**
 * One test image, fetched from the worker and drawn 28x28 scaled up (for the step-through).
 */
import { useEffect, useState } from 'react';
import { DigitCanvas } from '../../components/DigitCanvas';
import { getEngine } from '../../worker/client';

export function TestDigit({ index, label }: { index: number; label: string }) {
  const [pixels, setPixels] = useState<Float32Array | null>(null);
  useEffect(() => {
    let live = true;
    getEngine().testSamples([index]).then((s) => live && setPixels(s.pixels), () => undefined);
    return () => {
      live = false;
    };
  }, [index]);
  if (!pixels) return <span className="quant-digit" role="img" aria-label={`${label} (loading)`} />;
  return <DigitCanvas pixels={pixels} label={label} className="quant-digit" size={56} />;
}
