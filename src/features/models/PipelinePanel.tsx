/**
 * "Run pipeline": a recipe of steps on one version in one click (Deep Compression's prune → quantize),
 * with progress per step; every intermediate is saved to the shelf as a child of the one before.
 */
import { runsOnMnist } from '../../core/shelf/types';
import { useState } from 'react';
import { percent } from '../../components/Output';
import type { PipelineEvent, PipelineStep, ShelfEntry } from '../../worker/protocol/shelf';
import { runShelfPipeline } from '../../store/shelf';

interface StepState {
  label: string;
  fraction: number;
  saved?: string;
}

export function PipelinePanel({ versions, busy, setBusy }: { versions: ShelfEntry[]; busy: boolean; setBusy(b: boolean): void }) {
  // The recipe prunes, fine-tunes and quantizes on MNIST: MNIST float versions only.
  const floatVersions = versions.filter((v) => !v.quantized && runsOnMnist(v));
  const [from, setFrom] = useState('');
  const [prune, setPrune] = useState(true);
  const [sparsity, setSparsity] = useState(80);
  const [epochs, setEpochs] = useState(1);
  const [quantize, setQuantize] = useState(true);
  const [progress, setProgress] = useState<StepState[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const start = floatVersions.find((v) => v.id === from) ?? floatVersions[floatVersions.length - 1];
  const steps: PipelineStep[] = [
    ...(prune ? [{ kind: 'prune' as const, sparsity: sparsity / 100, fineTuneEpochs: epochs }] : []),
    ...(quantize ? [{ kind: 'quantize' as const, bits: 8 as const }] : []),
  ];
  const valid = Number.isInteger(sparsity) && sparsity >= 1 && sparsity <= 99 && Number.isInteger(epochs) && epochs >= 0 && epochs <= 5;

  async function run() {
    if (!start) return;
    setBusy(true);
    setMessage(null);
    setProgress(steps.map((s) => ({ label: s.kind === 'prune' ? `Prune ${sparsity} % + ${epochs} fine-tune epoch${epochs === 1 ? '' : 's'}` : 'int8 PTQ', fraction: 0 })));
    const onEvent = (e: PipelineEvent) =>
      setProgress((p) => p.map((s, i) => (i !== e.index ? s : e.type === 'saved' ? { ...s, fraction: 1, saved: e.version.name } : { ...s, fraction: e.fraction })));
    try {
      const r = await runShelfPipeline({ from: start.id, steps, seed: 1 }, onEvent);
      setMessage(r.stopped ? `Stopped; ${r.saved.length} version(s) saved.` : `Done: ${r.saved.length} version${r.saved.length === 1 ? '' : 's'} saved to the shelf.`);
    } catch (e) {
      setMessage(`The pipeline failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel models-pipeline" aria-labelledby="models-pipeline-h">
      <h2 id="models-pipeline-h">Pipeline</h2>
      <p className="field-hint">Runs the steps in order on a float version; each result is saved as a new version whose parent is the step before.</p>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="pipe-from">Pipeline start</label>
          <select id="pipe-from" value={start?.id ?? ''} onChange={(e) => setFrom(e.target.value)} disabled={busy || floatVersions.length === 0}>
            {floatVersions.map((v) => (
              <option key={v.id} value={v.id}>{v.name}</option>
            ))}
          </select>
        </div>
        <label className="field field-check">
          <input type="checkbox" checked={prune} onChange={(e) => setPrune(e.target.checked)} disabled={busy} /> Prune (magnitude, global)
        </label>
        <div className="field">
          <label htmlFor="pipe-sparsity">Pipeline sparsity (%)</label>
          <input id="pipe-sparsity" type="number" min={1} max={99} value={sparsity} disabled={busy || !prune} onChange={(e) => setSparsity(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor="pipe-epochs">Fine-tune epochs</label>
          <input id="pipe-epochs" type="number" min={0} max={5} value={epochs} disabled={busy || !prune} onChange={(e) => setEpochs(Number(e.target.value))} />
        </div>
        <label className="field field-check">
          <input type="checkbox" checked={quantize} onChange={(e) => setQuantize(e.target.checked)} disabled={busy} /> Quantize to int8 (PTQ)
        </label>
      </div>
      <button type="button" className="button button-primary" disabled={busy || !start || steps.length === 0 || !valid} onClick={() => void run()}>
        Run pipeline
      </button>
      {!valid && <p className="field-error">Sparsity must be a whole number from 1 to 99 and fine-tune epochs from 0 to 5.</p>}
      {progress.length > 0 && (
        <ol className="pipeline-steps" aria-label="Pipeline progress">
          {progress.map((s, i) => (
            <li key={i}>
              <span>{s.label}</span>
              <progress value={s.fraction} max={1} aria-label={`Step ${i + 1} progress`} />
              <span>{s.saved ? `saved as “${s.saved}”` : percent(s.fraction, 0)}</span>
            </li>
          ))}
        </ol>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
