/**
 * Compute engines of each catalog part beyond what the estimator models (GPUs, DSPs, real-time
 * cores), for the portfolio view. From NXP's product fact sheets, as recalled for this table.
 */
export interface PartEngines {
  cpu: string;
  npu?: string;
  gpu?: string;
  dsp?: string;
  other?: string;
  positioning: string;
}

export const FACT_SHEETS = "NXP product fact sheets / product pages (recalled for this table, not re-checked in this session)";

export const PART_ENGINES: Record<string, PartEngines> = {
  mcxn947: { cpu: '2× Cortex-M33 @150 MHz', npu: 'eIQ Neutron N1-16', dsp: 'PowerQuad DSP coprocessor', other: 'SmartDMA', positioning: 'Industrial and IoT MCU with on-chip ML' },
  mcxn236: { cpu: 'Cortex-M33 @150 MHz', positioning: 'Cost-optimised MCU; ML on the CPU (CMSIS-NN)' },
  rt1060: { cpu: 'Cortex-M7 @600 MHz', gpu: 'PXP 2D pixel pipeline', positioning: 'Crossover MCU: application-processor speed, MCU simplicity' },
  rt1170: { cpu: 'Cortex-M7 @1 GHz + Cortex-M4 @400 MHz', gpu: '2D vector GPU + PXP', positioning: 'Crossover MCU for HMI, voice and vision' },
  rt700: { cpu: '2× Cortex-M33 (compute + sense domains)', npu: 'eIQ Neutron N3-64', dsp: 'Cadence HiFi4 + HiFi1 DSPs', gpu: '2D vector GPU', positioning: 'Low-power crossover MCU for wearables and always-on sensing' },
  imx8mp: { cpu: '4× Cortex-A53 @1.8 GHz + Cortex-M7', npu: 'VeriSilicon NPU, 2.3 TOPS', gpu: 'GC7000UL 3D + GC520L 2D', dsp: 'Cadence HiFi4 audio DSP', other: 'Dual ISP', positioning: 'Machine vision and smart cameras' },
  imx93: { cpu: '2× Cortex-A55 @1.7 GHz + Cortex-M33', npu: 'Arm Ethos-U65-256 (microNPU)', gpu: 'PXP 2D only', positioning: 'Cost- and power-efficient Linux edge node' },
  imx95: { cpu: '6× Cortex-A55 @1.8 GHz + Cortex-M7 + Cortex-M33', npu: 'eIQ Neutron, 2 TOPS', gpu: 'Arm Mali GPU', other: 'ISP', positioning: 'Automotive, industrial and edge GenAI' },
};
