/**
 * The diagnostics readout on every page: which tfjs backend the worker really uses (and why, if it
 * is not the one asked for), how many tensors the worker holds (polled by the shell; a number that
 * keeps growing is a leak), how many threads it trains on (and why only one, when the page is not
 * cross-origin isolated), the last training speed, the job that holds the engine, the bounded caches
 * (CacheList) and MNIST loading progress.
 */
import { useEffect } from 'react';
import { startBaselineSync } from '../store/baseline-sync';
import { useEngineState } from '../store/engine';
import { useJobs } from '../store/jobs';
import { CacheList } from './CacheList';
import { count } from './Output';
import { WebGpuStatus } from './WebGpuStatus';

/** "2 threads", or "1 thread (page not cross-origin isolated …)", from the wasm backend's detail. */
function threadsText(backend: string | null, detail: string | null): string {
  if (!backend) return '–';
  if (backend !== 'wasm') return backend === 'cpu' ? '1 thread' : 'GPU';
  const m = detail?.match(/(\d+) threads?(.*)$/);
  return m ? `${m[1]} thread${m[1] === '1' ? '' : 's'}${m[2]}` : '–';
}

export function DiagnosticsBar() {
  const e = useEngineState();
  // The bar is on every page, so it starts the tab-to-tab baseline news once.
  useEffect(startBaselineSync, []);
  // Which job holds the engine, on every page: leaving a lab mid-job never hides that it still runs.
  const job = useJobs((s) => s.current);
  const backend =
    e.status === 'failed' ? 'unavailable' : e.backend ?? 'starting…';
  const mb = e.numBytes == null ? '' : ` (${(e.numBytes / 1e6).toFixed(1)} MB)`;
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <div className="diag">
        <span className="diag-label" aria-hidden="true">Backend in use</span>
        <output aria-label="Backend in use" role="status" title={e.fallbackReason ?? undefined}>
          {backend}
          {e.fallbackReason && e.requested ? ` (instead of ${e.requested})` : ''}
        </output>
      </div>
      <div className="diag">
        <span className="diag-label" aria-hidden="true">Threads</span>
        <output aria-label="Threads" role="status" title={e.backendDetail ?? undefined}>
          {threadsText(e.backend, e.backendDetail)}
        </output>
      </div>
      <WebGpuStatus />
      <div className="diag">
        <span className="diag-label" aria-hidden="true">Tensors in memory</span>
        <output aria-label="Tensors in memory" role="status">
          {e.numTensors == null ? '–' : `${count(e.numTensors)} tensors${mb}`}
        </output>
      </div>
      <div className="diag">
        <span className="diag-label" aria-hidden="true">Samples per second</span>
        <output aria-label="Samples per second" role="status">
          {e.samplesPerSec == null ? '–' : `${count(e.samplesPerSec)} samples/s`}
        </output>
      </div>
      <div className="diag">
        <span className="diag-label" aria-hidden="true">Running job</span>
        <output aria-label="Running job" role="status">
          {job ? `${job.name} (${job.lab.title})${job.stopRequested ? ', stopping' : ''}` : 'none'}
        </output>
      </div>
      <CacheList worker={e.caches} />
      <div className="diag diag-data">
        {e.dataReady ? (
          <span>
            MNIST: {count(e.dataInfo?.train)} train / {count(e.dataInfo?.test)} test
          </span>
        ) : e.dataProgress ? (
          <label>
            Loading MNIST{' '}
            <progress max={e.dataProgress.total || 1} value={e.dataProgress.loaded} />
          </label>
        ) : (
          <span>{e.status === 'failed' ? 'Engine failed to start' : 'Starting the engine…'}</span>
        )}
      </div>
    </section>
  );
}
