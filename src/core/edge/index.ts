/** Cloud vs edge: radio links, the calculator and the classes of compute (pure TypeScript). */
export { LINKS, findLink, type Link, type LinkId } from './links';
export { cloudVsEdge, formatDataBytes, DEFAULT_REPORT_SECONDS, DEFAULT_RESULT_BYTES, DEFAULT_SERVER_MS } from './calculator';
export type { CalculatorInput, CalculatorResult } from './calculator';
export { COMPUTE_CLASSES, CLASS_METRICS, decadesSpanned, type ClassMetric, type ComputeEntry } from './compute-classes';
