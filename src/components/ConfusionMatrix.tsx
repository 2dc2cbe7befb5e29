/**
 * A confusion matrix as a table: rows are the true class, columns the predicted one; the diagonal is
 * what the model gets right. Cell shade grows with the count so the common confusions (4↔9, 3↔5 on
 * MNIST; neighbouring fault modes on sensors) stand out from across a room. Used by Train and Time series.
 * Memoised: a page's other updates (job status, progress) do not re-render its 100+ cells.
 */
import { memo } from 'react';

export interface ConfusionMatrixProps {
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Class names (default: the class index, e.g. digits). */
  classNames?: string[];
  caption?: string;
  className?: string;
}

export const ConfusionMatrix = memo(function ConfusionMatrix({
  confusion,
  classNames = confusion.map((_, i) => String(i)),
  caption = 'Confusion matrix (test split): rows true digit, columns predicted',
  className = 'confusion',
}: ConfusionMatrixProps) {
  const rowTotals = confusion.map((r) => r.reduce((a, b) => a + b, 0));
  return (
    <figure className={className}>
      <figcaption>{caption}</figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col" aria-label="True class (rows), predicted class (columns)">
              true ↓ / pred →
            </th>
            {classNames.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, t) => (
            <tr key={t}>
              <th scope="row">{classNames[t]}</th>
              {row.map((n, p) => {
                const share = rowTotals[t] ? n / rowTotals[t] : 0;
                const diag = t === p;
                // Diagonal in blue, errors in orange; opacity by share of the true class.
                const alpha = diag ? 0.15 + 0.6 * share : Math.min(0.85, share * 6);
                const bg = n === 0 ? 'transparent' : diag ? `rgba(31,95,191,${alpha})` : `rgba(194,65,12,${alpha})`;
                const dark = (diag && alpha > 0.5) || (!diag && alpha > 0.5);
                return (
                  <td key={p} style={{ background: bg, color: dark ? '#fff' : undefined }} title={`true ${classNames[t]}, predicted ${classNames[p]}: ${n}`}>
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
});
