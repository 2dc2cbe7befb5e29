/**
 * The Deploy lab (#/deploy): convert the chosen model to a full-integer int8 .tflite as the TFLite
 * converter does, run the exported bytes in LiteRT.js next to the app's own integer engine, and
 * download the .tflite, the C array, a TFLM starter project and test vectors for a board.
 */
import { useEffect, useMemo, useRef } from 'react';
import { BaselineGate } from '../../components/BaselineGate';
import { JobStatus, useJob } from '../../components/jobs';
import { count, percent } from '../../components/Output';
import { NumberField, SelectField } from '../../components/controls';
import { useDeviceVariants } from '../../components/device-panel';
import type { ModelVariant } from '../../core/devices/types';
import { analyzeSpec } from '../../core/model/analyze';
import { useBaseline } from '../../store/baseline';
import { useVersions, watchShelf } from '../../store/shelf';
import { SaveToShelf, type SaveToShelfProps } from '../../components/shelf/SaveToShelf';
import { formatTaskMetric } from '../../core/shelf/types';
import type { DeployModelOption, DeployResult } from '../../worker/protocol/deploy';
import { defaultVersionName, quantStep } from '../../core/shelf/naming';
import { deploySettings, patchDeploy, useDeploy } from '../../store/deploy';
import { useLabSettings } from '../../store/use-lab-settings';
import { exportModel, refreshModels, stop } from './actions';
import { deployLab } from './lab';
import { Downloads } from './Downloads';
import { FileDetails, RuntimeComparison } from './DeployResults';
import './deploy.css';

/** A time-series version's line: its task, stored metric and how it is calibrated (on its own windows). */
function taskDetails(o: DeployModelOption, calibration: number): string {
  const m = o.taskMetric;
  const stored = m ? ` · stored float ${m.name} ${formatTaskMetric(m.name, m.float, m.unit)}` : '';
  return `${stored} · time-series ${o.task!.kind} (${o.task!.datasetLabel}): calibrated and tested on its own windows, rebuilt from its run link${o.quantized ? ' (its own int8 parameters when TFLite can hold them)' : `; min/max calibration on up to ${count(calibration)} training windows`}, per-channel int8 conv weights, per-tensor int8 dense weights, asymmetric int8 activations and input.`;
}

/** What "Save to shelf" stores with the exported model: digit accuracies, or a time-series version's task and metric. */
function saveMetrics(r: DeployResult): Pick<SaveToShelfProps, 'metrics' | 'task'> {
  const s = r.taskScore;
  if (!s) return { metrics: { ...(r.floatAccuracy !== null ? { floatAccuracy: r.floatAccuracy } : {}), integerAccuracy: r.integerAccuracy } };
  const extra = s.mae ? [{ name: 'MAE' as const, value: s.mae.float, unit: s.mae.unit }] : undefined;
  return { task: s.task, metrics: { taskMetric: { name: s.metric, float: s.float, int8: s.appInt8, ...(extra ? { extra } : {}) } } };
}

