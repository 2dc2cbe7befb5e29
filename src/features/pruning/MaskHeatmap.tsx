/**
 * One layer's mask drawn on a <canvas>: one pixel per weight (dense: inputs across, units down;
 * conv: one tile per filter, a kh×kw cell per input channel), scaled up without smoothing. A canvas
 * keeps even the teacher model's ~100k-weight layers cheap to draw, where SVG would need a node each.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { LayerMask } from '../../core/techniques/pruning/types';

/** An RGBA colour as the 32-bit word an ImageData pixel holds on this machine (byte order). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const rgba = ([r, g, b]: [number, number, number]) => (LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0);
const KEPT = rgba([31, 95, 191]);
const PRUNED = rgba([235, 238, 242]);
const GAP = rgba([255, 255, 255]);

export interface Layout {
  width: number;
  height: number;
  /** The pixel (y · width + x) of kernel element i (flat index order): a number, no [x, y] per weight. */
  pixel(i: number): number;
}

/** Dense [in, out]: unit j is row j, input i column i. Conv [kh, kw, cin, cout]: filters in a grid of tiles. */
export function layoutFor(shape: number[]): Layout {
  if (shape.length === 2) {
    const [inputs, units] = shape;
    // Element i is input ⌊i / units⌋ (column) of unit i mod units (row).
    return { width: inputs, height: units, pixel: (i) => (i % units) * inputs + Math.floor(i / units) };
  }
  const [kh, kw, cin, cout] = shape;
  // Tiles: one per filter (cout), each holds cin cells of kh×kw stacked vertically, 1 px gaps.
  const perRow = Math.min(cout, Math.max(1, Math.ceil(Math.sqrt((cout * cin * (kh + 1)) / (kw + 1)))));
  const tileW = kw + 1;
  const tileH = cin * (kh + 1);
  const width = perRow * tileW;
  return {
    width,
    height: Math.ceil(cout / perRow) * tileH,
    pixel(i) {
      const f = i % cout;
      const c = Math.floor(i / cout) % cin;
      const x = Math.floor(i / (cout * cin)) % kw;
      const y = Math.floor(i / (cout * cin * kw));
      return (Math.floor(f / perRow) * tileH + c * (kh + 1) + y) * width + (f % perRow) * tileW + x;
    },
  };
}

/** Paints `mask` into RGBA pixel words (`out`, width × height): kept, pruned, and gaps between tiles. */
export function paintMask(mask: Uint8Array, layout: Layout, out: Uint32Array): void {
  out.fill(GAP);
  for (let i = 0; i < mask.length; i++) out[layout.pixel(i)] = mask[i] ? KEPT : PRUNED;
}

export const MASK_COLORS = { KEPT, PRUNED, GAP };

export function MaskHeatmap({ mask, maxWidth = 560, maxHeight = 240 }: { mask: LayerMask; maxWidth?: number; maxHeight?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(() => layoutFor(mask.shape), [mask.shape]);
  const scale = Math.max(0.25, Math.min(8, maxWidth / layout.width, maxHeight / layout.height));
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const img = ctx.createImageData(layout.width, layout.height);
    paintMask(mask.mask, layout, new Uint32Array(img.data.buffer, img.data.byteOffset, img.data.length / 4));
    ctx.putImageData(img, 0, 0);
  }, [mask, layout]);
  const kept = useMemo(() => {
    let n = 0;
    for (const v of mask.mask) n += v;
    return n;
  }, [mask.mask]);
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
