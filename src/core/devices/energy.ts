/**
 * Energy per inference and battery life, from the estimator's latency and each part's active power.
 *
 *   E_inference = P_active(engine) · t_inference
 *   P_average   = P_sleep + f · E_inference           (f = inferences per second, the duty cycle)
 *   battery life = E_battery / P_average,  E_battery = capacity (mAh) · voltage (V) · 3.6 J/mWh
 *
 * Active power is the whole part (core + memories + NPU) running the model, keyed by the catalog's
 * target ids and engines; catalog.ts stays the estimator's. Few vendors publish "power while running
 * a network", so most figures are assumed from the class of part and say so; the error band of the
 * latency carries straight through to the energy.
 *
 * Also the Horowitz (ISSCC 2014, 45 nm, 0.9 V) energy-per-operation table: why int8 arithmetic and
 * on-chip memory save energy.
 */
import type { Figure } from './target-types';

export interface ActivePower {
  /** Watts while the CPU engine runs the model. */
  cpu: Figure;
  /** Watts while the NPU runs the model (CPU mostly waiting), when the part has one. */
  npu?: Figure;
  /** Watts asleep between inferences (state retained, wake-up source on). */
  sleep: Figure;
}

const A = 'assumed';
const f = (value: number, source: string): Figure => ({ value, source });
const EMB = 'NPU increment from emb-exp.com "NXP NPUs: understanding the shift" (estimated ranges: i.MX 93 Ethos-U65 ~30–60 mW, i.MX 95 Neutron ~50–100 mW)';

/** Active and sleep power per catalog target id. */
export const ACTIVE_POWER: Record<string, ActivePower> = {
  mcxn947: {
    cpu: f(0.03, `${A}: Cortex-M33 class MCU at 150 MHz, ~60 µA/MHz at 3.3 V incl. SRAM/flash`),
    npu: f(0.04, `${A}: CPU figure + ~10 mW for the Neutron N1-16 MAC array and its data path`),
    sleep: f(20e-6, `${A}: deep sleep with SRAM retention, ~6 µA at 3.3 V`),
  },
  mcxn236: {
    cpu: f(0.03, `${A}: same Cortex-M33 at 150 MHz as the MCX N947`),
    sleep: f(20e-6, `${A}: deep sleep with SRAM retention`),
  },
  rt1060: {
    cpu: f(0.15, `${A}: Cortex-M7 at 600 MHz with FlexRAM + QSPI flash active (crossover MCU, ~100–200 mW)`),
    sleep: f(1e-3, `${A}: SNVS/low-power mode with RAM retention, order of 1 mW`),
  },
  rt1170: {
    cpu: f(0.25, `${A}: Cortex-M7 at 1 GHz, higher voltage corner than the RT1060`),
    sleep: f(1e-3, `${A}: low-power mode with RAM retention`),
  },
  rt700: {
    cpu: f(0.025, `${A}: Cortex-M33 at 325 MHz on a low-power process (RT700 is positioned for always-on / wearables)`),
    npu: f(0.035, `${A}: CPU figure + ~10 mW for the Neutron N3-64`),
    sleep: f(50e-6, `${A}: deep sleep with partial SRAM retention`),
  },
  imx8mp: {
    cpu: f(1.0, `${A}: i.MX 8M Plus SoC with one Cortex-A53 busy + LPDDR4 (~1 W class application processor)`),
    npu: f(1.8, `${A}: SoC + VeriSilicon NPU busy (the 2.3 TOPS NPU adds on the order of 1 W)`),
    sleep: f(0.1, `${A}: Linux suspend-to-RAM keeps DDR in self-refresh, ~100 mW board level`),
  },
  imx93: {
    cpu: f(0.6, `${A}: i.MX 93 SoC with one Cortex-A55 busy + LPDDR4X`),
    npu: f(0.65, `${A}: CPU figure + ~45 mW; ${EMB}`),
    sleep: f(0.05, `${A}: suspend-to-RAM, DDR in self-refresh`),
  },
  imx95: {
    cpu: f(1.2, `${A}: i.MX 95 SoC with one Cortex-A55 busy + LPDDR5`),
    npu: f(1.28, `${A}: CPU figure + ~75 mW; ${EMB}`),
    sleep: f(0.1, `${A}: suspend-to-RAM, DDR in self-refresh`),
  },
};

export function activePower(targetId: string): ActivePower | undefined {
  return ACTIVE_POWER[targetId];
}

/** Joules for one inference: latency (ms) × active power (W). NaN-free: bad inputs give 0. */
export function energyPerInferenceJ(latencyMs: number, powerW: number): number {
  if (!(latencyMs > 0) || !(powerW > 0) || !Number.isFinite(latencyMs * powerW)) return 0;
  return (latencyMs / 1000) * powerW;
}

export interface Battery {
  /** Capacity in mAh. */
  mAh: number;
  /** Nominal voltage in V. */
  volts: number;
}

/** A CR2032 coin cell: 225 mAh at 3 V (typical datasheet capacity, e.g. Energizer CR2032). */
export const COIN_CELL: Battery = { mAh: 225, volts: 3 };

export function batteryJoules(b: Battery): number {
  return b.mAh * b.volts * 3.6;
}

