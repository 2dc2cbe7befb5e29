/**
 * The tensor-arena timeline: memory in use while each layer runs (live activations + scratch). The
 * chart draws once it scrolls near the viewport: below the fold of every lab at load, it cost a
 * 100-200 ms main-thread task per (re)render there (recharts measures each tick label).
 */
import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartFont } from '../presenter/chart-font';
import { formatBytes, type Estimate } from '../../core/devices';
import { useSeen } from '../use-seen';

const HEIGHT = 170;

export function MemoryTimeline({ est, label }: { est: Estimate; label: string }) {
  const data = est.ram.timeline.map((s) => ({
    name: s.name,
    activations: s.activationBytes / 1024,
    scratch: s.scratchBytes / 1024,
    live: s.live.join(', '),
  }));
  const many = data.length > 10;
  // Presenter mode: larger tick text, and a wider axis to hold it.
  const { fontSize, scale } = useChartFont(12);
  const ref = useRef<HTMLElement>(null);
  const seen = useSeen(ref);
  return (
    <figure className="chart dp-timeline" ref={ref}>
      <figcaption>
        Memory per layer in KB, {label}: peak {formatBytes(est.ram.activationPeak)} at “{est.ram.peakAt}” + {formatBytes(est.ram.overhead)} runtime
        = arena {formatBytes(est.ram.arena)}
      </figcaption>
      {!seen ? <div style={{ height: HEIGHT }} aria-hidden="true" /> : <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} margin={{ top: 6, right: 6, bottom: many ? 4 : 18, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" vertical={false} />
          <XAxis dataKey="name" tick={many ? false : { fontSize }} interval={0} angle={many ? 0 : -30} textAnchor={many ? 'middle' : 'end'} height={many ? 8 : Math.round(40 * scale)} />
          <YAxis tick={{ fontSize }} width={Math.round(36 * scale)} tickFormatter={(v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1))} />
          <Tooltip
            formatter={(v, n) => [`${Number(v).toFixed(2)} KB`, n === 'activations' ? 'live activations' : 'kernel scratch']}
            labelFormatter={(l, p) => `${String(l)} — live: ${(p?.[0]?.payload as { live?: string } | undefined)?.live ?? ''}`}
          />
          <Bar dataKey="activations" stackId="m" fill="#1f5fbf" isAnimationActive={false} />
          <Bar dataKey="scratch" stackId="m" fill="#c2410c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>}
    </figure>
  );
}
