/**
 * FitNets (Romero et al. 2015) next to plain knowledge distillation: the same student, seed, transfer
 * set and KD settings; the FitNets student first learns to predict the teacher's hint layer through a
 * regressor (stage 1), then trains with the KD loss. One chart, both students' test accuracy per epoch.
 */
import { useId, useState } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { Output, percent } from '../../components/Output';
import { useJob } from '../../components/jobs';
import { distillationSettings } from '../../store/distillation';
import { useLabSettings } from '../../store/use-lab-settings';
import { distillationLab } from './lab';
import { compareFitNets, useFitNets } from './fitnets-actions';

const SERIES = [
  { key: 'kd', name: 'KD (Hinton et al.)', color: '#c0392b', dots: true },
  { key: 'fitnets', name: 'FitNets: hints, then KD', color: '#1f5fbf', dots: true },
];

export function FitNetsPanel() {
  const [v] = useLabSettings(distillationSettings);
  const busy = useJob(distillationLab).blocked;
  const report = useFitNets((s) => s.report);
  const [hintEpochs, setHintEpochs] = useState(2);
  const id = useId();
  const epochs = Math.max(report?.kd?.history.length ?? 0, report?.fitnets?.history.length ?? 0);
  const data = Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    kd: report?.kd?.history[i] ? report.kd.history[i].testAccuracy * 100 : null,
    fitnets: report?.fitnets?.history[i] ? report.fitnets.history[i].testAccuracy * 100 : null,
  }));
  return (
    <section className="panel" aria-label="FitNets hint training">
      <h2>FitNets: hint training, then distillation</h2>
      <p className="muted">
        Stage 1 trains the student up to its guided layer, plus a regressor r, so that r(guided output) matches the teacher's hint layer:
        L = ½‖u<sub>hint</sub> − r(v<sub>guided</sub>)‖². Stage 2 is the KD run above from those weights. A plain KD student with the same seed,
        transfer set and settings is trained for comparison.
      </p>
      <div className="kd-fitnets-fields">
        <label htmlFor={id}>Hint epochs</label>{' '}
        <input id={id} type="number" min={1} max={20} value={hintEpochs} onChange={(e) => setHintEpochs(Math.min(20, Math.max(1, Math.round(Number(e.target.value) || 1))))} />{' '}
        <button type="button" className="button" disabled={busy} onClick={() => void compareFitNets(v, hintEpochs)}>
          Compare FitNets with KD
        </button>
      </div>
      {report && (
        <>
          <div className="outputs">
            <Output label="Hint layers" size="small">{`${report.hint} (${report.hintSize}) ← ${report.guided} (${report.guidedSize})`}</Output>
            <Output label="KD student accuracy" size="small">{report.kd ? percent(report.kd.testAccuracy, 2) : '–'}</Output>
            <Output label="FitNets student accuracy" size="small">{report.fitnets ? percent(report.fitnets.testAccuracy, 2) : '–'}</Output>
            <Output label="Hint loss (first → last epoch)" size="small">
              {report.hintLosses.length ? `${report.hintLosses[0].toFixed(3)} → ${report.hintLosses[report.hintLosses.length - 1].toFixed(3)}` : '–'}
            </Output>
          </div>
          {data.length > 0 && <LineChart title="Test accuracy (%) per KD epoch" data={data} xKey="epoch" xLabel="epoch" series={SERIES} yFormat={(x) => `${x.toFixed(0)} %`} />}
          {report.stopped && <p className="muted">Stopped: the numbers are from the epochs that finished.</p>}
        </>
      )}
    </section>
  );
}
