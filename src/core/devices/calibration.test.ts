/**
 * Regression guards on the points the MCX N947 constants were fitted to: the MLPerf Tiny models
 * (NXP eIQ model zoo) within 1.5x on CPU and NPU, the KWS tensor arena within 15 %, and the specs
 * matching the reference MAC / parameter / activation counts within 2 %. This is not validation
 * (the constants were fitted here): validation.test.ts checks points the catalog never saw.
 */
import { describe, expect, it } from 'vitest';
import { MLPERF_TINY } from '../model/zoo/mlperf';
import { estimate } from './index';

describe('MLPerf Tiny reference specs', () => {
  for (const m of MLPERF_TINY) {
    it(`${m.id}: MACs, parameters and peak activations within 2 % of the .tflite counts`, () => {
      const e = estimate(m.spec, { dtype: 'int8' }, 'mcxn947');
      expect(Math.abs(e.macs / m.reference.macs - 1)).toBeLessThan(0.02);
      expect(Math.abs(e.params / m.reference.params - 1)).toBeLessThan(0.02);
      const peakAct = Math.max(...e.ram.timeline.map((s) => s.activationBytes));
      expect(Math.abs(peakAct / m.reference.peakActivationBytes - 1)).toBeLessThan(0.02);
    });
  }
});

describe('calibration on the MCX N947 (eIQ model zoo timings)', () => {
  const rows: string[] = [];
  for (const m of MLPERF_TINY) {
    for (const meas of m.measured) {
      it(`${m.id} on ${meas.targetId} ${meas.engine}: estimate within 1.5x of ${meas.ms} ms`, () => {
        const e = estimate(m.spec, { dtype: 'int8' }, meas.targetId);
        const eng = meas.engine === 'cpu' ? e.cpu : e.npu!;
        expect(eng.available).toBe(true);
        const ratio = eng.ms / meas.ms;
        rows.push(`${m.id} ${meas.engine}: ${eng.ms.toFixed(2)} ms / ${meas.ms} ms = ${ratio.toFixed(2)}`);
        expect(ratio).toBeGreaterThan(1 / 1.5);
        expect(ratio).toBeLessThan(1.5);
        // The published number lies inside the band the panel shows.
        expect(meas.ms).toBeGreaterThanOrEqual(eng.low);
        expect(meas.ms).toBeLessThanOrEqual(eng.high);
      });
    }
  }
  it('KWS tensor arena within 15 % of the measured 17,296 B', () => {
    const kws = MLPERF_TINY.find((m) => m.id === 'kws')!;
    const e = estimate(kws.spec, { dtype: 'int8' }, 'mcxn947');
    const ratio = e.ram.arena / kws.arenaBytes!.value;
    rows.push(`kws arena: ${e.ram.arena} B / ${kws.arenaBytes!.value} B = ${ratio.toFixed(3)}`);
    expect(Math.abs(ratio - 1)).toBeLessThan(0.15);
    console.log(rows.join('\n'));
  });
});
