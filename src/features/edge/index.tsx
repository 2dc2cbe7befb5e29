/**
 * "Why edge AI" (#/edge), the first page of the course: the benefits of deciding on the device, each
 * with an example, the classes of compute on a log scale, and the cloud-vs-edge calculator. The
 * device panel follows the calculator's model (int8 and fp32 on the panel's target).
 */
import { useMemo } from 'react';
import { useDeviceVariants } from '../../components/device-panel';
import { edgeSettings } from '../../store/edge';
import { useLabSettings } from '../../store/use-lab-settings';
import { useBaseline } from '../../store/baseline';
import { BENEFITS } from './benefits';
import { Calculator } from './Calculator';
import { ComputeClasses } from './ComputeClasses';
import { modelSpec } from './use-calculator';
import './edge.css';


export default function EdgePage() {
  const [s, update] = useLabSettings(edgeSettings);
  const baseline = useBaseline((b) => b.baseline?.spec);
  const spec = useMemo(() => modelSpec(s.eModel, baseline), [s.eModel, baseline]);
  const baselineNote = s.eModel === 'baseline' && !baseline ? 'No baseline saved yet (train one in the Train lab): showing LeNet-5.' : undefined;
  useDeviceVariants([
    { label: 'int8', spec, deployment: { dtype: 'int8' } },
    { label: 'fp32', spec, deployment: { dtype: 'fp32' } },
  ]);
  return (
    <div className="edge-page">
      <p className="lead">
        A model that runs next to its sensor answers in milliseconds, keeps the data private, and often spends less energy than sending the data
        away. It also has to fit in kilobytes. This page shows why, with numbers you can change.
      </p>
      <section aria-labelledby="edge-benefits">
        <h2 id="edge-benefits">What the edge buys</h2>
        <ul className="edge-benefits">
          {BENEFITS.map((b) => (
            <li key={b.title}>
              <h3>{b.title}</h3>
              <span className="edge-device">{b.device}</span>
              <p>{b.why}</p>
              <p className="edge-example">{b.example}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="edge-classes">
        <h2 id="edge-classes">Classes of compute</h2>
        <ComputeClasses s={s} update={update} />
      </section>
      <section aria-labelledby="edge-calc">
        <h2 id="edge-calc">Cloud or edge? A calculator</h2>
        <Calculator s={s} update={update} spec={spec} baselineNote={baselineNote} />
      </section>
    </div>
  );
}
