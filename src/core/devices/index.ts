/**
 * Public API of the device estimator (pure TypeScript: no tfjs, no React).
 *
 *   const e = estimate(spec, { dtype: 'int8' }, 'mcxn947');
 *   e.flash.total, e.ram.arena, e.cpu.ms, e.npu?.ms, e.fits
 *   estimateAll(spec, deployment)   // one Estimate per catalog target
 */
export type { DType, Deployment, ModelVariant, StorageFormat } from './types';
export type * from './target-types';
export type * from './estimate-types';
export { TARGETS, DEFAULT_TARGET_ID, findTarget, getTarget } from './catalog';
export { estimate, estimateAll } from './estimate';
export { weightStorageBytes, breakEvenSparsity, csrIndexBytes } from './flash';
export { lower, analyzeCached } from './lower';
export { formatBytes, formatMs, formatCount } from './format';
export { mobilenetV2, mobilenetV1 } from '../model/zoo/reference-models';
export { VALIDATION_POINTS, HELD_OUT_POINTS, type ValidationPoint } from './validation-data';
export { heldOutRows, mcxnLeaveOneOut, summarise, errorFactor, median, engineLabel, type ValidationRow, type EngineSummary } from './validation';
export { ENGINE_BANDS, ASSUMED_BAND_FACTOR, bandFor, bandNote, type EngineBand } from './bands';
