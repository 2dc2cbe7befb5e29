/**
 * The 10x10 confusion matrix of the test split as a table: rows are the true digit, columns the
 * predicted one; the diagonal is what the model gets right. Cell shade grows with the count so the
 * common confusions (4↔9, 3↔5, 7↔2) stand out from across a room.
 */
import type { EvalResult } from '../../worker/protocol';

export function ConfusionMatrix({ confusion }: { confusion: EvalResult['confusion'] }) {
  const rowTotals = confusion.map((r) => r.reduce((a, b) => a + b, 0));
  return (
    <figure className="confusion">
      <figcaption>Confusion matrix (test split): rows true digit, columns predicted</figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col" aria-label="True digit">
              true ↓ / pred →
            </th>
            {confusion.map((_, c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, t) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              {row.map((n, p) => {
                const share = rowTotals[t] ? n / rowTotals[t] : 0;
                const diag = t === p;
                // Diagonal in blue, errors in orange; opacity by share of the true class.
                const alpha = diag ? 0.15 + 0.6 * share : Math.min(0.85, share * 6);
                const bg = n === 0 ? 'transparent' : diag ? `rgba(31,95,191,${alpha})` : `rgba(194,65,12,${alpha})`;
                const dark = (diag && alpha > 0.5) || (!diag && alpha > 0.5);
                return (
                  <td key={p} style={{ background: bg, color: dark ? '#fff' : undefined }} title={`true ${t}, predicted ${p}: ${n}`}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
