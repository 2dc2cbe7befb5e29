/**
 * Masks living on a TfModel: uploaded once as tensors, multiplied into the variables after every
 * optimizer step (trainLoop `afterStep`) so pruned weights stay exactly zero while the rest train.
 */
import * as tf from '@tensorflow/tfjs';
import type { TfModel } from '../../model/tf-model';
import type { TensorMask } from './structure';

export interface ModelMasks {
  /** Multiplies every mask into its variable (cheap; call after each step). */
  apply(): void;
  dispose(): void;
}

export function attachMasks(model: TfModel, masks: TensorMask[]): ModelMasks {
  const pairs = masks
    .map((m) => {
      const v = model.variables.get(m.layer)?.[m.role];
      if (!v) throw new Error(`mask for ${m.layer}/${m.role}: the model has no such tensor`);
      if (v.size !== m.mask.length) throw new Error(`mask for ${m.layer}/${m.role} has ${m.mask.length} values, the tensor ${v.size}`);
      return { v, t: tf.tensor(Float32Array.from(m.mask), v.shape, 'float32') };
    });
  return {
    apply() {
      for (const { v, t } of pairs) tf.tidy(() => v.assign(v.mul(t)));
    },
    dispose() {
      tf.dispose(pairs.map((p) => p.t));
      pairs.length = 0;
    },
  };
}
