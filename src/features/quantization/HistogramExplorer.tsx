/**
 * Float vs int, one tensor at a time: the float histogram, the quantized values on their grid, the
 * levels and the clipping range. Dragging the "Clip min"/"Clip max" sliders (or typing) recomputes the
 * layer's SQNR and max error on the page at once; "Evaluate with this range" re-runs PTQ with it.
 */
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useJob } from '../../components/jobs';
import { quantizationLab } from './lab';
import { Bar, CartesianGrid, ComposedChart, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, usePlotArea, useXAxisScale } from 'recharts';
import { useChartFont } from '../../components/presenter/chart-font';
import { Output, percent } from '../../components/Output';
import { SelectField } from '../../components/controls';
import { useLabSettings } from '../../store/use-lab-settings';
import { patchQuantization, quantizationSettings, shownReport, useQuantization } from '../../store/quantization';
import { channelValues, histogramView } from './histogram-model';
import { loadValues, quantize } from './actions';
import { ClipHandles } from './ClipHandles';
import { db } from './QuantResults';

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4));
type View = NonNullable<ReturnType<typeof histogramView>>;
const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };

/**
 * The quantization levels as one SVG path. As one <ReferenceLine> each (256 at 8 bits), every
 * re-render of the chart removed and re-added 256 lines in recharts' store: the largest main-thread
 * task of the page, 100–700 ms (issue 18).
 */
function LevelLines({ levels, domain }: { levels: number[]; domain: [number, number] }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  let d = '';
  for (const l of levels) {
    const px = l >= domain[0] && l <= domain[1] ? x(l) : undefined;
    if (px !== undefined && Number.isFinite(px)) d += `M${px.toFixed(1)},${area.y}v${area.height}`;
  }
  return <path d={d} stroke="#b8bec8" strokeWidth={1} fill="none" pointerEvents="none" />;
}

/** The histogram itself; memoised so that the panel's other state (job, fields) does not redraw it. */
const HistogramChart = memo(function HistogramChart({ view, clip, fontSize, yWidth }: { view: View; clip: [number, number]; fontSize: number; yWidth: number }) {
  const tick = useMemo(() => ({ fontSize }), [fontSize]);
  const xLabel = useMemo(() => ({ value: 'real value', position: 'insideBottom', offset: -10, fontSize }) as const, [fontSize]);
  const clipLabel = useMemo(() => ({ value: 'clip', fill: '#c0392b', fontSize, position: 'top' }) as const, [fontSize]);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ComposedChart data={view.bins} margin={MARGIN} barGap={0} barCategoryGap={0} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" vertical={false} />
        <XAxis dataKey="x" type="number" domain={view.domain} tick={tick} tickFormatter={fmt} label={xLabel} allowDataOverflow />
        <YAxis tick={tick} width={yWidth} scale="sqrt" />
        <Tooltip isAnimationActive={false} labelFormatter={(x) => `value ≈ ${fmt(Number(x))}`} />
        <Legend verticalAlign="top" height={24} />
        {view.levels && <LevelLines levels={view.levels} domain={view.domain} />}
        <Bar dataKey="float" name="float values" fill="#8aa4c8" isAnimationActive={false} />
        <Bar dataKey="quantized" name="after quantization" fill="#1f5fbf" isAnimationActive={false} />
        <ReferenceLine x={clip[0]} stroke="#c0392b" strokeWidth={2} label={clipLabel} />
        <ReferenceLine x={clip[1]} stroke="#c0392b" strokeWidth={2} label={clipLabel} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});


