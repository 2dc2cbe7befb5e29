/**
 * Estimate your own model: a tfjs Layers model.json or a ModelSpec JSON. The model also goes to the
 * device panel (fp32 and int8) while this page is open. A bad file shows which layer or field is wrong.
 */
import { useMemo, useState, type ChangeEvent } from 'react';
import { estimateAll, formatCount, type DType, type ModelVariant } from '../../core/devices';
import { MAX_MODEL_JSON_BYTES, parseModelFile } from '../../core/model/from-tfjs';
import { MAX_TFLITE_BYTES, tfliteToSpec } from '../../core/export';
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
      const id = file.name.replace(/\.(json|tflite)$/i, '');
      // A .tflite (by name or by its "TFL3" identifier) is read as a flatbuffer; anything else as JSON.
      const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      const tflite = /\.tflite$/i.test(file.name) || String.fromCharCode(...head.subarray(4, 8)) === 'TFL3';
      const limit = tflite ? MAX_TFLITE_BYTES : MAX_MODEL_JSON_BYTES;
      if (file.size > limit) throw new Error(`${file.size} bytes: ${tflite ? 'TFLite' : 'JSON'} model files over ${limit / 2 ** 20} MB are refused`);
      setSpec(tflite ? tfliteToSpec(new Uint8Array(await file.arrayBuffer()), id) : parseModelFile(await file.text(), id));
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
        BatchNormalization, ReLU, Dropout, Add, Flatten), a ModelSpec JSON, or a TensorFlow Lite <code>.tflite</code> (e.g. from the Deploy lab,
        the eIQ model zoo or Edge Impulse: FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D, pooling, MEAN, RESHAPE, ADD, SOFTMAX). Only the topology is read; nothing is uploaded anywhere.
      </p>
      <div className="dv-upload-row">
        <div className="field">
          <label htmlFor="dv-model-file">Model file</label>
          <input id="dv-model-file" type="file" accept=".json,.tflite,application/json" onChange={(e) => void onFile(e)} />
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
