/**
 * Two draggable handles over the histogram's plot area: the clipping range's ends. Pointer (mouse,
 * touch, pen) drags them; as sliders (role="slider") they also move with the arrow keys.
 * The plot area's pixel edges must match the chart's margins and y-axis width.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  domain: [number, number];
  clip: [number, number];
  onChange(clip: [number, number]): void;
  /** Pixels from the wrapper's left / right edge to the plot area. */
  plotLeft: number;
  plotRight: number;
  /** Pixels from the top / bottom to the plot area. */
  plotTop: number;
  plotBottom: number;
}

export function ClipHandles({ domain, clip, onChange, plotLeft, plotRight, plotTop, plotBottom }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const span = domain[1] - domain[0] || 1;
  const frac = (v: number) => Math.min(Math.max((v - domain[0]) / span, 0), 1);
  const set = (which: 0 | 1, v: number) => {
    const x = Math.min(Math.max(v, domain[0]), domain[1]);
    onChange(which === 0 ? [Math.min(x, 0), clip[1]] : [clip[0], Math.max(x, 0)]);
  };
  const valueAt = (e: PointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    return domain[0] + ((e.clientX - r.left) / Math.max(1, r.width)) * span;
  };
  const handle = (which: 0 | 1) => ({
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      e.preventDefault();
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      if (e.currentTarget.hasPointerCapture(e.pointerId)) set(which, valueAt(e));
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      const step = span / 200;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') set(which, clip[which] - step);
      else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') set(which, clip[which] + step);
      else return;
      e.preventDefault();
    },
  });
  return (
    <div className="clip-layer" style={{ left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom }} ref={ref}>
      {([0, 1] as const).map((which) => (
        <div
          key={which}
          className="clip-handle"
          role="slider"
          tabIndex={0}
          aria-label={which === 0 ? 'Clip min handle' : 'Clip max handle'}
          aria-valuemin={which === 0 ? domain[0] : 0}
          aria-valuemax={which === 0 ? 0 : domain[1]}
          aria-valuenow={clip[which]}
          aria-valuetext={clip[which].toPrecision(3)}
          style={{ left: `${frac(clip[which]) * 100}%` }}
          {...handle(which)}
        />
      ))}
    </div>
  );
}
