import { describe, expect, it } from 'vitest';
import { TARGETS, estimate } from './index';
import { LENET5 } from '../model/zoo/mnist';
import {
  ACTIVE_POWER,
  COIN_CELL,
  HOROWITZ_45NM,
  averagePowerW,
  batteryJoules,
  batteryLifeHours,
  energyPerInferenceJ,
  engineEnergy,
  formatDuration,
  formatEnergy,
  macEnergyJ,
} from './energy';

describe('energy per inference', () => {
  it('is latency × power (hand case: 10 ms at 30 mW = 300 µJ)', () => {
    expect(energyPerInferenceJ(10, 0.03)).toBeCloseTo(300e-6, 12);
    expect(formatEnergy(300e-6)).toBe('300 µJ');
    expect(formatEnergy(4.56e-3)).toBe('4.56 mJ');
  });

  it('gives 0, never NaN, for bad inputs', () => {
    for (const [ms, w] of [[0, 1], [-5, 1], [NaN, 1], [10, -1], [Infinity, 1]]) {
      expect(energyPerInferenceJ(ms, w)).toBe(0);
    }
  });

  it('has sourced power for every catalog target and engine', () => {
    for (const t of TARGETS) {
      const p = ACTIVE_POWER[t.id];
      expect(p, t.id).toBeDefined();
      expect(p.cpu.value).toBeGreaterThan(0);
      expect(p.cpu.source.length).toBeGreaterThan(5);
      expect(Boolean(p.npu), `${t.id} NPU power iff the part has an NPU`).toBe(Boolean(t.npu));
      expect(p.sleep.value).toBeLessThan(p.cpu.value);
    }
  });
});

describe('battery life', () => {
  it('hand case: CR2032 (225 mAh, 3 V = 2430 J), 1 inference/s of 300 µJ, 20 µW sleep', () => {
    expect(batteryJoules(COIN_CELL)).toBeCloseTo(2430, 9);
    // busy fraction = 10 ms/s = 1 %; average = 300 µW + 0.99 · 20 µW = 319.8 µW
    const avg = averagePowerW(300e-6, 10, 1, 20e-6, 0.03);
    expect(avg).toBeCloseTo(319.8e-6, 12);
    expect(batteryLifeHours(COIN_CELL, avg)).toBeCloseTo(2430 / 319.8e-6 / 3600, 6);
  });

  it('saturates at the active power when inferences run back to back', () => {
    // 200 inferences/s of 10 ms each would need 2 s per second: the part is always on.
    expect(averagePowerW(300e-6, 10, 200, 20e-6, 0.03)).toBeCloseTo(0.03, 12);
  });

  it('formats durations across scales', () => {
    expect(formatDuration(0.5)).toBe('30 min');
    expect(formatDuration(12)).toBe('12.0 h');
    expect(formatDuration(24 * 100)).toBe('100 days');
    expect(formatDuration(24 * 365 * 3)).toBe('3.00 years');
    expect(formatDuration(NaN)).toBe('—');
  });

  it('the NPU saves energy on a conv net where it is much faster (LeNet-5 int8, MCX N947)', () => {
    const est = estimate(LENET5, { dtype: 'int8' }, 'mcxn947');
    const cpu = engineEnergy('mcxn947', est.cpu, COIN_CELL, 1)!;
    const npu = engineEnergy('mcxn947', est.npu!, COIN_CELL, 1)!;
    expect(cpu.energyJ).toBeCloseTo((est.cpu.ms / 1000) * ACTIVE_POWER.mcxn947.cpu.value, 12);
    expect(npu.energyJ).toBeLessThan(cpu.energyJ);
    expect(npu.batteryHours).toBeGreaterThan(cpu.batteryHours);
    expect(cpu.lowJ).toBeLessThan(cpu.energyJ);
    expect(cpu.highJ).toBeGreaterThan(cpu.energyJ);
  });

  it('an unavailable engine has no energy', () => {
    const est = estimate(LENET5, { dtype: 'fp32' }, 'mcxn947');
    expect(est.npu?.available).toBe(false);
    expect(engineEnergy('mcxn947', est.npu!, COIN_CELL, 1)).toBeUndefined();
  });
});

describe('Horowitz 45 nm table', () => {
  const pj = (op: string) => HOROWITZ_45NM.ops.find((o) => o.op === op)!.pJ;
  it('8-bit multiply ≈ 0.2 pJ vs fp32 multiply ≈ 3.7 pJ; DRAM ≫ SRAM', () => {
    expect(pj('8-bit integer multiply')).toBe(0.2);
    expect(pj('32-bit float multiply')).toBe(3.7);
    expect(pj('32-bit float multiply') / pj('8-bit integer multiply')).toBeGreaterThan(18);
    expect(pj('DRAM read, 64 bit') / pj('SRAM read, 64 bit (8 KB array)')).toBeGreaterThan(100);
  });
  it('arithmetic energy of 1 M MACs: int8 0.3 µJ, fp32 4.6 µJ', () => {
    expect(macEnergyJ(1e6, 'int8')).toBeCloseTo(0.3e-6, 12);
    expect(macEnergyJ(1e6, 'fp32')).toBeCloseTo(4.6e-6, 12);
  });
});
