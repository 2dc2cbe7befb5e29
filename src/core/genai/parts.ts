/**
 * The i.MX application processors as LLM hosts: DRAM (size on the EVK from the device catalog,
 * bandwidth from bus width × transfer rate), CPU throughput (all cores) and whether the NPU takes
 * transformer workloads. Published LLM measurements on these and comparable Cortex-A parts follow.
 */
import { getTarget } from '../devices/catalog';
import type { Figure } from '../devices/target-types';

export interface GenAiPart {
  id: string;
  name: string;
  /** DRAM on the evaluation board, bytes. */
  dramBytes: Figure;
  /** Peak DRAM bandwidth, bytes/s. */
  dramBandwidth: Figure;
  /** Sustained fraction of the peak a decode loop reaches (streaming weight reads). */
  bandwidthEfficiency: Figure;
  cpuCores: Figure;
  cpuClockMHz: Figure;
  /** Sustained int8 MACs per cycle per core (the device estimator's figure). */
  cpuMacsPerCycle: Figure;
  /** Multi-core scaling of a matrix multiply over all cores. */
  parallelEfficiency: Figure;
  /** NPU throughput on transformer layers, MAC/s; undefined = no LLM support on the NPU. */
  npuMacsPerSecond?: Figure;
  npuNote: string;
}

const f = (value: number, source: string): Figure => ({ value, source });
const A = 'assumed';
const KB_DDR = 'NXP community knowledge base, "i.MX 8M / i.MX 93 LPDDR4 memory compatibility guide"';
const BW_EFF = f(0.6, `${A}: streaming reads on Cortex-A reach ~50–70 % of the DRAM peak`);
const PAR = f(0.8, `${A}: llama.cpp-style matmul over all cores`);

function base(id: string, cores: number) {
  const t = getTarget(id);
  return {
    id,
    name: t.name,
    dramBytes: t.ram,
    cpuCores: f(cores, `NXP ${t.name} fact sheet`),
    cpuClockMHz: t.cpu.clockMHz,
    cpuMacsPerCycle: t.cpu.int8MacsPerCycle,
    bandwidthEfficiency: BW_EFF,
    parallelEfficiency: PAR,
  };
}

export const GENAI_PARTS: GenAiPart[] = [
  {
    ...base('imx8mp', 4),
    dramBandwidth: f(32 / 8 * 4000e6, `${KB_DDR}: 32-bit bus; LPDDR4 at 4000 MT/s (i.MX 8M Plus data sheet) → 16 GB/s peak`),
    npuNote: 'The VeriSilicon NPU runs CNNs through the VX delegate; no LLM support has been published, so the CPU runs the model.',
  },
  {
    ...base('imx93', 2),
    dramBandwidth: f(16 / 8 * 3733e6, `${KB_DDR}: i.MX 93 has a 16-bit bus and at most 2 GB; LPDDR4X at 3733 MT/s (i.MX 93 data sheet) → 7.5 GB/s peak`),
    npuNote: 'The Ethos-U65 is a microNPU for CNNs compiled with Vela; LLMs run on the two Cortex-A55 cores.',
  },
  {
    ...base('imx95', 6),
    dramBandwidth: f(32 / 8 * 6400e6, `${A}: 32-bit LPDDR5 at 6400 MT/s (i.MX 95 fact sheet) → 25.6 GB/s peak`),
    npuMacsPerSecond: f(
      1.024e12 * 0.1,
      `${A}: 10 % of the 2 TOPS (1 TMAC/s) peak on transformer layers, set so NPU prefill comes out ≈ 3× the CPU, as Roofline / NXP report "up to 3.2×" (roofline.ai case study, eIQ Neutron LLM enablement)`,
    ),
    npuNote: 'eIQ GenAI Flow and Roofline\'s compiler run LLM prefill on the Neutron NPU; decode stays bandwidth bound either way.',
  },
];

export function findGenAiPart(id: string): GenAiPart | undefined {
  return GENAI_PARTS.find((p) => p.id === id);
}

export interface LlmMeasurement {
  device: string;
  model: string;
  weights: string;
  decodeTps: number;
  prefillTps?: number;
  note: string;
  source: string;
}

/** Published numbers found for this page. None were found for the i.MX 8M Plus or i.MX 93. */
export const LLM_MEASUREMENTS: LlmMeasurement[] = [
  {
    device: 'Rockchip RK3566 (4× Cortex-A55 @1.8 GHz, 4 GB LPDDR4)',
    model: 'Llama-3.2-1B-Instruct',
    weights: 'Q4_K_M (~4.8 bits)',
    decodeTps: 1.02,
    prefillTps: 1.88,
    note: 'llama.cpp llama-cli, 8-token prompt, thread count not stated',
    source: 'github.com/ggml-org/llama.cpp/issues/34 (comment of 2024-12-15)',
  },
  {
    device: 'Amlogic S7D TV box (4× Cortex-A55 @2.5 GHz, 1.9 GB)',
    model: 'Qwen3.5-0.8B',
    weights: '4-bit',
    decodeTps: 7.5,
    note: 'stock llama.cpp; 16.8 tok/s with the author\'s custom kernels',
    source: 'github.com/hyperionaidev/smolmaxxing README',
  },
];

export const IMX95_NPU_PREFILL_SPEEDUP = {
  value: 3.2,
  source: 'roofline.ai case study "Roofline and NXP enable … LLMs on eIQ Neutron NPU": up to 3.2× LLM prefill over CPU-only on i.MX 95 (no absolute tokens/s published there)',
};
