/**
 * The calculator's numbers from the page settings: the chosen model is estimated (int8) on the
 * chosen NXP part, its fastest engine's latency and energy feed the cloud-vs-edge comparison.
 */
import { useMemo } from 'react';
import { estimate, getTarget, type Estimate } from '../../core/devices';
import { ACTIVE_POWER, engineEnergy } from '../../core/devices/energy';
import { cloudVsEdge, findLink, LINKS, type CalculatorResult, type Link } from '../../core/edge';
import type { ModelSpec } from '../../core/model/spec';
import { MLPERF_TINY } from '../../core/model/zoo/mlperf';
import { zooSpec } from '../../core/model/zoo/mnist';
import type { EdgeModelId } from '../../store/edge';

export const MODEL_OPTIONS: { value: EdgeModelId; label: string }[] = [
  { value: 'kws', label: 'Keyword spotting (DS-CNN, MLPerf Tiny)' },
  { value: 'vww', label: 'Visual wake words (MobileNetV1-0.25)' },
  { value: 'ic', label: 'Image classification (ResNet-8)' },
  { value: 'ad', label: 'Anomaly detection (autoencoder)' },
  { value: 'lenet5', label: 'MNIST LeNet-5' },
  { value: 'dscnn', label: 'MNIST DS-CNN' },
  { value: 'mlp', label: 'MNIST MLP' },
  { value: 'baseline', label: 'Your saved baseline (Train lab)' },
];

/** The model's spec; "baseline" is the Train lab's saved model, LeNet-5 until one is saved. */
export function modelSpec(id: EdgeModelId, baseline: ModelSpec | undefined): ModelSpec {
  if (id === 'baseline') return baseline ?? zooSpec('lenet5');
  const m = MLPERF_TINY.find((x) => x.id === id);
  return m ? m.spec : zooSpec(id);
}

export interface CalculatorView {
  result: CalculatorResult;
  link: Link;
  estimate: Estimate;
  engine: 'cpu' | 'npu';
  partName: string;
}

export interface CalculatorSettings {
  eRate: number;
  eSample: number;
  eLink: string;
  eModel: EdgeModelId;
  ePart: string;
  eBattery: number;
}

/** Battery voltage the calculator assumes (two AA cells / a 1S Li-ion at its low end). */
export const CALC_VOLTS = 3;

export function useCalculator(s: CalculatorSettings, spec: ModelSpec): CalculatorView {
  const est = useMemo(() => estimate(spec, { dtype: 'int8' }, s.ePart), [spec, s.ePart]);
  return useMemo(() => {
    const link = findLink(s.eLink) ?? LINKS[0];
    const battery = { mAh: s.eBattery, volts: CALC_VOLTS };
    const bytesPerSecond = s.eRate * 1000;
    const sampleBytes = s.eSample * 1000;
    const perSecond = bytesPerSecond / sampleBytes;
    const engine = est.best.engine;
    const energy = engineEnergy(s.ePart, est.best, battery, perSecond);
    const result = cloudVsEdge({
      bytesPerSecond,
      sampleBytes,
      link,
      edgeLatencyMs: est.best.ms,
      edgeEnergyJ: energy?.energyJ ?? 0,
      sleepW: ACTIVE_POWER[s.ePart]?.sleep.value ?? 0,
      battery,
    });
    return { result, link, estimate: est, engine, partName: getTarget(s.ePart).name };
  }, [est, s.eLink, s.eBattery, s.eRate, s.eSample, s.ePart]);
}

/** Sensor streams students know, as (rate, window) pairs. */
export const STREAM_PRESETS = [
  { id: 'accelerometer', label: 'Accelerometer, 3 axes × 16 bit @100 Hz, 2 s windows', rate: 0.6, sample: 1.2 },
  { id: 'microphone', label: 'Microphone 16 kHz × 16 bit, 1 s windows (keyword spotting)', rate: 32, sample: 32 },
  { id: 'vibration', label: 'Vibration sensor 1.6 kHz × 16 bit, 0.5 s windows', rate: 3.2, sample: 1.6 },
  { id: 'camera-qvga', label: 'Camera 96×96 grey @5 fps (visual wake words)', rate: 46.08, sample: 9.216 },
  { id: 'camera-vga', label: 'Camera 640×480 RGB @30 fps', rate: 27648, sample: 921.6 },
] as const;
