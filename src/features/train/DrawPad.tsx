/**
 * Draw a digit with mouse, finger or pen (pointer events) and see the model's prediction live.
 * The drawing is downsampled like MNIST (see digit-preprocess.ts) and sent to the worker; only one
 * prediction is in flight at a time, and the latest drawing is always predicted last.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getEngine } from '../../worker/client';
import { BarChart } from '../../components/charts/BarChart';
import { Output } from '../../components/Output';
import { useTrainRun } from '../../store/train';
import { useBaseline } from '../../store/baseline';
import { grayFromRgba, toMnistInput } from './digit-preprocess';
import { DigitCanvas } from '../../components/DigitCanvas';
import { drawSlot } from './run';

const SIZE = 280; // canvas pixels; shown at 224 CSS px
const STROKE = 22; // ~2.2 px at 28x28, like MNIST pen strokes

export function DrawPad() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const inFlight = useRef(false);
  const dirty = useRef(false);
  const [probs, setProbs] = useState<number[] | null>(null);
  const [input, setInput] = useState<Float32Array | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasModel = useTrainRun((s) => s.hasModel);
  const baseline = useBaseline((s) => s.baseline);
  const slot = drawSlot(hasModel, baseline !== null);

  const predict = useCallback(async () => {
    const c = canvas.current;
    if (!c || !slot) return;
    if (inFlight.current) {
      dirty.current = true;
      return;
    }
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    const pixels = toMnistInput(grayFromRgba(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE));
    setInput(pixels);
    if (!pixels) {
      setProbs(null);
      return;
    }
    inFlight.current = true;
    dirty.current = false;
    try {
      setProbs(await getEngine().predict(slot, pixels));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      inFlight.current = false;
    }
    if (dirty.current) void predict();
  }, [slot]);

  // Re-predict the current drawing when the model changes (e.g. a run finished).
  useEffect(() => {
    void predict();
  }, [predict]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE, y: ((e.clientY - r.top) / r.height) * SIZE };
  };
  const strokeTo = (p: { x: number; y: number }) => {
    const ctx = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const from = last.current ?? p;
    ctx.strokeStyle = '#111';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(p.x + 0.01, p.y); // a tap still leaves a dot
    ctx.stroke();
    last.current = p;
  };

  const clear = () => {
    canvas.current?.getContext('2d', { willReadFrequently: true })?.clearRect(0, 0, SIZE, SIZE);
    last.current = null;
    setProbs(null);
    setInput(null);
  };

  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  return (
    <section className="draw-pad" aria-label="Draw a digit">
      <h3>Draw a digit</h3>
      <div className="draw-pad-body">
        <div>
          <canvas
            ref={canvas}
            width={SIZE}
            height={SIZE}
            className="pad"
            aria-label="Drawing pad: draw a digit 0 to 9 with the mouse, a finger or a pen"
            role="img"
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              last.current = null;
              strokeTo(point(e));
              void predict();
            }}
            onPointerMove={(e) => {
              if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
              strokeTo(point(e));
              void predict();
            }}
            onPointerUp={(e) => {
              e.currentTarget.releasePointerCapture(e.pointerId);
              last.current = null;
              void predict();
            }}
          />
          <div className="draw-pad-actions">
            <button type="button" className="button" onClick={clear}>
              Clear
            </button>
            {input && <DigitCanvas pixels={input} size={56} label="What the model sees: your digit at 28 by 28 pixels" />}
          </div>
        </div>
        <div className="draw-pad-result">
          {!slot && <p>Train a model (or load a saved baseline) to get predictions.</p>}
          {error && <p role="alert">Prediction failed: {error}</p>}
          <Output label="Prediction">{probs ? `${best} (${(probs[best] * 100).toFixed(1)} %)` : '–'}</Output>
          <BarChart
            title="Class probabilities"
            data={Array.from({ length: 10 }, (_, d) => ({ name: String(d), value: probs?.[d] ?? 0 }))}
            highlight={best >= 0 ? String(best) : undefined}
            yDomain={[0, 1]}
            yFormat={(v) => `${Math.round(v * 100)} %`}
            height={170}
          />
        </div>
      </div>
    </section>
  );
}
