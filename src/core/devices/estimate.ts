/**
 * The device estimator: ModelSpec + Deployment + target → flash, RAM, latency per engine, fit.
 * Pure and synchronous; about 10 µs per target for the zoo models, so the panel re-estimates on
 * every slider move (see scripts/bench-estimate.ts).
 */
import type { ModelSpec } from '../model/spec';
import { assumptionsFor } from './assumptions';
import { bandFor, bandNote } from './bands';
import { DEFAULT_TARGET_ID, TARGETS, getTarget } from './catalog';
import type { EngineEstimate, Estimate, LayerEstimate, RamEstimate } from './estimate-types';
import { downloadBytes, flashEstimate, kernelBytes } from './flash';
import { cpuLatency, npuLatency } from './latency';
import { activationBytes, lower, type LoweredModel } from './lower';
import { ramEstimate, scratchBytes } from './memory';
import type { Target } from './target-types';
import type { Deployment } from './types';

function withArena(ram: RamEstimate, arena: number): RamEstimate {
  const total = arena + ram.weights;
  return { ...ram, total, margin: ram.capacity - total, fits: total <= ram.capacity };
}

/** True when the part copies models into an on-chip model region and this one does not fit it. */
export function weightsInExternalFlash(target: Target, modelFileBytes: number): boolean {
  return target.modelRegion !== undefined && modelFileBytes > target.modelRegion.bytes;
}

export function estimateLowered(m: LoweredModel, dep: Deployment, target: Target): Estimate {
  const flash = flashEstimate(m, dep, target);
  const ram = ramEstimate(m, dep, target, flash.model);
  const cpuPerOp: number[] = [];
  const cpuBand = bandFor(target.id, 'cpu');
  const cpu: EngineEstimate = {
    ...cpuLatency(m, target, dep, cpuPerOp, cpuBand),
    calibration: cpuBand.status,
    bandNote: bandNote(cpuBand),
  };
  let npu: EngineEstimate | undefined;
  const npuPerOp: (number | undefined)[] = [];
  const reasons: (string | undefined)[] = [];
  if (target.npu) {
    const npuBand = bandFor(target.id, 'npu');
    const external = weightsInExternalFlash(target, flash.model);
    npu = { ...npuLatency(m, target, target.npu, dep, cpuPerOp, npuPerOp, reasons, npuBand, external), calibration: npuBand.status, bandNote: bandNote(npuBand) };
  }
  const storage = dep.storage ?? 'dense';
  const quantized = m.activationDtype === 'int8' || m.activationDtype === 'int4';
  const actBytes = dep.activationBits === 16 ? 2 : activationBytes(m.activationDtype); // 16x8: int16 tensors
  const layers: LayerEstimate[] = m.ops.map((op, i) => ({
    name: op.name,
    op: op.op,
    fused: op.fused,
    params: op.kernelParams + op.biases,
    macs: op.macs,
    weightDtype: op.weightDtype,
    sparsity: op.sparsity,
    weightBytes: kernelBytes(op, storage),
    outputBytes: op.outputSize * actBytes,
    scratchBytes: scratchBytes(op, dep, quantized),
    cpuMs: cpuPerOp[i],
    npuMs: npuPerOp[i],
    fallback: reasons[i],
  }));
  const best = npu?.available && npu.ms < cpu.ms ? npu : cpu;
  // The arena that must fit is the one of the engine that runs the model (the NPU keeps its own plan).
  const usedRam = best === npu && ram.npuArena !== undefined ? withArena(ram, ram.npuArena) : ram;
  return {
    targetId: target.id,
    targetName: target.name,
    params: layers.reduce((a, l) => a + l.params, 0),
    trainingParams: m.info.params,
    macs: m.info.macs,
    flash,
    downloadBytes: downloadBytes(m, flash),
    ram: usedRam,
    cpu,
    npu,
    best,
    fits: flash.fits && usedRam.fits,
    layers,
    assumptions: assumptionsFor(target, dep),
  };
}

/**
 * Estimate one model deployment on one target. Throws SpecError (naming the layer) for an invalid
 * spec and an Error naming the known targets for an unknown id.
 */
export function estimate(spec: ModelSpec, deployment: Deployment, targetId: string = DEFAULT_TARGET_ID): Estimate {
  const target = getTarget(targetId);
  return estimateLowered(lower(spec, deployment), deployment, target);
}

/** The same deployment on every target in the catalog (lowered once). */
export function estimateAll(spec: ModelSpec, deployment: Deployment, targets: Target[] = TARGETS): Estimate[] {
  const m = lower(spec, deployment);
  return targets.map((t) => estimateLowered(m, deployment, t));
}
