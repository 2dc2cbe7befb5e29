/**
 * The worker's model slots by name — the one place their strings are written. (Constants only; the
 * rest of the protocol folder is types.) Pages and worker modules refer to SLOTS.<name>.
 */
export const SLOTS = {
  /** The shared baseline every lab starts from (loaded from storage, replaced by Train / NAS). */
  baseline: 'baseline',
  /** The Train page's model while it trains (copied to `baseline` when a run completes). */
  train: 'train',
  /** "Train a baseline here" on labs that need one. */
  baselineHere: 'baseline-here',
  pruningWork: 'pruning:work',
  pruningSmall: 'pruning:small',
  pruningScratch: 'pruning:scratch',
  teacher: 'distill:teacher',
  distilled: 'distill:distilled',
  scratchStudent: 'distill:scratch',
  /** A shelf version both distillation students start from ("Start from" on Distillation). */
  distillInit: 'distill:init',
  nasChosen: 'nas:chosen',
  /** The Deploy lab's batch-norm-folded float copy of the model it last exported (what its "Save to shelf" stores). */
  deployFloat: 'deploy:float',
  /**
   * The Time-series lab's last trained model per task (1-D CNN / MLP classifier, autoencoder, regressor):
   * what its "Save to shelf" stores. One per task, so the result a task's page shows is the model saved.
   */
  tsClassification: 'time-series:classification',
  tsAnomaly: 'time-series:anomaly',
  tsRegression: 'time-series:regression',
  /** A time-series version quantized / pruned on the Quantization / Pruning page (engine.tsVersions). */
  tsVersionQuant: 'ts-version:quant',
  tsVersionPruned: 'ts-version:pruned',
  /** The shelf's pipeline recipe (a version being pruned / fine-tuned / quantized, and its scratch copy). */
  shelfPipeline: 'shelf:pipeline',
  shelfPipelineScratch: 'shelf:pipeline-scratch',
} as const;

export type SlotName = (typeof SLOTS)[keyof typeof SLOTS];