/**
 * Average power (W) when the device runs `perSecond` inferences per second of `energyJ` each and
 * sleeps in between; the busy fraction is capped at 1 (it cannot run more than back to back).
 */
export function averagePowerW(energyJ: number, latencyMs: number, perSecond: number, sleepW: number, activeW: number): number {
  const busy = Math.min(1, Math.max(0, (perSecond * latencyMs) / 1000));
  // Busy time draws active power; the rest of each second sleeps.
  const active = busy >= 1 ? activeW : perSecond * energyJ;
  return active + (1 - busy) * sleepW;
}

/** Battery life in hours; Infinity only if nothing draws power (never for a real part). */
export function batteryLifeHours(b: Battery, averageW: number): number {
  if (!(averageW > 0)) return Infinity;
  return batteryJoules(b) / averageW / 3600;
}

export interface EngineEnergy {
  engine: 'cpu' | 'npu';
  powerW: Figure;
  energyJ: number;
  /** Energy band from the latency's error band. */
  lowJ: number;
  highJ: number;
  averageW: number;
  batteryHours: number;
  /** True when the requested rate needs more than 100 % of the engine's time. */
  saturated: boolean;
}

/** Energy and battery life of one engine estimate on a target, at `perSecond` inferences per second. */
export function engineEnergy(
  targetId: string,
  e: { engine: 'cpu' | 'npu'; available: boolean; ms: number; low: number; high: number },
  battery: Battery,
  perSecond: number,
): EngineEnergy | undefined {
  const p = activePower(targetId);
  const powerW = e.engine === 'npu' ? p?.npu : p?.cpu;
  if (!p || !powerW || !e.available) return undefined;
  const energyJ = energyPerInferenceJ(e.ms, powerW.value);
  const averageW = averagePowerW(energyJ, e.ms, perSecond, p.sleep.value, powerW.value);
  return {
    engine: e.engine,
    powerW,
    energyJ,
    lowJ: energyPerInferenceJ(e.low, powerW.value),
    highJ: energyPerInferenceJ(e.high, powerW.value),
    averageW,
    batteryHours: batteryLifeHours(battery, averageW),
    saturated: (perSecond * e.ms) / 1000 > 1,
  };
}

/** "12.3 µJ", "4.56 mJ", "1.20 J". */
export function formatEnergy(j: number): string {
  if (!Number.isFinite(j) || j < 0) return '—';
  if (j === 0) return '0 J';
  if (j < 1e-3) return `${(j * 1e6).toPrecision(3)} µJ`;
  if (j < 1) return `${(j * 1e3).toPrecision(3)} mJ`;
  return `${j.toPrecision(3)} J`;
}

/** "3.2 h", "41 days", "2.7 years". */
export function formatDuration(hours: number): string {
  if (Number.isNaN(hours) || hours < 0) return '—';
  if (!Number.isFinite(hours)) return 'unlimited';
  if (hours < 1) return `${(hours * 60).toPrecision(2)} min`;
  if (hours < 48) return `${hours.toPrecision(3)} h`;
  const days = hours / 24;
  if (days < 730) return `${days.toPrecision(3)} days`;
  return `${(days / 365).toPrecision(3)} years`;
}

export interface OperationEnergy {
  op: string;
  pJ: number;
  group: 'integer' | 'float' | 'memory';
}

/**
 * Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014, energy per
 * operation at 45 nm, 0.9 V. The 32-bit integer and float figures are also tabulated in
 * Front. Neurol. 2022 (PMC8934428, table 3) from the same source. Memory figures are per 64-bit access.
 */
export const HOROWITZ_45NM: { source: string; ops: OperationEnergy[] } = {
  source: 'M. Horowitz, "Computing\'s energy problem (and what we can do about it)", ISSCC 2014, 45 nm, 0.9 V',
  ops: [
    { op: '8-bit integer add', pJ: 0.03, group: 'integer' },
    { op: '32-bit integer add', pJ: 0.1, group: 'integer' },
    { op: '8-bit integer multiply', pJ: 0.2, group: 'integer' },
    { op: '32-bit integer multiply', pJ: 3.1, group: 'integer' },
    { op: '16-bit float add', pJ: 0.4, group: 'float' },
    { op: '32-bit float add', pJ: 0.9, group: 'float' },
    { op: '16-bit float multiply', pJ: 1.1, group: 'float' },
    { op: '32-bit float multiply', pJ: 3.7, group: 'float' },
    { op: 'SRAM read, 64 bit (8 KB array)', pJ: 10, group: 'memory' },
    { op: 'SRAM read, 64 bit (32 KB array)', pJ: 20, group: 'memory' },
    { op: 'SRAM read, 64 bit (1 MB array)', pJ: 100, group: 'memory' },
    { op: 'DRAM read, 64 bit', pJ: 1300, group: 'memory' },
  ],
};

/** Energy of the arithmetic alone for `macs` multiply-accumulates at a precision (Horowitz 45 nm). */
export function macEnergyJ(macs: number, precision: 'int8' | 'fp32'): number {
  // An int8 MAC multiplies 8-bit values and accumulates into 32 bits (as CMSIS-NN and NPUs do).
  const pJ = precision === 'int8' ? 0.2 + 0.1 : 3.7 + 0.9;
  return Math.max(0, macs) * pJ * 1e-12;
}
