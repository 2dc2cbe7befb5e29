/**
 * Classes of compute on a log scale: a bar per part whose length is log10 of the chosen metric, so a
 * 24 GB GPU and a 512 KB microcontroller both stay visible (4.7 decades apart), then every figure in
 * a table with its source on hover and in the list below.
 */
import { formatBytes } from '../../core/devices';
import { CLASS_METRICS, COMPUTE_CLASSES, decadesSpanned, type ClassMetric, type ComputeEntry } from '../../core/edge';
import { SelectField } from '../../components/controls';
import type { EdgeSettingsValues } from '../../store/edge';

function formatMetric(metric: ClassMetric, v: number): string {
  switch (metric) {
    case 'memoryBytes':
      return formatBytes(v);
    case 'powerW':
      return v < 1 ? `${(v * 1000).toPrecision(3)} mW` : `${v.toPrecision(3)} W`;
    case 'priceUsd':
      return `$${v.toLocaleString('en-US')}`;
    case 'clockMHz':
      return v >= 1000 ? `${(v / 1000).toPrecision(3)} GHz` : `${v} MHz`;
    case 'cores':
      return v.toLocaleString('en-US');
  }
}

const METRIC_OPTIONS = (Object.keys(CLASS_METRICS) as ClassMetric[]).map((k) => ({ value: k, label: CLASS_METRICS[k] }));

export function ComputeClasses({ s, update }: { s: EdgeSettingsValues; update(patch: Partial<EdgeSettingsValues>): void }) {
  const metric = s.eMetric;
  const values = COMPUTE_CLASSES.map((c) => c[metric].value);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const width = (v: number) => `${Math.max(2, ((Math.log10(v) - lo) / Math.max(1, hi - lo)) * 100)}%`;
  return (
    <div className="edge-classes">
      <SelectField label="Compare by" value={metric} options={METRIC_OPTIONS} onChange={(v) => update({ eMetric: v })} />
      <figure className="edge-log">
        <figcaption>
          {CLASS_METRICS[metric]} on a log scale: {decadesSpanned(metric).toFixed(1)} decades from the smallest to the largest
        </figcaption>
        <ul aria-label={`${CLASS_METRICS[metric]} by part`}>
          {COMPUTE_CLASSES.map((c) => (
            <li key={c.id}>
              <span className="edge-log-name">{c.name}</span>
              <span className="edge-log-track" aria-hidden="true">
                <span className={`edge-log-bar edge-klass-${c.klass.split(' ')[0].toLowerCase()}`} style={{ width: width(c[metric].value) }} />
              </span>
              <span className="edge-log-value" title={c[metric].source}>
                {formatMetric(metric, c[metric].value)}
              </span>
            </li>
          ))}
        </ul>
        <div className="edge-log-axis" aria-hidden="true">
          {Array.from({ length: hi - lo + 1 }, (_, i) => (
            <span key={i}>
              10<sup>{lo + i}</sup>
            </span>
          ))}
        </div>
      </figure>
      <ClassTable />
    </div>
  );
}

function ClassTable() {
  const cell = (c: ComputeEntry, k: ClassMetric) => (
    <td title={c[k].source}>{formatMetric(k, c[k].value)}</td>
  );
  return (
    <details className="edge-details">
      <summary>All figures and their sources</summary>
      <div className="edge-table-wrap" tabIndex={0}>
        <table className="edge-table">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Class</th>
              <th scope="col">Cores</th>
              <th scope="col">Clock</th>
              <th scope="col">Power (busy)</th>
              <th scope="col">Price</th>
              <th scope="col">Memory</th>
              <th scope="col">ISA</th>
              <th scope="col">FPU / AI</th>
            </tr>
          </thead>
          <tbody>
            {COMPUTE_CLASSES.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.klass}</td>
                {cell(c, 'cores')}
                {cell(c, 'clockMHz')}
                {cell(c, 'powerW')}
                {cell(c, 'priceUsd')}
                <td title={c.memoryBytes.source}>
                  {formatBytes(c.memoryBytes.value)} {c.memoryKind}
                </td>
                <td>{c.isa}</td>
                <td>{c.fpu}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="edge-sources">
        {COMPUTE_CLASSES.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> ({c.example}): cores — {c.cores.source}; clock — {c.clockMHz.source}; power — {c.powerW.source}; price —{' '}
            {c.priceUsd.source}; memory — {c.memoryBytes.source}.
          </li>
        ))}
      </ul>
    </details>
  );
}
