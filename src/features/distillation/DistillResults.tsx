/**
 * The experiment's outcome: the four key numbers, the left-out digit, and one chart of both students'
 * test accuracy per epoch with the teacher as a reference line (test loss next to it).
 */
import { useMemo } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { Output, percent } from '../../components/Output';
import { useDistillation, type StudentLive } from '../../store/distillation';
import type { SizeComparison } from '../../core/techniques/distillation/student';
import type { DigitScore } from '../../core/techniques/distillation/transfer-set';
import { useFocusAfterJob } from '../../components/use-result-focus';
import { distillationLab } from './lab';

const COLORS = { distilled: '#1f5fbf', scratch: '#c4512d', teacher: '#2e7d32' };

function curveData(students: Record<'distilled' | 'scratch', StudentLive>, teacherAcc: number | null) {
  const n = Math.max(students.distilled.epochs.length, students.scratch.epochs.length);
  return Array.from({ length: n }, (_, i) => ({
    epoch: i + 1,
    distilled: students.distilled.epochs[i]?.testAccuracy ?? null,
    scratch: students.scratch.epochs[i]?.testAccuracy ?? null,
    teacher: teacherAcc,
    distilledLoss: students.distilled.epochs[i]?.testLoss ?? null,
    scratchLoss: students.scratch.epochs[i]?.testLoss ?? null,
  }));
}

const digitText = (s: DigitScore | null | undefined) => (s ? `${percent(s.accuracy)} (${s.correct} of ${s.total})` : '–');

export function DistillResults({ teacherAccuracy, size, leaveOut }: { teacherAccuracy: number | null; size: SizeComparison | null; leaveOut: number | null }) {
  const students = useDistillation((s) => s.students);
  const report = useDistillation((s) => s.report);
  const runLabel = useDistillation((s) => s.runLabel);
  const resultsRef = useFocusAfterJob<HTMLElement>(distillationLab, ['Distilling']);
  const data = useMemo(() => curveData(students, teacherAccuracy), [students, teacherAccuracy]);
  const shownLeaveOut = report ? (report.teacherLeftOut?.digit ?? null) : leaveOut;
  const hasCurves = data.length > 0;
  // Whole-epoch ticks (at most ~10) and an accuracy axis that ends at 100 %.
  const step = Math.max(1, Math.ceil(data.length / 10));
  const xTicks = data.filter((d) => (d.epoch - 1) % step === 0).map((d) => d.epoch);
  const accValues = data.flatMap((d) => [d.distilled, d.scratch, d.teacher]).filter((x): x is number => x !== null && Number.isFinite(x));
  const accMin = accValues.length ? Math.max(0, Math.floor(Math.min(...accValues) * 20) / 20) : 0;
  const gap = students.distilled.testAccuracy !== null && students.scratch.testAccuracy !== null
    ? students.distilled.testAccuracy - students.scratch.testAccuracy
    : null;
  return (
    <section ref={resultsRef} tabIndex={-1} className="panel kd-results" aria-label="Distillation results">
      <div className="outputs">
        <Output label="Teacher accuracy">{percent(teacherAccuracy)}</Output>
        <Output label="Distilled student accuracy">{percent(students.distilled.testAccuracy)}</Output>
        <Output label="Scratch student accuracy">{percent(students.scratch.testAccuracy)}</Output>
        <Output label="Size ratio" title="teacher parameters ÷ student parameters">
          {size ? `${size.paramRatio.toFixed(1)}× fewer parameters` : '–'}
        </Output>
      </div>
      <div className="outputs kd-secondary">
        <Output label="Distilled − scratch" size="small">
          {gap === null ? '–' : `${gap >= 0 ? '+' : '−'}${(Math.abs(gap) * 100).toFixed(1)} points`}
        </Output>
        {size && (
          <Output label="Parameters" size="small">
            {`teacher ${size.teacherParams.toLocaleString('en-US')}, student ${size.studentParams.toLocaleString('en-US')}`}
          </Output>
        )}
        {report && (
          <Output label="Transfer set" size="small">
            {`${report.transferSize.toLocaleString('en-US')} samples${shownLeaveOut === null ? '' : `, none of them a ${shownLeaveOut}`}${report.shiftedCopies ? `, + ${report.shiftedCopies} shifted copies each` : ''}`}
          </Output>
        )}
      </div>
      {shownLeaveOut !== null && (
        <div className="outputs kd-leftout" aria-label={`Left-out digit ${shownLeaveOut}`}>
          <Output label={`Teacher on test ${shownLeaveOut}s`} size="small">{digitText(report?.teacherLeftOut)}</Output>
          <Output label={`Distilled student on test ${shownLeaveOut}s`} size="small">{digitText(students.distilled.leftOut)}</Output>
          <Output label={`Scratch student on test ${shownLeaveOut}s`} size="small">{digitText(students.scratch.leftOut)}</Output>
        </div>
      )}
      {hasCurves ? (
        <div className="kd-charts">
          <LineChart
            title={`Test accuracy per epoch${runLabel ? ` (${runLabel})` : ''}`}
            data={data}
            xKey="epoch"
            xLabel="epoch"
            series={[
              { key: 'distilled', name: 'distilled student', color: COLORS.distilled, dots: true },
              { key: 'scratch', name: 'scratch student', color: COLORS.scratch, dots: true },
              { key: 'teacher', name: 'teacher', color: COLORS.teacher, dashed: true },
            ]}
            yDomain={[accMin, 1]}
            xTicks={xTicks}
            xDomain={[1, Math.max(2, data.length)]}
            yFormat={(v) => `${(v * 100).toFixed(0)} %`}
          />
          <LineChart
            title="Test loss (cross-entropy) per epoch"
            data={data}
            xKey="epoch"
            xLabel="epoch"
            series={[
              { key: 'distilledLoss', name: 'distilled student', color: COLORS.distilled, dots: true },
              { key: 'scratchLoss', name: 'scratch student', color: COLORS.scratch, dots: true },
            ]}
            yFormat={(v) => v.toFixed(2)}
            xTicks={xTicks}
            xDomain={[1, Math.max(2, data.length)]}
          />
        </div>
      ) : (
        <p className="placeholder">Press Distill: both students' test accuracy appears here after every epoch.</p>
      )}
    </section>
  );
}
