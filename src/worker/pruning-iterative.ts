/**
 * engine.pruning.iterative: prune–reset–train rounds on a copy of the source model (lottery tickets,
 * Frankle & Carbin 2019). θ₀ is the source's initialisation rebuilt from its seed (the Train lab
 * builds every model from its seed, so this is the very init the baseline was trained from).
 */
import { buildModel } from '../core/model/build';
import { runIterative, type RoundPoint } from '../core/techniques/pruning/iterative';
import type { IterativeReport, IterativeRequest } from './protocol/pruning';
import { createSlot, getData, getSlot, runJob } from './context';

const SCRATCH = 'pruning:iterative';


export function iterativeJob(req: IterativeRequest, onRound?: (p: RoundPoint) => void): Promise<IterativeReport> {
  return runJob('iterative pruning', async (signal) => {
    const src = getSlot(req.source ?? 'baseline');
    const { model } = createSlot(SCRATCH, src.spec, src.seed, src.model.getWeights());
    const init = buildModel(src.spec, src.seed);
    const initial = init.getWeights();
    init.dispose();
    const { tensors } = getData();
    const r = await runIterative({
      model, initial, layers: req.layers, target: req.target, rounds: req.rounds, reset: req.reset, training: req.training,
      train: { xs: tensors.train.xs, labels: tensors.train.labels },
      test: { xs: tensors.test.xs, labels: tensors.test.labels },
      signal, onRound,
    });
    return { reset: req.reset, dense: r.dense, points: r.points, stopped: r.stopped };
  });
}
