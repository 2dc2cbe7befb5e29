/**
 * From the device estimator's full Estimate to the three numbers NAS budgets and plots. Flash and RAM
 * are what the device panel shows as "Flash" and "RAM" (model + runtime code; tensor arena, plus the
 * weights on Linux parts), so a candidate that passes here shows "Fits: yes" there.
 */
import type { Estimate } from '../../devices/estimate-types';
import type { Deployment } from '../../devices/types';
import type { CostEstimate } from './constraints';

export type LatencyEngine = 'cpu' | 'npu';

/** NAS deploys int8 (what MCU runtimes and every NXP NPU execute). */
export const NAS_DEPLOYMENT: Deployment = { dtype: 'int8' };

/** The latency is the NPU's when asked for and the NPU can run the model, else the CPU's (see `engine`). */
export function costOf(e: Estimate, engine: LatencyEngine): Required<CostEstimate> {
  const useNpu = engine === 'npu' && e.npu !== undefined && e.npu.available;
  return {
    flashBytes: e.flash.total,
    ramBytes: e.ram.total,
    latencyMs: useNpu ? e.npu!.ms : e.cpu.ms,
    engine: useNpu ? 'npu' : 'cpu',
  };
}
