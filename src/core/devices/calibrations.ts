/**
 * What is fitted where: for each engine with published numbers, the free constants and the points
 * they are fitted to. fit.test.ts refits every entry from the prior (the first cost model of
 * shared/nxp-reference.md, not the catalog's values) and checks the catalog holds the result;
 * validation.ts runs leave-one-out on the MCX N947 entries.
 */
import { MLPERF_TINY } from '../model/zoo/mlperf';
import { getTarget } from './catalog';
import { cpuEfficiencyParam, cpuParam, npuParam, type FitParam, type FitPoint } from './fit';
import type { Target } from './target-types';
import { VALIDATION_POINTS } from './validation-data';

export interface Calibration {
  targetId: string;
  engine: 'cpu' | 'npu';
  params: FitParam[];
  points: FitPoint[];
  /** The catalog target with the fitted constants reset to their prior values. */
  prior(): Target;
}

const f = (value: number, source: string) => ({ value, source });
const PRIOR = 'prior: shared/nxp-reference.md first cost model';

/** MLPerf Tiny on the MCX N947 (eIQ model zoo), the estimator's original fit. */
export function mlperfPoints(engine: 'cpu' | 'npu'): FitPoint[] {
  return MLPERF_TINY.map((m) => ({ id: m.id, spec: m.spec, engine, ms: m.measured.find((x) => x.targetId === 'mcxn947' && x.engine === engine)!.ms }));
}

const calibrationPoints = (targetId: string, engine: 'cpu' | 'npu'): FitPoint[] =>
  VALIDATION_POINTS.filter((p) => p.targetId === targetId && p.engine === engine && p.role === 'calibration');

function priorMcxnCpu(): Target {
  const t = getTarget('mcxn947');
  const e = t.cpu.efficiency;
  return {
    ...t,
    cpu: { ...t.cpu, int8MacsPerCycle: f(0.35, PRIOR), efficiency: { ...e, depthwise: f(0.35, PRIOR), dense: f(0.6, PRIOR) } },
  };
}

function priorMcxnNpu(): Target {
  const t = getTarget('mcxn947');
  // u_dw 0.15 of the whole array = 0.6 of the 4 output lanes; 2.25 B/cycle weight bandwidth.
  return { ...t, npu: { ...t.npu!, convUtilization: f(0.85, PRIOR), depthwiseUtilization: f(0.6, PRIOR), weightBytesPerCycle: f(2.25, PRIOR) } };
}

const unchanged = (id: string) => () => getTarget(id);

export const CALIBRATIONS: Calibration[] = [
  {
    targetId: 'mcxn947',
    engine: 'cpu',
    params: [cpuParam('int8MacsPerCycle', 0.05, 2), cpuEfficiencyParam('depthwise'), cpuEfficiencyParam('dense')],
    points: mlperfPoints('cpu'),
    prior: priorMcxnCpu,
  },
  {
    targetId: 'mcxn947',
    engine: 'npu',
    params: [npuParam('convUtilization'), npuParam('depthwiseUtilization'), npuParam('weightBytesPerCycle', 0.1, 64)],
    points: mlperfPoints('npu'),
    prior: priorMcxnNpu,
  },
  { targetId: 'rt700', engine: 'npu', params: [npuParam('depthwiseUtilization')], points: calibrationPoints('rt700', 'npu'), prior: unchanged('rt700') },
  { targetId: 'imx8mp', engine: 'cpu', params: [cpuParam('int8MacsPerCycle', 0.1, 16), cpuParam('fixedOverheadMs', 0.005, 1)], points: calibrationPoints('imx8mp', 'cpu'), prior: unchanged('imx8mp') },
  { targetId: 'imx8mp', engine: 'npu', params: [npuParam('activationBytesPerCycle', 0.5, 64), npuParam('fixedOverheadCycles', 1_000, 1e7)], points: calibrationPoints('imx8mp', 'npu'), prior: unchanged('imx8mp') },
  { targetId: 'imx93', engine: 'cpu', params: [cpuParam('int8MacsPerCycle', 0.1, 16), cpuParam('fixedOverheadMs', 0.005, 1)], points: calibrationPoints('imx93', 'cpu'), prior: unchanged('imx93') },
  { targetId: 'imx93', engine: 'npu', params: [npuParam('convUtilization')], points: calibrationPoints('imx93', 'npu'), prior: unchanged('imx93') },
  { targetId: 'imx95', engine: 'npu', params: [npuParam('activationBytesPerCycle', 0.5, 64)], points: calibrationPoints('imx95', 'npu'), prior: unchanged('imx95') },
];