export default function DeployPage() {
  const [v, set] = useLabSettings(deploySettings);
  const baseline = useBaseline((s) => s.baseline);
  const loaded = useBaseline((s) => s.loaded);
  const { models, listError, selected, result } = useDeploy();
  const job = useJob(deployLab);
  const running = job.running;
  const versions = useVersions();
  const convertRef = useRef<HTMLElement>(null);
  useEffect(() => void watchShelf(), []);
  useEffect(() => {
    // Reads the list again whenever the baseline or the shelf changes (idempotent, so StrictMode's double call is harmless).
    if (loaded) void refreshModels();
  }, [loaded, baseline?.savedAt, versions]);
  const chosen = models?.find((m) => m.id === selected);
  // Nothing exportable yet (e.g. a class link in a fresh browser): the controls show the link's values, disabled.
  const idle = !chosen?.available;
  const costs = useMemo(() => (chosen?.spec ? analyzeSpec(chosen.spec) : null), [chosen?.spec]);
  const accuracy = chosen?.accuracy ?? (selected === 'baseline' ? baseline?.testAccuracy : undefined);
  const spec = result?.spec ?? chosen?.spec;
  const variants = useMemo<ModelVariant[]>(() => (spec ? [{ label: 'int8 .tflite', spec, deployment: { dtype: 'int8', perChannel: true } }] : []), [spec]);
  useDeviceVariants(variants);

  return (
    <div className="dp-page">
      {/* A time-series version brings its own data: no MNIST baseline needed to export it. */}
      {loaded && !baseline && !chosen?.task && <BaselineGate lab={deployLab} why="Deploy exports a trained model (or a shelf version)." />}
      <section ref={convertRef} className="panel" aria-labelledby="dp-convert">
        <h2 id="dp-convert">Convert to int8 and export</h2>
        <div className="dp-controls">
          <SelectField
            label="Model to deploy (start from a shelf version)"
            wide
            value={selected}
            disabled={running || !models}
            options={(models ?? [{ id: 'baseline', label: 'Loading…' }]).map((m) => ({ value: m.id, label: m.label }))}
            onChange={(id) => {
              patchDeploy({ selected: id, result: null });
              // The old results below go away and the page gets shorter: keep the choice and its details in view.
              requestAnimationFrame(() => convertRef.current?.scrollIntoView({ block: 'nearest' }));
            }}
          />
          <NumberField label="Calibration images" field={deploySettings.fields.dpCalibration} value={v.dpCalibration} onChange={(n) => set({ dpCalibration: n })} disabled={running || idle || selected === 'quantization'} />
          <NumberField label="Test vectors" field={deploySettings.fields.dpTestVectors} value={v.dpTestVectors} onChange={(n) => set({ dpTestVectors: n })} disabled={running || idle} />
          <div className="dp-buttons">
            <button type="button" className="button button-primary" disabled={job.blocked || !chosen?.available} onClick={() => void exportModel(v.dpCalibration, v.dpTestVectors)}>
              Export
            </button>
            <button type="button" className="button" disabled={!running} onClick={stop}>
              Stop
            </button>
          </div>
        </div>
        {chosen && (
          <p className="dp-muted">
            {chosen.lineage}
            {costs && ` · ${chosen.spec!.layers.length} layers, ${count(costs.params)} parameters, ${count(costs.macs)} MACs`}
            {chosen.task ? taskDetails(chosen, v.dpCalibration) : accuracy !== undefined && ` · ${chosen.quantized ? 'integer' : 'float'} test accuracy ${percent(accuracy)}`}
            {chosen.task
              ? ''
              : selected === 'quantization'
                ? ' · exported with the Quantization lab’s own ranges (no new calibration).'
                : ` · ${chosen.quantized ? 'if re-quantized: ' : ''}min/max calibration on ${count(v.dpCalibration)} training images, per-channel int8 conv weights, per-tensor int8 dense weights, asymmetric int8 activations.`}
          </p>
        )}
        {chosen?.quantNote && <p className="dp-muted">{chosen.quantNote}</p>}
        {chosen && !chosen.available && (
          <p role="alert" className="field-error">
            {chosen.label} cannot be exported: {chosen.reason}.
          </p>
        )}
        {listError && (
          <p role="alert" className="field-error">
            Could not list the models: {listError}
          </p>
        )}
        <JobStatus lab={deployLab} />
      </section>
      {result && (
        <>
          <RuntimeComparison r={result} />
          <Downloads r={result} />
          <FileDetails r={result} />
          <section className="panel" aria-labelledby="dp-save">
            <h2 id="dp-save">Keep the exported int8 model</h2>
            <p className="dp-muted">Saves the float weights with the int8 parameters just written ({result.quantNote}), so the shelf lists the version that was deployed.</p>
            <SaveToShelf
              slot={result.saveSlot}
              defaultName={defaultVersionName(result.modelLabel.replace(/^(Shelf|Current baseline): /, ''), quantStep(8))}
              parentId={result.parentId}
              technique="quantize"
              lab="deploy"
              masks="inherit"
              quant={result.quant}
              {...saveMetrics(result)}
              disabled={running}
            />
          </section>
        </>
      )}
    </div>
  );
}
