/** The lab's settings and its main buttons: "Quantize (PTQ)", "Train with QAT", "Stop". */
import { LayerBitsField } from './LayerBitsField';
import { NumberField, SelectField } from '../../components/controls';
import { useJob } from '../../components/jobs';
import { quantizationLab } from './lab';
import { useLabSettings } from '../../store/use-lab-settings';
import {
  ACTIVATION_BITS,
  CALIBRATIONS,
  GRANULARITIES,
  PERCENTILES,
  QAT_LEARNING_RATES,
  REQUANT_ROUNDINGS,
  ROUNDINGS,
  SCHEMES,
  WEIGHT_FORMATS,
  patchQuantization,
  quantizationSettings,
  useQuantization,
} from '../../store/quantization';
import { quantize, stop, trainQat } from './actions';

const opts = <T extends string>(values: readonly T[], label: (v: T) => string = (v) => v) => values.map((value) => ({ value, label: label(value) }));
const CAL_LABELS: Record<string, string> = { minmax: 'min / max', percentile: 'percentile', mse: 'MSE-optimal', kl: 'KL divergence' };
const F = quantizationSettings.fields;

/** `preview`: shown disabled under "No baseline yet" (BaselineGate), without the action buttons. */
export function QuantControls({ preview = false }: { preview?: boolean }) {
  const [v, update] = useLabSettings(quantizationSettings);
  const job = useJob(quantizationLab);
  const overrides = useQuantization((s) => Object.keys(s.weightClip).length + Object.keys(s.rangeOverrides).length);
  const busy = job.blocked;
  const info = useQuantization((st) => st.info);
  const floatFormat = v.qWeightBits === 'fp16' || v.qWeightBits === 'bf16';
  const mode16x8 = !floatFormat && v.qActivationBits === '16' && Number(v.qWeightBits) <= 8;
  return (
    <section className="panel" aria-label="Quantization settings">
      <h2>Quantize the baseline</h2>
      <div className="quant-fields">
        <SelectField label="Weight bits" value={v.qWeightBits} onChange={(x) => update({ qWeightBits: x })}
          options={opts(WEIGHT_FORMATS, (b) => (b === 'fp16' ? 'float16' : b === 'bf16' ? 'bfloat16' : `${b} bit`))} />
        <SelectField label="Activation bits" value={v.qActivationBits} onChange={(x) => update({ qActivationBits: x })}
          options={opts(ACTIVATION_BITS, (b) => (b === '16' ? '16 bit (16x8 with ≤ 8-bit weights)' : `${b} bit`))} disabled={floatFormat}
          hint={floatFormat ? 'float16/bfloat16 weights run with float32 activations' : mode16x8 ? '16x8: int16 activations, symmetric (zero point 0), int64 bias and accumulator, as TFLite’s 16x8 mode' : undefined} />
        <SelectField label="Scheme" value={v.qScheme} onChange={(x) => update({ qScheme: x })} options={opts(SCHEMES)} />
        <SelectField label="Granularity" value={v.qGranularity} onChange={(x) => update({ qGranularity: x })} options={opts(GRANULARITIES)} />
        <SelectField label="Calibration" value={v.qCalibration} onChange={(x) => update({ qCalibration: x })} options={opts(CALIBRATIONS, (c) => CAL_LABELS[c])} />
        {v.qCalibration === 'percentile' && (
          <SelectField label="Percentile" value={v.qPercentile} onChange={(x) => update({ qPercentile: x })} options={opts(PERCENTILES, (p) => `${p} %`)} />
        )}
        <NumberField label="Calibration samples" field={F.qCalibrationSamples} value={v.qCalibrationSamples} onChange={(x) => update({ qCalibrationSamples: x })} />
        <SelectField label="Rounding" value={v.qRounding} onChange={(x) => update({ qRounding: x })} options={opts(ROUNDINGS)}
          hint={v.qRounding === 'stochastic' ? 'weights only, seeded by Seed' : undefined} />
        <SelectField label="Requantization rounding" value={v.qRequant} onChange={(x) => update({ qRequant: x })}
          options={opts(REQUANT_ROUNDINGS, (r) => (r === 'double' ? 'double (default)' : 'single'))} />
        <NumberField label="QAT epochs" field={F.qQatEpochs} value={v.qQatEpochs} onChange={(x) => update({ qQatEpochs: x })} />
        <SelectField label="QAT learning rate" value={v.qLearningRate} onChange={(x) => update({ qLearningRate: x })} options={opts(QAT_LEARNING_RATES)} />
        <NumberField label="Seed" field={F.qSeed} value={v.qSeed} onChange={(x) => update({ qSeed: x })} />
        <LayerBitsField value={v.qLayerBits} layers={info?.layers.map((l) => l.name) ?? []} onChange={(x) => update({ qLayerBits: x })} />
      </div>
      {!preview && <div className="quant-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void quantize(v)}>
          Quantize (PTQ)
        </button>
        <button type="button" className="button" disabled={busy || floatFormat} onClick={() => void trainQat(v)}>
          Train with QAT
        </button>
        <button type="button" className="button" disabled={!job.running || job.name === 'The step-through'} onClick={() => void stop()}>
          Stop
        </button>
        {overrides > 0 && (
          <span className="quant-override-note">
            {overrides} hand-set clipping range{overrides > 1 ? 's' : ''} in use.{' '}
            <button type="button" className="button button-small" disabled={busy} onClick={() => patchQuantization({ weightClip: {}, rangeOverrides: {} })}>
              Clear clipping ranges
            </button>
          </span>
        )}
      </div>}
      <p className="muted quant-hint">
        PTQ calibrates on the first {v.qCalibrationSamples} training images and converts; QAT fine-tunes a copy of the baseline for{' '}
        {Math.max(1, v.qQatEpochs)} epoch{v.qQatEpochs === 1 ? '' : 's'} with fake quantization, then converts the same way. Weights are
        quantized per output channel or per tensor; activations always per tensor.
      </p>
    </section>
  );
}
