/**
 * One layer's mask drawn on a <canvas>: one pixel per weight (dense: inputs across, units down;
 * conv: one tile per filter, a kh×kw cell per input channel), scaled up without smoothing. A canvas
 * keeps even the teacher model's ~100k-weight layers cheap to draw, where SVG would need a node each.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { LayerMask } from '../../core/techniques/pruning/types';

const KEPT = [31, 95, 191];
const PRUNED = [235, 238, 242];
const GAP = [255, 255, 255];

interface Layout {
  width: number;
  height: number;
  /** Pixel (x, y) of each kernel element, flat index order. */
  place(i: number): [number, number];
}

/** Dense [in, out]: unit j is row j, input i column i. Conv [kh, kw, cin, cout]: filters in a grid of tiles. */
export function layoutFor(shape: number[]): Layout {
  if (shape.length === 2) {
    const [inputs, units] = shape;
    return { width: inputs, height: units, place: (i) => [Math.floor(i / units), i % units] };
  }
  const [kh, kw, cin, cout] = shape;
  // Tiles: one per filter (cout), each holds cin cells of kh×kw stacked vertically, 1 px gaps.
  const perRow = Math.min(cout, Math.max(1, Math.ceil(Math.sqrt((cout * cin * (kh + 1)) / (kw + 1)))));
  const tileW = kw + 1;
  const tileH = cin * (kh + 1);
  return {
    width: perRow * tileW,
    height: Math.ceil(cout / perRow) * tileH,
    place(i) {
      const f = i % cout;
      const c = Math.floor(i / cout) % cin;
      const x = Math.floor(i / (cout * cin)) % kw;
      const y = Math.floor(i / (cout * cin * kw));
      return [(f % perRow) * tileW + x, Math.floor(f / perRow) * tileH + c * (kh + 1) + y];
    },
  };
}

export function MaskHeatmap({ mask, maxWidth = 560, maxHeight = 240 }: { mask: LayerMask; maxWidth?: number; maxHeight?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(() => layoutFor(mask.shape), [mask.shape]);
  const scale = Math.max(0.25, Math.min(8, maxWidth / layout.width, maxHeight / layout.height));
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const img = ctx.createImageData(layout.width, layout.height);
    const d = img.data;
    const paint = (o: number, c: number[]) => {
      d[o] = c[0];
      d[o + 1] = c[1];
      d[o + 2] = c[2];
      d[o + 3] = 255;
    };
    for (let o = 0; o < d.length; o += 4) paint(o, GAP);
    for (let i = 0; i < mask.mask.length; i++) {
      const [x, y] = layout.place(i);
      paint((y * layout.width + x) * 4, mask.mask[i] ? KEPT : PRUNED);
    }
    ctx.putImageData(img, 0, 0);
  }, [mask, layout]);
  const kept = mask.mask.reduce((a, v) => a + v, 0);
  return (
    <canvas
      ref={ref}
      className="mask-canvas"
      width={layout.width}
      height={layout.height}
      style={{ width: Math.round(layout.width * scale) }}
      role="img"
      aria-label={`Mask of ${mask.layer} [${mask.shape.join('×')}]: ${kept.toLocaleString('en-US')} of ${mask.mask.length.toLocaleString('en-US')} weights kept`}
    />
  );
}
