/**
 * engine.tsVersions.*: the Quantization and Pruning labs' work on a time-series shelf version, on its
 * own windows (rebuilt from its run link). PTQ is the TFLite converter's int8 scheme, so the saved
 * child's parameters are exactly what Deploy writes; pruning is one-shot magnitude pruning of the
 * trained weights (no fine-tuning). Results stay in their slot for "Save to shelf".
 */
import { dequantizeOutputs, scoreOutputs } from '../core/data/timeseries/recipe';
import { foldBatchNorm } from '../core/techniques/quantization/fold-bn';
import { compileInteger, runInteger } from '../core/techniques/quantization/integer-model';
import { quantizedModelBytes } from '../core/techniques/quantization/quantize-model';
import { computeScores } from '../core/techniques/pruning/collect';
import { computeMasks, layerSparsity, overallSparsity } from '../core/techniques/pruning/masks';
import type { ModelVersion } from '../core/shelf/types';
import { createSlot, runJob } from './context';
import { SLOTS } from './protocol/slots';
import { quantParamsOf } from './shelf-convert';
import { getVersion } from './shelf';
import { calibrateTimeSeries, childTask, floatScore, isTimeSeries, reproductionNote, windowsOf } from './ts-versions';
import type { TsVersionData, TsVersionsApi } from './protocol/ts-versions';

async function timeSeriesVersion(id: string): Promise<ModelVersion> {
  const v = await getVersion(id);
  if (!isTimeSeries(v)) throw new Error(`“${v.name}” is not a time-series version`);
  return v;
}

function dataOf(v: ModelVersion, recipe: ReturnType<typeof windowsOf>['recipe'], testWindows: number, note: ReturnType<typeof reproductionNote>, saveSlot: string): TsVersionData {
  const s = recipe.settings;
  return {
    versionId: v.id, versionName: v.name, task: childTask(v)!, testWindows, saveSlot, reproduced: note.reproduced,
    dataNote: `Windows rebuilt from the version’s run link (${v.task!.datasetLabel}, seed ${s.seed}, ${s.sampleRate} Hz, window ${s.windowLength}, stride ${s.stride}): ${note.note}.`,
  };
}

export const tsVersionsApi: TsVersionsApi = {
  quantize(req, onProgress) {
    return runJob('int8 PTQ (time series)', async (signal) => {
      const v = await timeSeriesVersion(req.id);
      onProgress?.(0.05, 'Rebuilding the version’s windows from its run link…');
      const { recipe, p } = windowsOf(v);
      const folded = foldBatchNorm(v.spec, v.weights);
      const model = createSlot(SLOTS.tsVersionQuant, folded.spec, v.seed, folded.weights).model;
      const float = floatScore(recipe.task, model, p.test).score;
      onProgress?.(0.2, 'Calibrating on training windows…');
      const { qm, windows } = calibrateTimeSeries(model, folded.weights, p, req.calibrationWindows);
      const run = await runInteger(compileInteger(qm), p.test.x, p.test.count, {
        signal, onProgress: (d, t) => onProgress?.(0.3 + 0.7 * (d / t), `Integer-only engine: ${d} / ${t} test windows`),
      });
      if (run.done < p.test.count) throw new Error('stopped');
      const out = qm.tensors.get(qm.plan.output)!;
      const int8 = scoreOutputs(recipe.task, p.test, dequantizeOutputs(run.outputs, out.scale[0], out.zeroPoint[0]));
      return {
        ...dataOf(v, recipe, p.test.count, reproductionNote(v, float), SLOTS.tsVersionQuant),
        float, int8, calibrationWindows: windows,
        floatBytes: folded.weights.reduce((a, w) => a + 4 * w.data.length, 0), int8Bytes: quantizedModelBytes(qm),
        quant: quantParamsOf(qm, 'PTQ'),
      };
    });
  },

  prune(req, onProgress) {
    return runJob('magnitude pruning (time series)', async () => {
      const v = await timeSeriesVersion(req.id);
      if (v.quant) throw new Error(`“${v.name}” is quantized: prune its float parent, then quantize the pruned version`);
      onProgress?.(0.1, 'Rebuilding the version’s windows from its run link…');
      const { recipe, p } = windowsOf(v);
      const model = createSlot(SLOTS.tsVersionPruned, v.spec, v.seed, v.weights).model;
      const before = floatScore(recipe.task, model, p.test).score;
      onProgress?.(0.5, 'Pruning the smallest weights…');
      const layers = v.weights.filter((w) => w.role === 'kernel').map((w) => w.layer);
      const scores = computeScores(model, 'magnitude', layers, []);
      const masks = computeMasks(scores, { granularity: 'unstructured', scope: req.scope, criterion: 'magnitude', target: req.sparsity, layers });
      model.setWeights(model.getWeights().map((w) => {
        const m = w.role === 'kernel' ? masks.find((x) => x.layer === w.layer) : undefined;
        return m ? { ...w, data: w.data.map((x, i) => (m.mask[i] ? x : 0)) } : w;
      }));
      const after = floatScore(recipe.task, model, p.test).score;
      return {
        ...dataOf(v, recipe, p.test.count, reproductionNote(v, before), SLOTS.tsVersionPruned),
        before, after, sparsity: overallSparsity(masks).weights,
        layers: masks.map((m) => ({ name: m.layer, sparsity: layerSparsity(m).sparsity })),
      };
    });
  },
};
