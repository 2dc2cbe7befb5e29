/**
 * Classes of compute, side by side: a desktop CPU, a data-centre class GPU, Arm application
 * processors (i.MX 8M Plus / 93 / 95) and microcontrollers (MCX N, i.MX RT). The NXP parts take
 * their clock and memory from the device catalog (one source of truth); the rest cite vendor
 * specification pages. Prices are list / street prices of one unit and only show the order of
 * magnitude; power is the typical draw while busy, not a datasheet maximum.
 */
import { getTarget } from '../devices/catalog';
import { ACTIVE_POWER } from '../devices/energy';
import type { Figure } from '../devices/target-types';

export type ComputeClass = 'Desktop CPU' | 'Data-centre GPU' | 'Application processor' | 'Microcontroller';

export interface ComputeEntry {
  id: string;
  name: string;
  klass: ComputeClass;
  cores: Figure;
  clockMHz: Figure;
  /** Watts while busy. */
  powerW: Figure;
  priceUsd: Figure;
  /** Bytes of working memory (RAM / DRAM / VRAM). */
  memoryBytes: Figure;
  memoryKind: string;
  isa: string;
  fpu: string;
  /** Example of where this class runs AI. */
  example: string;
}

const f = (value: number, source: string): Figure => ({ value, source });
const GB = 1024 ** 3;
const A = 'assumed';

function nxp(id: string, cores: number, price: Figure, isa: string, fpu: string, example: string, klass: ComputeClass): ComputeEntry {
  const t = getTarget(id);
  const p = ACTIVE_POWER[id];
  const busy = p.npu ?? p.cpu;
  return {
    id,
    name: t.name,
    klass,
    cores: f(cores, `NXP ${t.name} fact sheet (${t.cpu.name.split(' @')[0]})`),
    clockMHz: t.cpu.clockMHz,
    powerW: busy,
    priceUsd: price,
    memoryBytes: t.ram,
    memoryKind: t.ram.kind,
    isa,
    fpu,
    example,
  };
}

export const COMPUTE_CLASSES: ComputeEntry[] = [
  {
    id: 'desktop-cpu',
    name: 'Intel Core i5-13400 (desktop)',
    klass: 'Desktop CPU',
    cores: f(10, 'Intel product specifications: 6 performance + 4 efficient cores'),
    clockMHz: f(4600, 'Intel product specifications: max turbo 4.6 GHz'),
    powerW: f(65, 'Intel product specifications: 65 W processor base power (148 W max turbo)'),
    priceUsd: f(220, `${A}: recommended customer price of the order of $200–230`),
    memoryBytes: f(16 * GB, `${A}: a typical 16 GB DDR5 desktop (the part takes up to 192 GB)`),
    memoryKind: 'DDR5 DIMMs',
    isa: 'x86-64 (AVX2, VNNI)',
    fpu: 'fp64/fp32 SIMD',
    example: 'Training and running models on a laptop or desktop',
  },
  {
    id: 'gpu',
    name: 'NVIDIA GeForce RTX 4090',
    klass: 'Data-centre GPU',
    cores: f(16384, 'NVIDIA RTX 4090 specifications: 16,384 CUDA cores'),
    clockMHz: f(2520, 'NVIDIA RTX 4090 specifications: boost clock 2.52 GHz'),
    powerW: f(450, 'NVIDIA RTX 4090 specifications: 450 W total graphics power'),
    priceUsd: f(1599, 'NVIDIA launch price (MSRP) $1,599'),
    memoryBytes: f(24 * GB, 'NVIDIA RTX 4090 specifications: 24 GB GDDR6X'),
    memoryKind: 'GDDR6X, ~1 TB/s',
    isa: 'CUDA (PTX / SASS), tensor cores',
    fpu: 'fp32/fp16/bf16/fp8 tensor',
    example: 'Training; serving large models from the cloud',
  },
  nxp('imx95', 6, f(40, `${A}: order of $30–50 in volume`), 'Armv8.2-A (A55) + Armv8-M / Armv7E-M cores', 'NEON fp32/fp16, NPU int8', 'Car cabin camera, industrial HMI, local LLM assistant', 'Application processor'),
  nxp('imx8mp', 4, f(35, `${A}: order of $30–40 in volume`), 'Armv8-A (A53) + Cortex-M7', 'NEON fp32, NPU int8/int16', 'Smart camera, machine vision', 'Application processor'),
  nxp('imx93', 2, f(18, `${A}: order of $15–20 in volume`), 'Armv8.2-A (A55) + Cortex-M33', 'NEON fp32/fp16, NPU int8', 'Voice control, smart home hub', 'Application processor'),
  nxp('rt1170', 2, f(12, `${A}: order of $10–15 in volume`), 'Armv7E-M (Cortex-M7 + M4)', 'fp64 scalar (M7)', 'Appliance display, motor control with anomaly detection', 'Microcontroller'),
  nxp('mcxn947', 2, f(6, `${A}: order of $5–8 in volume`), 'Armv8-M Mainline (Cortex-M33)', 'fp32 scalar + DSP, NPU int8', 'Battery sensor: keyword spotting, activity, vibration', 'Microcontroller'),
];

/** The metrics the log-scale chart can show, with units. */
export const CLASS_METRICS = {
  memoryBytes: 'Memory',
  powerW: 'Power',
  priceUsd: 'Price',
  clockMHz: 'Clock',
  cores: 'Cores',
} as const;
export type ClassMetric = keyof typeof CLASS_METRICS;

/** Decades spanned by a metric over the table (max / min as a power of ten): how wide the range is. */
export function decadesSpanned(metric: ClassMetric, entries: ComputeEntry[] = COMPUTE_CLASSES): number {
  const v = entries.map((e) => e[metric].value).filter((x) => x > 0);
  return Math.log10(Math.max(...v) / Math.min(...v));
}
