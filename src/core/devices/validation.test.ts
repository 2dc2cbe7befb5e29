/**
 * Validation that can fail: published measurements the catalog was not fitted to (validation-data.ts,
 * role "held-out"), and leave-one-model-out on the MCX N947 MLPerf Tiny fit. Bounds: every held-out
 * point within 2x, the median error factor within 1.25x (the issue asks 1.35x; tightened to what the
 * data allows), the band containing ≥ 80 % of held-out measurements, bands equal to what the
 * residuals give, and no calibrated-looking band on an engine without measurements.
 */
import { describe, expect, it } from 'vitest';
import { TARGETS } from './catalog';
import { ASSUMED_BAND_FACTOR, ENGINE_BANDS, bandFor } from './bands';
import { estimate } from './estimate';
import { HELD_OUT_POINTS, VALIDATION_POINTS } from './validation-data';
import { deriveBands, errorFactor, heldOutRows, mcxnLeaveOneOut, median, residualsByEngine } from './validation';

const rows = heldOutRows();
const loo = mcxnLeaveOneOut();

describe('held-out published measurements', () => {
  it('has at least 15 points on at least five parts, each with a source, runtime and clock', () => {
    expect(HELD_OUT_POINTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(VALIDATION_POINTS.map((p) => p.targetId)).size).toBeGreaterThanOrEqual(5);
    for (const p of VALIDATION_POINTS) {
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.runtime.length, p.id).toBeGreaterThan(2);
      expect(p.clockMHz, p.id).toBeGreaterThan(0);
    }
  });
  for (const r of rows) {
    it(`${r.point.id}: estimate ${r.estimate.toFixed(3)} ms within 2x of the published ${r.point.ms} ms`, () => {
      expect(errorFactor(r.ratio)).toBeLessThan(2);
    });
  }
  it('median error factor within 1.25x', () => {
    const m = median(rows.map((r) => errorFactor(r.ratio)));
    console.log(`held-out: n = ${rows.length}, median ${m.toFixed(3)}x, worst ${Math.max(...rows.map((r) => errorFactor(r.ratio))).toFixed(3)}x`);
    expect(m).toBeLessThan(1.25);
  });
  it('the band the panel shows contains the measurement on at least 80 % of held-out points', () => {
    const inside = rows.filter((r) => r.inBand).length;
    expect(inside / rows.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('leave-one-model-out on the MCX N947 (fit on three MLPerf models, predict the fourth)', () => {
  for (const l of loo) {
    for (const r of l.rows) {
      it(`${l.engine} ${r.id}: predicted ${r.predicted.toFixed(2)} ms vs ${r.measured} ms, within 2x`, () => {
        expect(errorFactor(r.ratio)).toBeLessThan(2);
      });
    }
    it(`${l.engine}: median leave-one-out error within 1.35x`, () => {
      expect(median(l.rows.map((r) => errorFactor(r.ratio)))).toBeLessThan(1.35);
    });
  }
});

describe('error bands from residuals', () => {
  it('the catalog bands are exactly what the held-out residuals give (regenerate bands.ts when they change)', () => {
    expect(ENGINE_BANDS).toEqual(deriveBands(residualsByEngine(rows, loo)));
  });
  it('engines without a held-out measurement get the assumed ±2.5x band and say so', () => {
    for (const t of TARGETS) {
      for (const engine of ['cpu', 'npu'] as const) {
        if (engine === 'npu' && !t.npu) continue;
        const measured = rows.some((r) => r.point.targetId === t.id && r.point.engine === engine) || (t.id === 'mcxn947');
        const b = bandFor(t.id, engine);
        const e = estimate({ id: 'x', name: 'x', inputShape: [8], layers: [{ type: 'dense', name: 'd', units: 4 }] }, { dtype: 'int8' }, t.id);
        const eng = engine === 'cpu' ? e.cpu : e.npu!;
        if (!measured) {
          expect(b.status, `${t.id}/${engine}`).toBe('assumed');
          expect(Math.min(b.below, b.above)).toBeGreaterThanOrEqual(ASSUMED_BAND_FACTOR);
          expect(eng.calibration).toBe('assumed');
          expect(eng.bandNote).toMatch(/uncalibrated/);
        } else {
          expect(eng.calibration).toBe('calibrated');
        }
      }
    }
  });
  it('cross-validated: a band built without a point still contains it on at least 80 % of held-out points', () => {
    // The catalog band contains every held-out point by construction; this asks whether the band
    // rule generalises: rebuild each engine's band without the point, then test the point.
    const all = residualsByEngine(rows, loo);
    let inside = 0;
    for (const r of rows) {
      const key = `${r.point.targetId}/${r.point.engine}`;
      const others = new Map(all);
      const mine = [...(all.get(key) ?? [])];
      mine.splice(mine.indexOf(r.ratio), 1);
      others.set(key, mine);
      const b = deriveBands(others)[key] ?? { below: ASSUMED_BAND_FACTOR, above: ASSUMED_BAND_FACTOR };
      if (r.point.ms >= r.estimate / b.below && r.point.ms <= r.estimate * b.above) inside++;
    }
    console.log(`cross-validated band coverage: ${inside} / ${rows.length}`);
    expect(inside / rows.length).toBeGreaterThanOrEqual(0.8);
  });
  it('bands are asymmetric where the residuals are (the MCX N947 NPU misses high more than low)', () => {
    const b = bandFor('mcxn947', 'npu');
    expect(b.below).not.toBe(b.above);
  });
});
