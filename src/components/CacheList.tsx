/**
 * The diagnostics' caches: every bounded cache of the worker (trained NAS weights, shelf undo, model
 * slots; polled with the tensor count) and the results the page keeps (NAS runs, pruning and
 * quantization results). Collapsed to one line ("Caches": how many entries and bytes in all);
 * opened, each cache is an output named after it with its entries, bound and bytes.
 */
import { pageCaches } from '../store/page-caches';
import './cache-list.css';
import type { CacheInfo } from '../worker/protocol';

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

export function cacheText(c: CacheInfo): string {
  const bound = c.maxEntries === null ? '' : ` of ${c.maxEntries}`;
  const bytes = c.bytes > 0 || c.maxBytes !== null ? `, ${mb(c.bytes)}${c.maxBytes === null ? '' : ` of ${mb(c.maxBytes)}`}` : '';
  const dropped = c.evicted > 0 ? `, ${c.evicted} dropped` : '';
  return `${c.entries}${bound}${bytes}${dropped}`;
}

export function CacheList({ worker }: { worker: CacheInfo[] | null }) {
  const all = [...(worker ?? []), ...pageCaches()];
  const entries = all.reduce((n, c) => n + c.entries, 0);
  const bytes = all.reduce((n, c) => n + c.bytes, 0);
  return (
    <div className="diag">
      <details className="diag-caches">
        <summary>
          <span className="diag-label">Caches</span>{' '}
          <output aria-label="Caches" role="status">
            {worker === null ? '–' : `${entries} entries, ${mb(bytes)}`}
          </output>
        </summary>
        <ul aria-label="Caches and their bounds">
          {all.map((c) => (
            <li key={c.name}>
              <span aria-hidden="true">{c.name}: </span>
              <output aria-label={c.name} role="status">
                {cacheText(c)}
              </output>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
