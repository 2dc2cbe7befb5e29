/**
 * "On the device": the model goes to the docked device panel (fp32 and int8 variants); this section
 * adds what the panel does not see — the window buffer and the feature stage — and compares the
 * inferences per second the part manages with the windows per second the sensor delivers.
 */
import { memo, useMemo } from 'react';
import { useDeviceVariants, type ModelVariant } from '../../components/device-panel';
import { Output, count } from '../../components/Output';
import { formatBytes, formatMs } from '../../core/devices';
import type { FeatureMode } from '../../core/data/timeseries/prepare';
import type { ModelSpec } from '../../core/model/spec';
import { useDeviceTarget } from '../../store/device';
import { pipelineCost } from './device-cost';
import { fixed } from './palette';

interface Props {
  spec: ModelSpec | null;
  mode: FeatureMode;
  windowLength: number;
  channels: number;
  bands: number;
  sampleRate: number;
  stride: number;
}

export const DeviceCost = memo(function DeviceCost({ spec, mode, windowLength, channels, bands, sampleRate, stride }: Props) {
  const [targetId] = useDeviceTarget();
  const variants: ModelVariant[] = spec
    ? [
        { label: 'fp32', spec, deployment: { dtype: 'fp32' } },
        { label: 'int8', spec, deployment: { dtype: 'int8' } },
      ]
    : [];
  useDeviceVariants(variants);
  const c = useMemo(() => pipelineCost(spec, mode, windowLength, channels, bands, sampleRate, stride, targetId), [spec, mode, windowLength, channels, bands, sampleRate, stride, targetId]);
  const ram = (c.model?.ram.total ?? 0) + c.windowBufferBytes + c.featureBytes;
  return (
    <section className="ts-device" aria-labelledby="ts-device-h">
      <h2 id="ts-device-h">On the device{c.model ? `: ${c.model.targetName}` : ''}</h2>
      <div className="ts-numbers">
        <Output label="Inferences per second">{fixed(c.inferencesPerSecond, c.inferencesPerSecond >= 100 ? 0 : 1)} /s</Output>
        <Output label="Window rate">{fixed(c.windowRate, c.windowRate >= 10 ? 1 : 3)} /s</Output>
        <Output label="Keeps up in real time">{c.keepsUp ? `yes (${fixed(c.inferencesPerSecond / Math.max(1e-9, c.windowRate), 0)}× headroom)` : 'no'}</Output>
      </div>
      <table className="ts-cost">
        <caption>Per window, int8 model on the {c.model?.best.engine === 'npu' ? 'NPU' : 'CPU'}; feature stage in float on the CPU</caption>
        <thead>
          <tr><th scope="col">stage</th><th scope="col">RAM</th><th scope="col">operations</th><th scope="col">time</th></tr>
        </thead>
        <tbody>
          <tr><th scope="row">window buffer (2 × {windowLength} × {channels} int16)</th><td>{formatBytes(c.windowBufferBytes)}</td><td>–</td><td>–</td></tr>
          <tr><th scope="row">{mode === 'dsp' ? `DSP features (FFT ${bands} bands, statistics)` : 'scaling to int8'}</th><td>{formatBytes(c.featureBytes)}</td><td>{count(c.featureOps)}</td><td>{formatMs(c.featureMs)}</td></tr>
          <tr><th scope="row">model{spec ? ` (${spec.name})` : ' (distance: no network)'}</th><td>{c.model ? formatBytes(c.model.ram.total) : '–'}</td><td>{c.model ? `${count(c.model.macs)} MACs` : '–'}</td><td>{c.model ? formatMs(c.modelMs) : '–'}</td></tr>
          <tr><th scope="row">total</th><td>{formatBytes(ram)}</td><td /><td>{formatMs(c.modelMs + c.featureMs)}</td></tr>
        </tbody>
      </table>
      <p className="ts-caption">
        The sensor delivers a new window every {fixed(stride / sampleRate, 3)} s (stride ÷ sampling rate). Feature time assumes the CPU's
        sustained fp32 rate (an FFT of N points ≈ 5 N log₂N operations); samples are assumed 16-bit.
      </p>
    </section>
  );
});
