/**
 * The "Threads" setting beside "Backend": how many wasm (XNNPACK) threads a worker starts with. The
 * running worker keeps its thread pool, so a new choice applies on the next page load — the hint
 * says so and offers the reload. Threads need a cross-origin isolated page (shared memory).
 */
import { SelectField } from '../../components/controls';
import { wasmThreadCount } from '../../core/train/threads';
import { useEngineState } from '../../store/engine';
import { engineSettings, THREADS } from '../../store/engine-settings';
import { useLabSettings } from '../../store/use-lab-settings';

export function ThreadsField({ disabled }: { disabled: boolean }) {
  const [engine, updateEngine] = useLabSettings(engineSettings);
  const started = useEngineState((s) => s.startedThreads);
  const isolated = typeof window !== 'undefined' && window.crossOriginIsolated === true;
  const options = THREADS.map((t) => ({
    value: t,
    label: t === 'auto' ? `auto (${wasmThreadCount(navigator.hardwareConcurrency)} on ${navigator.hardwareConcurrency || 1} cores)` : `${t} thread${t === '1' ? '' : 's'}`,
  }));
  const pending = started !== null && started !== engine.threads;
  const hint = !isolated ? (
    'one thread: this page is not cross-origin isolated (no shared memory)'
  ) : engine.backend !== 'wasm' ? (
    'used by the wasm backend only'
  ) : pending ? (
    <>
      applies when the page reloads{' '}
      <button type="button" className="button button-small" onClick={() => window.location.reload()}>
        Reload now
      </button>
    </>
  ) : (
    '1 loads the plain SIMD build; more, the threaded one'
  );
  return (
    <SelectField label="Threads" value={engine.threads} options={options} onChange={(threads) => updateEngine({ threads })}
      disabled={disabled || !isolated} hint={hint} />
  );
}
