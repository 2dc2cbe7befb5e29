/**
 * "Generative AI at the edge" (#/genai): will a language model fit in an i.MX part's DRAM, and how
 * many tokens per second will it make? Decode is bound by DRAM bandwidth, prefill by compute; both
 * formulas are shown with this model's numbers, next to the published measurements that exist.
 */
import { GENAI_PARTS, IMX95_NPU_PREFILL_SPEEDUP, LLM_MEASUREMENTS, MODEL_SHAPES } from '../../core/genai';
import { NumberField, SelectField } from '../../components/controls';
import { genaiSettings } from '../../store/genai';
import { useLabSettings } from '../../store/use-lab-settings';
import { GenAiResults, PartsTable } from './GenAiResults';
import { useGenAi } from './use-genai';
import './genai.css';

const f = genaiSettings.fields;
const BIT_OPTIONS = [
  { value: '16', label: '16 (fp16)' },
  { value: '8', label: '8 (int8)' },
  { value: '4', label: '4 (int4)' },
] as const;
const TARGET_OPTIONS = GENAI_PARTS.map((p) => ({ value: p.id, label: p.name }));
const SHAPE_OPTIONS = [{ value: 'auto', label: 'Nearest real model' }, ...MODEL_SHAPES.map((m) => ({ value: m.id, label: `${m.name}` }))];

export default function GenAiPage() {
  const [s, update] = useLabSettings(genaiSettings);
  const { current, all } = useGenAi(s);
  return (
    <div className="genai-page">
      <p className="lead">
        A language model makes one token at a time, and each token reads every weight from DRAM. So the questions are: do the weights fit, and
        how fast can the memory deliver them? Linked from <a href="#/nxp">AI at NXP</a>.
      </p>
      <div className="genai-main">
        <div className="genai-controls">
          <NumberField label={f.gParams.label} field={f.gParams} value={s.gParams} step="any" onChange={(v) => update({ gParams: v })} />
          <SelectField label="Weight bits" value={s.gBits} options={BIT_OPTIONS} onChange={(v) => update({ gBits: v })} />
          <NumberField label={f.gContext.label} field={f.gContext} value={s.gContext} onChange={(v) => update({ gContext: v })} />
          <SelectField label="GenAI target" value={s.gTarget} options={TARGET_OPTIONS} onChange={(v) => update({ gTarget: v })} />
          <SelectField
            label="Prefill engine"
            value={s.gEngine}
            options={[
              { value: 'cpu', label: 'CPU (all cores)' },
              { value: 'npu', label: 'NPU where supported' },
            ]}
            onChange={(v) => update({ gEngine: v })}
          />
          <SelectField label="Model shape" value={s.gShape} options={SHAPE_OPTIONS} onChange={(v) => update({ gShape: v })} />
        </div>
        <GenAiResults e={current} />
      </div>
      <section aria-labelledby="genai-parts">
        <h2 id="genai-parts">Across the i.MX parts</h2>
        <PartsTable all={all} />
      </section>
      <section aria-labelledby="genai-measured">
        <h2 id="genai-measured">Published measurements</h2>
        <p>
          No tokens-per-second figures for the i.MX 8M Plus or i.MX 93 were found in public sources for this page. For the i.MX 95,{' '}
          {IMX95_NPU_PREFILL_SPEEDUP.source}. The nearest published numbers are on other Cortex-A55 systems:
        </p>
        <table className="genai-table">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Model</th>
              <th scope="col">Weights</th>
              <th scope="col">Decode</th>
              <th scope="col">Prefill</th>
              <th scope="col">Notes and source</th>
            </tr>
          </thead>
          <tbody>
            {LLM_MEASUREMENTS.map((m) => (
              <tr key={m.source}>
                <th scope="row">{m.device}</th>
                <td>{m.model}</td>
                <td>{m.weights}</td>
                <td>{m.decodeTps} tokens/s</td>
                <td>{m.prefillTps ? `${m.prefillTps} tokens/s` : '—'}</td>
                <td>
                  {m.note}; {m.source}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="genai-note">
          Read them as a sanity check, not a calibration: the DRAM of those boards is not published with the numbers, and the RK3566 run is about 9× below a bandwidth roofline
          if its DRAM is the 32-bit LPDDR4-3200 such boards usually carry (assumed) — in-order A55 cores dequantising 4-bit blocks, and a thread count that is not stated, can bind before memory
          does.
        </p>
      </section>
    </div>
  );
}
