/** The "Scan layer sensitivity" button: the mixed-precision scan in the worker, its result in a small store. */
import { create } from 'zustand';
import type { QuantizationSettingsValues } from '../../store/quantization';
import { getEngine, proxy } from '../../worker/client';
import type { MixedPrecisionReport, MixedPrecisionRequest } from '../../worker/protocol/quantization';
import { job, requestOf } from './actions';

/** Each layer is tried alone at these weight bits; the others stay at REF_BITS. */
export const LOW_BITS = [4, 2];
export const REF_BITS = 8;

export const useMixedPrecision = create<{ report: MixedPrecisionReport | null }>(() => ({ report: null }));

export function mixedRequestOf(v: QuantizationSettingsValues): MixedPrecisionRequest {
  const { weightFormat: _unused, layerBits: _own, ...rest } = requestOf(v);
  return { ...rest, refBits: REF_BITS, lowBits: LOW_BITS };
}

export function runMixedPrecision(v: QuantizationSettingsValues): Promise<void> {
  return job(
    'The mixed-precision scan',
    (j) =>
      getEngine().quantization.mixedPrecision(
        mixedRequestOf(v),
        proxy(j.guard((done: number, total: number) => j.progress(done / total, `Mixed precision: ${done} of ${total} conversions`))),
      ),
    (report) => useMixedPrecision.setState({ report }),
  );
}
