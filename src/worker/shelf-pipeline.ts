/**
 * The pipeline recipe: a chosen sequence of steps run on a shelf version in one go (e.g. prune 80 %
 * with 1 fine-tune epoch → int8 PTQ), each intermediate saved as a child version. Pruning runs through
 * the Pruning lab's own worker function (pruningApi.prune on a slot), quantization through the
 * Quantization lab's core pipeline (calibrate → convert → integer-only evaluation); a pruned version's
 * masks are held during fine-tuning (attachMasks) and survive quantization (zeros quantize to zero).
 */
import { imagesToFloat } from '../core/data/mnist';
import { isWeighted } from '../core/model/spec';
import { defaultVersionName, pruneStep, quantStep } from '../core/shelf/naming';
import type { ModelVersion } from '../core/shelf/types';
import { attachMasks } from '../core/techniques/pruning/model-masks';
import { accuracyOf } from '../core/techniques/pruning/evaluate';
import { foldBatchNorm } from '../core/techniques/quantization/fold-bn';
import { calibrateModel, convertAndEvaluate, integerEvaluate } from '../core/techniques/quantization/pipeline';
import { IntegerPathError } from '../core/techniques/quantization/integer-model';
import { trainLoop } from '../core/train/loop';
import { createSlot, disposeSlot, getData, getSlot, runJob } from './context';
import { pruningApi } from './pruning';
import { SLOTS } from './protocol';
import { quantParamsOf } from './shelf-convert';
import type { PipelineEvent, PipelineRequest, PipelineResult, SaveVersionRequest, ShelfEntry, WriteResult } from './protocol/shelf';

const PIPE = SLOTS.shelfPipeline;
const PIPE_SCRATCH = SLOTS.shelfPipelineScratch;

interface Deps {
  getVersion(id: string): Promise<ModelVersion>;
  versionFromSlot(req: SaveVersionRequest): Promise<ModelVersion>;
  putVersion(v: ModelVersion): Promise<WriteResult>;
  entryOf(v: ModelVersion): ShelfEntry;
}

const TRAINING = { batchSize: 64, learningRate: 0.001, optimizer: 'adam' as const };

export async function runPipeline(req: PipelineRequest, onEvent: ((e: PipelineEvent) => void) | undefined, deps: Deps): Promise<PipelineResult> {
  const emit = (e: PipelineEvent) => {
    try {
      onEvent?.(e);
    } catch {
      /* a closed page must not break the run */
    }
  };
  let current = await deps.getVersion(req.from);
  const saved: ShelfEntry[] = [];
  let stopped = false;
  createSlot(PIPE, current.spec, current.seed, current.weights);
  try {
    for (let i = 0; i < req.steps.length && !stopped; i++) {
      const step = req.steps[i];
      if (current.quant && step.kind !== 'quantize') {
        throw new Error(`step ${i + 1}: "${current.name}" is quantized; a quantized version can be re-quantized or deployed, not trained in float`);
      }
      const progress = (fraction: number, label: string) => emit({ type: 'step', index: i, label, fraction });
      let next: SaveVersionRequest;
      if (step.kind === 'prune') {
        progress(0, `Pruning ${Math.round(step.sparsity * 100)} %`);
        const layers = current.spec.layers.filter(isWeighted).map((l) => l.name);
        const r = await pruningApi.prune(
          {
            config: { granularity: 'unstructured', scope: 'global', criterion: 'magnitude', target: step.sparsity, layers },
            when: 'after', training: { ...TRAINING, epochs: step.fineTuneEpochs, seed: req.seed }, source: PIPE,
          },
          (e) => e.type === 'batch' && progress((e.epoch + (e.batch + 1) / e.batchesPerEpoch) / Math.max(1, step.fineTuneEpochs), 'Fine-tuning'),
        );
        if (r.stopped) stopped = true;
        const w = getSlot(SLOTS.pruningWork);
        createSlot(PIPE, w.spec, w.seed, w.model.getWeights());
        next = {
          slot: PIPE, name: defaultVersionName(current.name, pruneStep(step.sparsity)), technique: 'prune', lab: 'pruning', parentId: current.id,
          masks: 'from-zeros', metrics: { floatAccuracy: r.accuracyFinal },
        };
      } else if (step.kind === 'fine-tune') {
        progress(0, 'Fine-tuning');
        const acc = await fineTune(current, step.epochs, req.seed, (f) => progress(f, 'Fine-tuning'));
        stopped = acc.stopped;
        next = {
          slot: PIPE, name: defaultVersionName(current.name, `fine-tuned ${step.epochs} ep`), technique: 'fine-tune', lab: 'train', parentId: current.id,
          masks: current.masks ? 'from-zeros' : undefined, metrics: { floatAccuracy: acc.accuracy },
        };
      } else {
        progress(0, `Quantizing to int${step.bits}`);
        const q = await quantize(step.bits, req.seed, (f) => progress(f, 'Integer-only evaluation'));
        stopped = q.stopped;
        next = {
          slot: PIPE, name: defaultVersionName(current.name, quantStep(step.bits)), technique: 'quantize', lab: 'quantization', parentId: current.id,
          masks: current.masks ? 'from-zeros' : undefined, quant: q.quant,
          metrics: { floatAccuracy: q.floatAccuracy, ...(q.integerAccuracy !== null ? { integerAccuracy: q.integerAccuracy } : {}) },
        };
      }
      if (stopped) break; // a half-finished step is not saved as a version
      const v = await deps.versionFromSlot(next);
      await deps.putVersion(v);
      const entry = deps.entryOf(v);
      saved.push(entry);
      emit({ type: 'saved', index: i, version: entry });
      progress(1, 'Saved');
      current = v;
    }
  } finally {
    disposeSlot(PIPE);
    disposeSlot(PIPE_SCRATCH);
  }
  return { saved, stopped };
}

