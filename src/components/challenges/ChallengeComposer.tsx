/**
 * For instructors: compose a challenge (target, data type, budgets, minimum accuracy) and copy its
 * link. Rendered where a guide has a ```challenge-composer block. Empty budget fields mean "no limit".
 */
import { useId, useState } from 'react';
import { describeChallenge, formatChallengeLink, type Challenge, type ChallengeEngine } from '../../core/challenges';
import { TARGETS } from '../../core/devices';
import { MNIST_ZOO } from '../../core/model/zoo/mnist';
import { SelectField } from '../controls';
import './challenges.css';

const TARGET_OPTIONS = TARGETS.map((t) => ({ value: t.id, label: t.name }));
const MODEL_OPTIONS = [{ value: '', label: 'Any model' }, ...MNIST_ZOO.map((m) => ({ value: m.id, label: m.name }))];
const DTYPES: { value: 'int8' | 'fp32'; label: string }[] = [
  { value: 'int8', label: 'int8' },
  { value: 'fp32', label: 'fp32' },
];
const ENGINES: { value: ChallengeEngine; label: string }[] = [
  { value: 'best', label: 'Fastest engine' },
  { value: 'cpu', label: 'CPU' },
  { value: 'npu', label: 'NPU' },
];

/** A positive number, or undefined for an empty or invalid field. */
function limit(text: string, max: number): number | undefined {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && v > 0 && v <= max ? v : undefined;
}

function LimitField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={0} step="any" inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function ChallengeComposer() {
  const [target, setTarget] = useState(TARGETS[0].id);
  const [dtype, setDtype] = useState<'int8' | 'fp32'>('int8');
  const [model, setModel] = useState('');
  const [flash, setFlash] = useState('150');
  const [ram, setRam] = useState('');
  const [latency, setLatency] = useState('');
  const [engine, setEngine] = useState<ChallengeEngine>('best');
  const [accuracy, setAccuracy] = useState('95');
  const [copied, setCopied] = useState<string | null>(null);

  const challenge: Challenge = {
    target,
    dtype,
    model: model || undefined,
    flashKB: limit(flash, 1e7),
    ramKB: limit(ram, 1e7),
    latencyMs: limit(latency, 1e7),
    engine,
    accuracyPct: limit(accuracy, 100),
  };
  const hasGoal = [challenge.flashKB, challenge.ramKB, challenge.latencyMs, challenge.accuracyPct].some((v) => v !== undefined);
  const hash = `#/devices?challenge=${formatChallengeLink(challenge)}`;
  const url = `${window.location.origin}${window.location.pathname}${hash}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      // Clipboard access needs a secure context and permission; the link is shown to copy by hand.
      setCopied('Copying is not allowed here: select the link above and copy it.');
    }
  }

  return (
    <section className="panel challenge-composer" aria-label="Composer for instructors">
      <h3>Compose a challenge</h3>
      <div className="challenge-fields">
        <SelectField label="Challenge target" value={target} onChange={setTarget} options={TARGET_OPTIONS} />
        <SelectField<"int8" | "fp32"> label="Challenge data type" value={dtype} onChange={setDtype} options={DTYPES} />
        <SelectField label="Required model" value={model} onChange={setModel} options={MODEL_OPTIONS} />
        <LimitField label="Flash limit (KB)" value={flash} onChange={setFlash} />
        <LimitField label="RAM limit (KB)" value={ram} onChange={setRam} />
        <LimitField label="Latency limit (ms)" value={latency} onChange={setLatency} />
        <SelectField<ChallengeEngine> label="Latency engine" value={engine} onChange={setEngine} options={ENGINES} />
        <LimitField label="Minimum test accuracy (%)" value={accuracy} onChange={setAccuracy} />
      </div>
      {hasGoal ? (
        <>
          <p>
            <strong>{describeChallenge(challenge)}</strong>
          </p>
          <p className="challenge-link">
            <output aria-label="Challenge link">{url}</output>
          </p>
          <div className="challenge-buttons">
            <button type="button" className="button button-primary" onClick={copy}>
              Copy link
            </button>
            <a href={hash}>Open this challenge</a>
          </div>
          <p role="status">{copied}</p>
        </>
      ) : (
        <p role="status">Set at least one limit (flash, RAM, latency or accuracy).</p>
      )}
    </section>
  );
}
