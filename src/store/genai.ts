/** Settings of the "Generative AI at the edge" page (keys prefixed "g"). */
// Direct modules, not the barrel, and the part ids, not parts.ts (keeps the device catalog and the
// estimator out of the first page's JS).
import { GENAI_PART_IDS } from '../core/genai/part-ids';
import { MODEL_SHAPES } from '../core/genai/shapes';
import { defineSettings, enumField, intField, numberField } from './settings-schema';

export const GENAI_BITS = ['16', '8', '4'] as const;
export const GENAI_ENGINES = ['cpu', 'npu'] as const;
const SHAPES = ['auto', ...MODEL_SHAPES.map((s) => s.id)] as [string, ...string[]];

export const genaiSettings = defineSettings('genai', {
  gParams: numberField('Parameters (billions)', 1, { min: 0.1, max: 8 }),
  gBits: enumField('Weight bits', GENAI_BITS, '4'),
  gContext: intField('Context length', 1024, { min: 1, max: 131_072 }),
  gTarget: enumField<string>('GenAI target', GENAI_PART_IDS, 'imx95'),
  gEngine: enumField('Prefill engine', GENAI_ENGINES, 'npu'),
  gShape: enumField('Model shape', SHAPES, 'auto'),
});