/** Fine-tunes the PIPE slot with the version's masks held (pruned weights stay exactly zero). */
async function fineTune(v: ModelVersion, epochs: number, seed: number, progress: (f: number) => void): Promise<{ accuracy: number; stopped: boolean }> {
  return runJob('pipeline fine-tune', async (signal) => {
    const { model } = getSlot(PIPE);
    const { tensors } = getData();
    const masks = v.masks ? attachMasks(model, v.masks) : null;
    try {
      masks?.apply();
      const r = await trainLoop({
        model, train: { xs: tensors.train.xs, labels: tensors.train.labels }, ...TRAINING, epochs, seed, signal, evaluateEachEpoch: false,
        afterStep: () => masks?.apply(),
        onBatch: (e) => progress((e.epoch + (e.batch + 1) / e.batchesPerEpoch) / Math.max(1, epochs)),
      });
      return { accuracy: accuracyOf(model, tensors.test.xs, tensors.test.labels), stopped: r.stopped };
    } finally {
      masks?.dispose();
    }
  });
}

/** int8 (or int4-weight) PTQ of the PIPE slot: batch norm folded into PIPE, parameters and integer accuracy measured. */
async function quantize(bits: 8 | 4, seed: number, progress: (f: number) => void) {
  return runJob('pipeline quantization', async (signal) => {
    const src = getSlot(PIPE);
    const folded = foldBatchNorm(src.spec, src.model.getWeights());
    createSlot(PIPE, folded.spec, src.seed, folded.weights);
    createSlot(PIPE_SCRATCH, folded.spec, src.seed, folded.weights);
    const { tensors, raw } = getData();
    const options = {
      weightBits: bits, activationBits: 8, scheme: 'asymmetric' as const, granularity: 'per-channel' as const, rounding: 'nearest' as const,
      seed, calibration: 'minmax' as const, percentile: 99.99,
    };
    const calibXs = tensors.train.xs.slice(0, 500);
    try {
      const float = getSlot(PIPE).model;
      const floatAccuracy = accuracyOf(float, tensors.test.xs, tensors.test.labels);
      const cal = calibrateModel(float, calibXs, options);
      const fq = convertAndEvaluate(float, getSlot(PIPE_SCRATCH).model, cal.ranges, options, tensors.test.xs, raw.test.labels);
      let integerAccuracy: number | null = null;
      let stopped = false;
      try {
        const int = await integerEvaluate(fq.qm, imagesToFloat(raw.test), raw.test.labels, fq.logits, { signal, onProgress: (d, t) => progress(d / t) });
        stopped = int.done < raw.test.labels.length;
        integerAccuracy = int.accuracy;
      } catch (e) {
        if (!(e instanceof IntegerPathError)) throw e;
      }
      return { quant: quantParamsOf(fq.qm, 'PTQ'), floatAccuracy, integerAccuracy, stopped };
    } finally {
      calibXs.dispose();
    }
  });
}
