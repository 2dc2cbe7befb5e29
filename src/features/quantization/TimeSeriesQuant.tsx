/**
 * int8 PTQ of a time-series shelf version (engine.tsVersions.quantize): the TFLite converter's scheme
 * calibrated on the version's own windows, its task metric float vs the integer-only engine, and
 * "Save to shelf" of the quantized child with those int8 parameters (Deploy then writes exactly them).
 * The rest of the page (bit depths, QAT, histograms, step-through, sweeps) works on MNIST digits.
 */
import { useState } from 'react';
import { useJob } from '../../components/jobs';
import { count, Output } from '../../components/Output';
import { NumberField } from '../../components/controls';
import { SaveToShelf } from '../../components/shelf/SaveToShelf';
import { pickOf, taskScoreText, TimeSeriesVersionPick, useTimeSeriesVersions } from '../../components/shelf/TimeSeriesVersionPick';
import { defaultVersionName, quantStep } from '../../core/shelf/naming';
import { intField } from '../../store/settings-schema';
import { runJob } from '../../store/jobs';
import { getEngine, proxy } from '../../worker/client';
import type { TsQuantReport } from '../../worker/protocol/ts-versions';
import { quantizationLab } from './lab';

const CALIBRATION = intField('Calibration windows', 200, { min: 1, max: 5000 });


export function TimeSeriesQuant() {
  const versions = useTimeSeriesVersions();
  const [id, setId] = useState('');
  const [calibration, setCalibration] = useState(CALIBRATION.default);
  const [report, setReport] = useState<TsQuantReport | null>(null);
  const job = useJob(quantizationLab);
  if (versions.length === 0) return null;
  const { version, reason } = pickOf(versions, id);

  async function quantize() {
    if (!version) return;
    setReport(null);
    const out = await runJob(quantizationLab, 'Quantizing a time-series version', (j) =>
      getEngine().tsVersions.quantize({ id: version.id, calibrationWindows: calibration }, proxy(j.guard((f: number, t: string) => j.progress(f, t)))),
    );
    if (out.status === 'done') setReport(out.value);
  }

  return (
    <section className="panel" aria-labelledby="q-ts-h">
      <h2 id="q-ts-h">Quantize a time-series version (int8 PTQ)</h2>
      <p className="field-hint">
        Bit depths other than 8, QAT, clipping, histograms, the step-through and the sweeps below work on MNIST digits only; a time-series version gets the TFLite
        converter’s int8 PTQ here, measured with its own metric.
      </p>
      <div className="quant-ts-controls">
        <TimeSeriesVersionPick versions={versions} value={version?.id ?? ''} onChange={(v) => (setId(v), setReport(null))} disabled={job.running} />
        <NumberField label="Calibration windows" field={CALIBRATION} value={calibration} onChange={setCalibration} disabled={job.running} />
        <button type="button" className="button button-primary" disabled={job.blocked || !version || !!reason} onClick={() => void quantize()}>
          Quantize time-series version
        </button>
      </div>
      {report && <QuantReportView r={report} />}
    </section>
  );
}

function QuantReportView({ r }: { r: TsQuantReport }) {
  const m = r.float.name;
  return (
    <div>
      <p className="field-hint">
        {r.dataNote} Calibrated on {count(r.calibrationWindows)} training windows; evaluated on {count(r.testWindows)} test windows with the app’s integer-only engine.
      </p>
      <div className="quant-ts-outputs">
        <Output label={`Float ${m} (time series)`}>{taskScoreText(r.float)}</Output>
        <Output label={`Integer-only ${m} (time series)`}>{taskScoreText(r.int8)}</Output>
        {r.float.mae !== undefined && <Output label="Integer-only MAE (time series)">{`${r.int8.mae!.toFixed(2)} % SoC`}</Output>}
        <Output label="int8 weights (time series)">{`${count(r.int8Bytes)} B (float ${count(r.floatBytes)} B)`}</Output>
      </div>
      <SaveToShelf
        slot={r.saveSlot}
        defaultName={defaultVersionName(r.versionName, quantStep(8, 'PTQ'))}
        parentId={r.versionId}
        technique="quantize"
        lab="quantization"
        masks="inherit"
        quant={r.quant}
        task={r.task}
        metrics={{ taskMetric: { name: m, float: r.float.value, int8: r.int8.value, ...(r.float.mae !== undefined ? { extra: [{ name: 'MAE', value: r.float.mae, unit: '% SoC' }] } : {}) } }}
      />
    </div>
  );
}
