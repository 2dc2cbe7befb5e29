/**
 * What the sensor pipeline costs on the device besides the model: the window buffer (double-buffered
 * int16 samples: one window fills while the previous one is processed) and the feature stage (FFT and
 * statistics in float on the CPU, CMSIS-DSP style), and whether the part keeps up with the sensor.
 */
import { estimate, getTarget, type Estimate } from '../../core/devices';
import { featureStageCost } from '../../core/data/timeseries/features';
import type { FeatureMode } from '../../core/data/timeseries/prepare';
import type { ModelSpec } from '../../core/model/spec';

export interface PipelineCost {
  windowBufferBytes: number;
  featureBytes: number;
  featureOps: number;
  featureMs: number;
  modelMs: number;
  /** The int8 model's estimate on the target (null for the baseline). */
  model: Estimate | null;
  inferencesPerSecond: number;
  /** Windows the sensor delivers per second: sampling rate / stride. */
  windowRate: number;
  keepsUp: boolean;
}

/** Sample size of a MEMS accelerometer / ADC reading (assumed int16, e.g. 16-bit output registers). */
const SAMPLE_BYTES = 2;

export function pipelineCost(spec: ModelSpec | null, mode: FeatureMode, length: number, channels: number, bands: number, sampleRate: number, stride: number, targetId: string): PipelineCost {
  const target = getTarget(targetId);
  const windowBufferBytes = 2 * length * channels * SAMPLE_BYTES;
  // Raw windows only need scaling to int8 (one multiply-add per sample).
  const fc = mode === 'dsp' ? featureStageCost(length, channels, bands) : { macs: length * channels, bytes: 0 };
  const flopsPerMs = target.cpu.fp32MacsPerCycle.value * target.cpu.clockMHz.value * 1000;
  const featureMs = fc.macs / flopsPerMs;
  const model = spec ? estimate(spec, { dtype: 'int8' }, targetId) : null;
  const modelMs = model ? model.best.ms : 0;
  const inferencesPerSecond = 1000 / Math.max(1e-6, modelMs + featureMs);
  const windowRate = sampleRate / Math.max(1, stride);
  return { windowBufferBytes, featureBytes: fc.bytes, featureOps: fc.macs, featureMs, modelMs, model, inferencesPerSecond, windowRate, keepsUp: inferencesPerSecond >= windowRate };
}
