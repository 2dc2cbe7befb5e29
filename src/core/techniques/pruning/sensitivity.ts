/**
 * Sensitivity scan: prune one layer alone at each level, measure test accuracy, restore. Layers whose
 * accuracy collapses early are fragile and deserve a lower local target.
 *
 * Speed: pruning layer L cannot change anything before L, so the test set's activations at L's input
 * are computed once and only the rest of the network (a "suffix" model with copied weights) runs per
 * level; unstructured masks of all levels come from one sort. The source model is never changed.
 */
import * as tf from '@tensorflow/tfjs';
import { analyzeSpec } from '../../model/analyze';
import { buildModel } from '../../model/build';
import type { ModelSpec } from '../../model/spec';
import type { TfModel } from '../../model/tf-model';
import { accuracyOf } from './evaluate';
import { argsortAscending, computeMasks } from './masks';
import { tensorMasks } from './structure';
import type { Criterion, Granularity, LayerScores } from './types';

export interface SensitivityRow {
  layer: string;
  /** accuracy[i] at levels[i]. */
  accuracy: number[];
}

export interface SensitivityResult {
  baseline: number;
  levels: number[];
  rows: SensitivityRow[];
  stopped: boolean;
}

export interface SensitivityOptions {
  scores: LayerScores[];
  levels: number[];
  granularity: Granularity;
  /** The criterion the scores came from (decides how structured scores reduce to units). */
  criterion?: Criterion;
  test: { xs: tf.Tensor; labels: tf.Tensor1D };
  batchSize?: number;
  signal?: AbortSignal;
  onRow?: (row: SensitivityRow, done: number, total: number) => void;
}

const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The layers after `from` as a model of their own whose input is `from`'s output, or null when a later
 * layer also reads something before `from` (a skip connection around it).
 */
export function suffixSpec(spec: ModelSpec, from: string): ModelSpec | null {
  const info = analyzeSpec(spec);
  const at = info.layers.findIndex((l) => l.name === from);
  if (at < 0) return null;
  const suffix = info.layers.slice(at + 1);
  const inside = new Set([from, ...suffix.map((l) => l.name)]);
  if (suffix.some((l) => l.inputs.some((n) => !inside.has(n)))) return null;
  return {
    ...spec,
    id: `${spec.id}-from-${from}`,
    inputShape: info.layers[at].outputShape,
    layers: spec.layers.slice(at + 1).map((l) => {
      const inputs = info.layers.find((x) => x.name === l.name)!.inputs.map((n) => (n === from ? 'input' : n));
      return { ...l, inputs };
    }),
  };
}

/** Output of layer `name` for all of xs, computed in batches. */
function activationsAt(model: TfModel, xs: tf.Tensor, name: string, batchSize: number): tf.Tensor {
  const parts: tf.Tensor[] = [];
  for (let s = 0; s < xs.shape[0]; s += batchSize) {
    const size = Math.min(batchSize, xs.shape[0] - s);
    let kept: tf.Tensor | null = null;
    tf.tidy(() => {
      model.apply(xs.slice(s, size), {
        hooks: {
          activation: (layer, y) => {
            if (layer === name) kept = tf.keep(y.clone());
            return y;
          },
        },
      });
    });
    parts.push(kept!);
  }
  const all = tf.concat(parts);
  tf.dispose(parts);
  return all;
}

/** A model for the part of the network from `layer` on, its input data, and a cleanup. */
function runnerFor(model: TfModel, layer: string, xs: tf.Tensor, batchSize: number) {
  const info = analyzeSpec(model.spec);
  const from = info.layers.find((l) => l.name === layer)!.inputs[0];
  const sub = from === 'input' ? null : suffixSpec(model.spec, from);
  if (!sub) return { model, xs, dispose: () => undefined };
  const suffix = buildModel(sub, 0);
  const names = new Set(sub.layers.map((l) => l.name));
  suffix.setWeights(model.getWeights().filter((w) => names.has(w.layer)));
  const cached = activationsAt(model, xs, from, batchSize);
  return {
    model: suffix,
    xs: cached,
    dispose: () => {
      suffix.dispose();
      cached.dispose();
    },
  };
}

/** Unstructured keep-masks of one layer at every level: one sort, then prefixes of the order. */
function prefixMasks(scores: Float32Array, levels: number[]): Uint8Array[] {
  const order = argsortAscending(scores);
  return levels.map((level) => {
    const keep = new Uint8Array(scores.length).fill(1);
    const k = Math.round(Math.min(0.99, Math.max(0, level)) * scores.length);
    for (let i = 0; i < k; i++) keep[order[i]] = 0;
    return keep;
  });
}

export async function sensitivityScan(model: TfModel, o: SensitivityOptions): Promise<SensitivityResult> {
  const batchSize = o.batchSize ?? 1000;
  const { labels } = o.test;
  const baseline = accuracyOf(model, o.test.xs, labels, batchSize);
  const rows: SensitivityRow[] = [];
  const total = o.scores.length * o.levels.length;
  let done = 0;
  for (const s of o.scores) {
    if (o.signal?.aborted) return { baseline, levels: o.levels, rows, stopped: true };
    // Unstructured: one sort serves every level (each level's mask is a prefix of the same order).
    const prefixes = o.granularity === 'unstructured' ? prefixMasks(s.scores, o.levels) : null;
    const run = runnerFor(model, s.layer, o.test.xs, batchSize);
    const row: SensitivityRow = { layer: s.layer, accuracy: [] };
    try {
      const weights = run.model.getWeights();
      for (const [li, level] of o.levels.entries()) {
        if (o.signal?.aborted) return { baseline, levels: o.levels, rows, stopped: true };
        const masks = prefixes
          ? [{ layer: s.layer, shape: s.shape, mask: prefixes[li] }]
          : computeMasks([s], {
            granularity: o.granularity, scope: 'local', criterion: o.criterion ?? 'magnitude', target: level, layers: [s.layer],
          });
        const applied = tensorMasks(run.model.spec, weights, masks).map((m) => {
          const v = run.model.variables.get(m.layer)![m.role]!;
          const original = tf.clone(v);
          tf.tidy(() => v.assign(v.mul(tf.tensor(Float32Array.from(m.mask), v.shape))));
          return { v, original };
        });
        try {
          row.accuracy.push(accuracyOf(run.model, run.xs, labels, batchSize));
        } finally {
          for (const { v, original } of applied) {
            v.assign(original);
            original.dispose();
          }
        }
        done++;
        await yieldToEvents();
      }
    } finally {
      run.dispose();
    }
    rows.push(row);
    o.onRow?.(row, done, total);
  }
  return { baseline, levels: o.levels, rows, stopped: false };
}
