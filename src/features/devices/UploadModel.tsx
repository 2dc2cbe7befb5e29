/**
 * Estimate your own model: a tfjs Layers model.json or a ModelSpec JSON. The model also goes to the
 * device panel (fp32 and int8) while this page is open. A bad file shows which layer or field is wrong.
 */
import { useMemo, useState, type ChangeEvent } from 'react';
import { estimateAll, formatCount, type DType, type ModelVariant } from '../../core/devices';
import { parseModelFile } from '../../core/model/from-tfjs';
import type { ModelSpec } from '../../core/model/spec';
import { CompareTargets, useDeviceVariants } from '../../components/device-panel';
import { SelectField } from '../../components/controls';

const DTYPE_OPTIONS = [
  { value: 'int8', label: 'int8' },
  { value: 'fp32', label: 'fp32' },
  { value: 'fp16', label: 'fp16' },
  { value: 'int4', label: 'int4 (weights)' },
] as const;

const NO_VARIANTS: ModelVariant[] = [];

export function UploadModel() {
  const [spec, setSpec] = useState<ModelSpec | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dtype, setDtype] = useState<DType>('int8');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const text = await file.text();
      setSpec(parseModelFile(text, file.name.replace(/\.json$/i, '')));
      setError(null);
    } catch (err) {
      setSpec(null);
      setError(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const ests = useMemo(() => (spec ? estimateAll(spec, { dtype }) : null), [spec, dtype]);
  const variants = useMemo<ModelVariant[]>(
    () => (spec ? [{ label: 'fp32', spec, deployment: { dtype: 'fp32' } }, { label: 'int8', spec, deployment: { dtype: 'int8' } }] : NO_VARIANTS),
    [spec],
  );
  useDeviceVariants(variants);

  return (
    <section className="panel dv-upload" aria-labelledby="dv-upload-title">
      <h2 id="dv-upload-title">Estimate your own model</h2>
      <p className="dv-muted">
        A tfjs Layers <code>model.json</code> (Sequential or Functional: Dense, Conv2D, DepthwiseConv2D, SeparableConv2D, pooling,
        BatchNormalization, ReLU, Dropout, Add, Flatten) or a ModelSpec JSON. Only the topology is read; nothing is uploaded anywhere.
      </p>
      <div className="dv-upload-row">
        <div className="field">
          <label htmlFor="dv-model-file">Model file</label>
          <input id="dv-model-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </div>
        <SelectField label="Data type" value={dtype} options={DTYPE_OPTIONS} onChange={(v) => setDtype(v as DType)} />
      </div>
      {error && (
        <p role="alert" className="dv-error">
          Could not read the model — {error}
        </p>
      )}
      {spec && ests && (
        <>
          <p>
            <strong>{spec.name}</strong>: {spec.layers.length} layers, {formatCount(ests[0].params)} parameters, {formatCount(ests[0].macs)} MACs,
            input [{spec.inputShape.join(', ')}]. The device panel now shows it as fp32 and int8.
          </p>
          <CompareTargets estimates={ests} label={`${spec.name} (${dtype})`} />
        </>
      )}
    </section>
  );
}
