/** What the CSV import understood (columns, labels, rate) or why it refused the file. */
import type { CsvImportInfo } from '../../worker/protocol/time-series';

export function CsvPreview({ info, error }: { info: CsvImportInfo | null; error: string | null }) {
  if (error) return <p className="notice notice-error" role="alert">Could not import: {error}</p>;
  if (!info) return null;
  return (
    <section className="ts-csv" aria-labelledby="ts-csv-h">
      <h2 id="ts-csv-h">Imported files</h2>
      <ul>
        {info.files.map((f) => (
          <li key={f.name}>
            <strong>{f.name}</strong>: {f.rows} rows, channels {f.channels.join(', ')}; label{f.labelColumn ? ` column "${f.labelColumn}"` : ' from the file name'}: {f.labels.join(', ')};{' '}
            {f.sampleRate ? `${f.sampleRate.toFixed(1)} Hz from "${f.timeColumn}"` : 'no time column (the sampling rate field applies)'}
          </li>
        ))}
      </ul>
      <table className="ts-preview">
        <caption>First rows of {info.files[0]?.name}</caption>
        <thead>
          <tr>{info.preview[0]?.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {info.preview.slice(1).map((r, i) => (
            <tr key={i}>{r.map((v, j) => <td key={j}>{v}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
