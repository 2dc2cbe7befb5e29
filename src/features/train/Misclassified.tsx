/** A few test digits the model got wrong, with what it predicted and how sure it was. */
import type { EvalResult, TestSamples } from '../../worker/protocol';
import { memo } from 'react';
import { DigitCanvas } from '../../components/DigitCanvas';

interface Props {
  items: EvalResult['misclassified'];
  samples: TestSamples;
}

export const Misclassified = memo(function Misclassified({ items, samples }: Props) {
  const n = Math.min(items.length, samples.labels.length);
  if (n === 0) return <p>No misclassified test digits.</p>;
  return (
    <figure className="misclassified">
      <figcaption>Misclassified test digits (true → predicted, confidence)</figcaption>
      <ul>
        {items.slice(0, n).map((m, i) => {
          const text = `true ${m.label}, predicted ${m.predicted} (${Math.round(m.confidence * 100)} %)`;
          return (
            <li key={m.index}>
              <DigitCanvas pixels={samples.pixels.subarray(i * 784, (i + 1) * 784)} label={text} size={64} />
              <span aria-hidden="true">
                {m.label} → {m.predicted} <small>{Math.round(m.confidence * 100)} %</small>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
});
