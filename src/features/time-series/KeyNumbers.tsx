/** The run's key numbers, right under the buttons: windows, the task's metric (float and int8), progress. */
import { memo } from 'react';
import { Output, count, percent } from '../../components/Output';
import type { TimeSeriesTask, TrainOutcome, DataSummary } from '../../worker/protocol/time-series';
import { JobStatus, useJob } from '../../components/jobs';
import { timeSeriesLab } from './lab';
import { fixed } from './palette';

export const KeyNumbers = memo(function KeyNumbers({ task, summary, outcome }: { task: TimeSeriesTask; summary: DataSummary | null; outcome: TrainOutcome | null }) {
  const busy = useJob(timeSeriesLab).running;
  const f = outcome?.float;
  const q = outcome?.int8;
  return (
    <div className="ts-key panel">
      <Output label="Windows">{summary ? count(summary.windows) : '–'}</Output>
      {task === 'classification' && (
        <>
          <Output label="Test accuracy">{percent(f?.classification?.accuracy)}</Output>
          <Output label="int8 accuracy" size="small">{percent(q?.classification?.accuracy)}</Output>
        </>
      )}
      {task === 'anomaly' && (
        <>
          <Output label="AUC">{fixed(f?.anomaly?.auc, 3)}</Output>
          <Output label="int8 AUC" size="small">{fixed(q?.anomaly?.auc, 3)}</Output>
        </>
      )}
      {task === 'regression' && (
        <>
          <Output label="MAE">{f?.regression ? `${fixed(f.regression.mae * 100, 1)} % SoC` : '–'}</Output>
          <Output label="R²">{fixed(f?.regression?.r2, 3)}</Output>
          <Output label="RMSE" size="small">{f?.regression ? `${fixed(f.regression.rmse * 100, 1)} % SoC` : '–'}</Output>
          <Output label="int8 MAE" size="small">{q?.regression ? `${fixed(q.regression.mae * 100, 1)} % SoC` : '–'}</Output>
        </>
      )}
      <div className="ts-progress">
        <JobStatus lab={timeSeriesLab} />
        {!busy && outcome && (
          <span role="status" aria-label="Run result">
            {outcome.stopped ? `Stopped after ${outcome.epochsDone} epochs.` : outcome.spec ? `Trained ${outcome.epochsDone} epochs; evaluated on ${summary?.test ?? '?'} test windows (float and int8).` : 'Baseline evaluated (no training needed).'}
          </span>
        )}
      </div>
    </div>
  );
});