export function HistogramExplorer() {
  const [v] = useLabSettings(quantizationSettings);
  const info = useQuantization((s) => s.info);
  // A new report reloads the values and redraws the chart: in a deferred render, after the results' numbers.
  const report = useDeferredValue(useQuantization(shownReport));
  const busy = useJob(quantizationLab).blocked;
  // Activation samples come from PTQ calibration.
  const calibrated0 = useQuantization((s) => s.ptq !== null && s.ptq.tensors.length > 0);
  const [target, setTarget] = useState('');
  const [channel, setChannel] = useState('all');
  const [values, setValues] = useState<Float32Array | null>(null);
  const [edit, setEdit] = useState<{ from: [number, number]; clip: [number, number] } | null>(null);
  // Presenter mode: ≥ 18 px chart text and a y axis wide enough for it (the clip handles follow its width).
  const { fontSize, scale } = useChartFont(13);
  const yWidth = Math.round(56 * scale);

  const options = useMemo(() => {
    const w = (info?.layers ?? []).map((l) => ({ value: `weights:${l.name}`, label: `weights · ${l.name}` }));
    const a = calibrated0 ? (info?.tensors ?? []).map((t) => ({ value: `activations:${t}`, label: `activations · ${t}` })) : [];
    return [...w, ...a];
  }, [info, calibrated0]);
  const current = target || options[0]?.value || '';
  const [kind, name] = current.split(':') as ['weights' | 'activations', string];
  const layer = info?.layers.find((l) => l.name === name);

  // Reading values is idempotent, so an effect is fine here (StrictMode may fetch twice).
  useEffect(() => {
    if (!current) return;
    let live = true;
    void loadValues(kind, name).then((x) => live && setValues(x));
    return () => {
      live = false;
    };
  }, [current, kind, name, report]);

  const shown = useMemo(() => {
    if (!values) return null;
    return kind === 'weights' && layer && channel !== 'all' ? channelValues(values, layer.channels, Number(channel)) : values;
  }, [values, kind, layer, channel]);

  // The calibrated (or min/max) range: where the sliders start and what "Reset range" returns to.
  const calibrated = useMemo((): [number, number] | null => {
    if (!shown) return null;
    if (kind === 'activations') {
      const t = report?.tensors.find((x) => x.name === name);
      if (t) return [t.params.scale[0] * (t.params.qmin - t.params.zeroPoint[0]), t.params.scale[0] * (t.params.qmax - t.params.zeroPoint[0])];
    }
    let lo = 0;
    let hi = 0;
    for (const x of shown) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return [lo, hi];
  }, [shown, kind, name, report]);
  // The clipping range: the user's, while the calibrated range it was set against is current; a new
  // tensor, channel or report starts again from its calibrated range. Derived during render (not synced
  // by an effect), so a new range costs one render of the chart, not two.
  const clip = edit && edit.from === calibrated ? edit.clip : calibrated;
  const setClip = (c: [number, number]) => calibrated && setEdit({ from: calibrated, clip: c });

  const floatFormat = v.qWeightBits === 'fp16' || v.qWeightBits === 'bf16';
  const bits = kind === 'weights' ? (floatFormat ? 8 : Number(v.qWeightBits)) : Number(v.qActivationBits);
  const narrow = kind === 'weights' && v.qScheme === 'symmetric';
  // A fixed x-range per tensor (data and calibrated range, 5 % margin) so handles do not jump while dragged.
  const extent = useMemo((): [number, number] => {
    if (!calibrated || !shown) return [-1, 1];
    let lo = calibrated[0];
    let hi = calibrated[1];
    for (const x of shown) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const pad = 0.05 * (hi - lo || 1);
    return [Math.min(lo - (lo < 0 ? pad : 0), 0), hi + pad];
  }, [calibrated, shown]);
  const view = useMemo(() => (shown && clip ? histogramView(shown, clip, bits, v.qScheme, narrow, extent) : null), [shown, clip, bits, v.qScheme, narrow, extent]);

  if (!info) return null;
  const setLo = (x: number) => clip && Number.isFinite(x) && setClip([Math.max(Math.min(x, 0), extent[0]), clip[1]]);
  const setHi = (x: number) => clip && Number.isFinite(x) && setClip([clip[0], Math.min(Math.max(x, 0), extent[1])]);
  const apply = () => {
    if (!clip) return;
    const s = useQuantization.getState();
    if (kind === 'weights') patchQuantization({ weightClip: { ...s.weightClip, [name]: clip } });
    else patchQuantization({ rangeOverrides: { ...s.rangeOverrides, [name]: clip } });
    void quantize(v);
  };

  return (
    <section className="panel" aria-label="Float vs int histogram">
      <h2>Float vs int: one tensor up close</h2>
      <div className="quant-fields">
        <SelectField label="Tensor" value={current} onChange={(x) => { setTarget(x); setChannel('all'); }} options={options}
          hint={report ? undefined : 'Activations appear after the first "Quantize (PTQ)" (they come from calibration).'} />
        {kind === 'weights' && layer && (
          <SelectField label="Channel" value={channel} onChange={setChannel}
            options={[{ value: 'all', label: 'all channels' }, ...Array.from({ length: layer.channels }, (_, i) => ({ value: String(i), label: `channel ${i}` }))]} />
        )}
      </div>
      {floatFormat && kind === 'weights' && <p className="muted">The grid below is 8-bit; float16/bfloat16 have no uniform grid.</p>}
      {kind === 'weights' && v.qGranularity === 'per-channel' && (
        <p className="muted">
          Per-channel: each output channel has its own grid. "all channels" shows one grid over the whole tensor (what per-tensor
          quantization does); pick a channel to see its grid. "Evaluate with this range" caps every channel's range at the clipping range.
        </p>
      )}
      {view && clip && (
        <>
          <figure className="chart quant-hist">
            <figcaption>
              {kind} of {name}{channel !== 'all' ? `, channel ${channel}` : ''}: {shown?.length.toLocaleString('en-US')} values,{' '}
              {view.levelCount} levels {view.levels ? '(grey lines)' : `(too many to draw; spacing s = ${view.params.scale[0].toExponential(2)})`}, clipping range in red (drag its handles)
            </figcaption>
            <div className="quant-hist-plot">
            <HistogramChart view={view} clip={clip} fontSize={fontSize} yWidth={yWidth} />
            <ClipHandles domain={view.domain} clip={clip} onChange={setClip} plotLeft={yWidth + 4} plotRight={16} plotTop={32} plotBottom={48} />
            </div>
          </figure>
          <div className="quant-clip">
            <label>
              Clip min
              <input type="number" step="any" value={Number(clip[0].toPrecision(4))} onChange={(e) => setLo(Number(e.target.value))} />
            </label>
            <label>
              Clip max
              <input type="number" step="any" value={Number(clip[1].toPrecision(4))} onChange={(e) => setHi(Number(e.target.value))} />
            </label>
          </div>
          <div className="quant-outputs">
            <Output label="Layer SQNR" size="small">{db(view.error.sqnrDb)}</Output>
            <Output label="Max error" size="small">{view.error.maxAbsError.toExponential(2)}</Output>
            <Output label="Clipped values" size="small">{percent(view.error.clippedFraction, 2)}</Output>
            <Output label="Scale" size="small">{view.params.scale[0].toExponential(3)}</Output>
            <Output label="Zero point" size="small">{String(view.params.zeroPoint[0])}</Output>
          </div>
          <div className="quant-buttons">
            <button type="button" className="button" disabled={busy} onClick={apply}>
              Evaluate with this range
            </button>
            <button type="button" className="button" disabled={!calibrated} onClick={() => setEdit(null)}>
              Reset range
            </button>
          </div>
          <table className="quant-table quant-examples">
            <caption>
              The first values as stored: x → q = clamp(round(x/s) + z) → x̂ = s·(q − z). Memory for this tensor: fp32{' '}
              {(4 * (shown?.length ?? 0)).toLocaleString('en-US')} B, fp16 {(2 * (shown?.length ?? 0)).toLocaleString('en-US')} B, int8{' '}
              {(shown?.length ?? 0).toLocaleString('en-US')} B, int4 {Math.ceil((shown?.length ?? 0) / 2).toLocaleString('en-US')} B.
            </caption>
            <thead>
              <tr><th scope="col">float x</th><th scope="col">int q</th><th scope="col">x̂</th><th scope="col">error</th></tr>
            </thead>
            <tbody>
              {view.examples.map((e, i) => (
                <tr key={i}><td>{e.x.toFixed(5)}</td><td>{e.q}</td><td>{e.xq.toFixed(5)}</td><td>{(e.x - e.xq).toExponential(1)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
