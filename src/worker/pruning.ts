/**
 * engine.pruning.*: the Pruning lab inside the worker. Never touches the "baseline" slot's weights:
 * every run copies the source into its own slots ("pruning:work", "pruning:small" for the shrunk
 * structured model, "pruning:scratch" for sweeps, scans and duels).
 */
import '../core/train/wasm-kernels';
import { analyzeSpec } from '../core/model/analyze';
import type {  WeightSet } from '../core/model/spec';
import { calibrationBatches, runPruning } from '../core/techniques/pruning/pipeline';
import { accuracyOf } from '../core/techniques/pruning/evaluate';
import { computeScores } from '../core/techniques/pruning/collect';
import { sensitivityScan } from '../core/techniques/pruning/sensitivity';
import {
  effectiveMasks, histogram, jaccardPruned, layerSparsity, shrinkModel, sizeLedgerWithGzip, structuredCandidates,
  type MaskSet, type PruneConfig,
} from '../core/techniques/pruning';

import { createSlot, getData, getSlot, runJob, throttle } from './context';
import type { ModelSpec } from '../core/model/spec';
import { SLOTS, type TrainEvent } from './protocol';
import type { DuelSide, PruningApi, SweepPoint, PrunableLayer } from './protocol/pruning';
import { unitMacCost } from '../core/techniques/pruning/structure';
import { unitLatencyCost } from '../core/techniques/pruning/latency-cost';
import { DEFAULT_TARGET_ID } from '../core/devices';
import { iterativeJob } from './pruning-iterative';

const WORK_SLOT = SLOTS.pruningWork;
const SMALL_SLOT = SLOTS.pruningSmall;
const SCRATCH = SLOTS.pruningScratch;


const kernels = (w: WeightSet, layers?: string[]) =>
  w.filter((t) => t.role === 'kernel' && (!layers || layers.includes(t.layer))).map((t) => t.data);

function splits() {
  const { tensors } = getData();
  return {
    train: { xs: tensors.train.xs, labels: tensors.train.labels },
    test: { xs: tensors.test.xs, labels: tensors.test.labels },
  };
}

/** Copies the source into a slot; a fresh initialisation for "before" (the sparse net trains from scratch). */
function copyInto(slot: string, source: string, fresh: boolean, seed: number) {
  const src = getSlot(source);
  return createSlot(slot, src.spec, fresh ? seed : src.seed, fresh ? undefined : src.model.getWeights());
}

async function withCalibration<T>(config: PruneConfig, fn: (cal: ReturnType<typeof calibrationBatches>) => Promise<T>): Promise<T> {
  // OBD's Hessian diagonal is a mean of squared batch gradients: more, smaller batches estimate it better.
  const batches = config.criterion === 'obd' ? 32 : 4;
  const cal = config.criterion === 'magnitude' ? [] : calibrationBatches(splits().train, 256, batches);
  try {
    return await fn(cal);
  } finally {
    for (const b of cal) {
      b.xs.dispose();
      b.labels.dispose();
    }
  }
}

