/** The pruning core's public surface (worker, scripts and the page's types import from here). */
export * from './types';
export { computeMasks, layerSparsity, overallSparsity, jaccardPruned, argsortAscending, unitCountOf } from './masks';
export { scheduledSparsity, isPruneStep, type PruneSchedule } from './schedule';
export { structuredCandidates, shrinkModel, tensorMasks, applyTensorMasks, effectiveMasks } from './structure';
export { sizeLedger, sizeLedgerWithGzip, type SizeLedger } from './ledger';
export { histogram, type Histogram } from './histogram';
