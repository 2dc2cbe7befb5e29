/**
 * "Save to shelf" under a Time-series run: the trained model (kept in the worker's slot for its task)
 * becomes a root version with its task, metric and the link that reproduces the run.
 */
import { SaveToShelf } from '../../components/shelf/SaveToShelf';
import { useJob } from '../../components/jobs';
import { formatTaskMetric } from '../../core/shelf/types';
import type { TrainOutcome } from '../../worker/protocol/time-series';
import type { TimeSeriesSettings } from '../../store/time-series';
import { timeSeriesLab } from './lab';
import { defaultTsVersionName, taskMetricOf, taskOf } from './shelf-save';

export function SaveRun({ outcome, ran }: { outcome: TrainOutcome; ran: { settings: TimeSeriesSettings; link: string } }) {
  const busy = useJob(timeSeriesLab).running;
  const metric = taskMetricOf(outcome);
  if (!outcome.saveSlot || !outcome.spec || !metric) return null;
  const s = ran.settings;
  return (
    <section className="panel ts-save" aria-labelledby="ts-save-h">
      <h2 id="ts-save-h">Keep this model</h2>
      <p className="ts-caption">
        Saves the float model ({outcome.spec.name}, test {metric.name} {formatTaskMetric(metric.name, metric.float)}
        {metric.int8 !== undefined ? `; int8 PTQ measured ${formatTaskMetric(metric.name, metric.int8)}` : ''}) with its task and the settings
        that made it. The Models page lists it with that metric; the image labs do not offer it (they work on MNIST digits).
      </p>
      <SaveToShelf
        slot={outcome.saveSlot}
        defaultName={defaultTsVersionName(s)}
        parentId={null}
        technique="train"
        lab={timeSeriesLab.id}
        settingsLink={ran.link}
        metrics={{ taskMetric: metric }}
        task={taskOf(s.tsTask, s.tsDataset)}
        disabled={busy}
      />
    </section>
  );
}