export const pruningApi: PruningApi = {
  iterative: (req, onRound) => iterativeJob(req, onRound),

  async info(source: string = SLOTS.baseline) {
    const { spec, model } = getSlot(source);
    const info = analyzeSpec(spec);
    const blocked = structuredCandidates(spec).excluded;
    const weights = model.getWeights();
    // Everything that reads the model runs before the first await: another call (a baseline loaded
    // from another tab) may replace this slot, and dispose its model, while the gzip runs.
    const accuracy = accuracyOf(model, splits().test.xs, splits().test.labels);
    return {
      spec,
      layers: info.layers
        .filter((l) => l.type === 'dense' || l.type === 'conv2d' || l.type === 'depthwiseConv2d')
        .map((l) => ({
          name: l.name,
          type: l.type as PrunableLayer['type'],
          shape: weights.find((w) => w.layer === l.name && w.role === 'kernel')!.shape,
          params: l.params,
          macs: l.macs,
          structuredBlocked: l.type === 'depthwiseConv2d' ? 'depthwise channels follow their input' : (blocked[l.name] ?? null),
        })),
      ledger: await sizeLedgerWithGzip(spec, weights),
      accuracy,
      histogram: histogram(kernels(weights)),
    };
  },

  async prune(req, onEvent) {
    return runJob('pruning', (signal) =>
      withCalibration(req.config, async (calibration) => {
        const source = req.source ?? SLOTS.baseline;
        const { model } = copyInto(WORK_SLOT, source, req.when === 'before', req.training.seed);
        const events = throttle<TrainEvent>(onEvent);
        const r = await runPruning({
          model,
          config: withCost(req.config, model.spec),
          when: req.when,
          ...splits(),
          training: req.training,
          schedule: req.schedule,
          calibration,
          signal,
          onBatch: (e) => events.push(e, e.batch === e.batchesPerEpoch - 1),
          onEpoch: (e) => events.push(e, true),
        });
        events.flush();
        const weights = model.getWeights();
        let spec = model.spec;
        let deployed = weights;
        if (req.config.granularity === 'structured') {
          const small = shrinkModel(model.spec, weights, r.masks);
          createSlot(SMALL_SLOT, small.spec, req.training.seed, small.weights);
          spec = small.spec;
          deployed = small.weights;
        }
        // Structured: show what really goes from each kernel, including inputs removed upstream.
        const shown = effectiveMasks(model.spec, r.masks);
        return {
          when: req.when,
          masks: shown,
          perLayer: shown.map(layerSparsity),
          sparsity: r.sparsity,
          accuracyBefore: r.accuracyBefore,
          accuracyPruned: r.accuracyPruned,
          accuracyFinal: r.accuracyFinal,
          spec,
          ledger: await sizeLedgerWithGzip(spec, deployed),
          histogram: histogram(kernels(weights), 41, histogramRange(getSlot(source).model.getWeights())),
          epochs: r.epochs,
          stopped: r.stopped,
        };
      }),
    );
  },

  async sweep(req, onPoint) {
    return runJob('pruning sweep', (signal) =>
      withCalibration(req.config, async (calibration) => {
        const points: SweepPoint[] = [];
        for (const target of req.levels) {
          if (signal.aborted) break;
          const { model } = copyInto(SCRATCH, req.source ?? SLOTS.baseline, false, req.training.seed);
          const r = await runPruning({
            model, config: withCost({ ...req.config, target }, model.spec), when: 'after', ...splits(), training: req.training, calibration, signal,
          });
          if (r.stopped) break;
          const p = { target, accuracyPruned: r.accuracyPruned, accuracyFineTuned: req.training.epochs > 0 ? r.accuracyFinal : NaN };
          points.push(p);
          onPoint?.(p);
        }
        return points;
      }),
    );
  },

  async sensitivity(req, onRow) {
    return runJob('sensitivity scan', (signal) =>
      withCalibration(req.config, async (calibration) => {
        const { model } = copyInto(SCRATCH, req.source ?? SLOTS.baseline, false, 0);
        const { test } = splits();
        const scores = computeScores(model, req.config.criterion, req.config.layers, calibration);
        return sensitivityScan(model, {
          scores,
          levels: req.levels,
          // A 2:4 pattern has one sparsity; the scan varies the level, so it scans unstructured.
          granularity: req.config.granularity === 'nm' ? 'unstructured' : req.config.granularity,
          criterion: req.config.criterion,
          test,
          signal,
          onRow,
        });
      }),
    );
  },

  async duel(req) {
    return runJob('criteria duel', async (signal) => {
      const sides: { side: DuelSide; masks: MaskSet }[] = [];
      for (const criterion of req.criteria) {
        const config = { ...req.config, criterion };
        const side = await withCalibration(config, async (calibration) => {
          const training = req.training ?? { epochs: 0, batchSize: 64, learningRate: 0, optimizer: 'adam' as const, seed: 0 };
          const { model } = copyInto(SCRATCH, req.source ?? SLOTS.baseline, false, training.seed);
          const r = await runPruning({ model, config: withCost(config, model.spec), when: 'after', ...splits(), calibration, signal, training });
          const s = req.config.granularity === 'structured' ? r.sparsity.units : r.sparsity.weights;
          const accuracyFineTuned = training.epochs > 0 && !r.stopped ? r.accuracyFinal : NaN;
          return { side: { criterion, accuracy: r.accuracyPruned, accuracyFineTuned, sparsity: s }, masks: r.masks };
        });
        sides.push(side);
      }
      return { a: sides[0].side, b: sides[1].side, jaccard: jaccardPruned(sides[0].masks, sides[1].masks) };
    });
  },
};

/** "By MACs" / "by latency" normalisation needs each layer's cost per unit, from the model's spec (and the device target). */
function withCost(config: PruneConfig, spec: ModelSpec): PruneConfig {
  if (config.normalise === 'latency') return { ...config, unitCost: unitLatencyCost(spec, config.layers, config.costTarget ?? DEFAULT_TARGET_ID) };
  return config.normalise === 'macs' ? { ...config, unitCost: unitMacCost(spec, config.layers) } : config;
}

/** The before and after histograms share the baseline's range so they line up bin for bin. */
function histogramRange(w: WeightSet): number {
  let r = 0;
  for (const d of kernels(w)) for (let i = 0; i < d.length; i++) r = Math.max(r, Math.abs(d[i]));
  return r || 1;
}
