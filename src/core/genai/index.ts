/** LLM / VLM estimator for the i.MX application processors (pure TypeScript). */
export { estimateLlm, estimateLlmOn, formatGB, formatTps, RUNTIME_BYTES, OS_RESERVE_BYTES } from './estimate';
export type { GenAiEstimate, GenAiInput, GenAiEngine, WeightBits } from './estimate';
export { GENAI_PARTS, findGenAiPart, LLM_MEASUREMENTS, IMX95_NPU_PREFILL_SPEEDUP, type GenAiPart, type LlmMeasurement } from './parts';
export { MODEL_SHAPES, nearestShape, kvCacheBytes, type ModelShape } from './shapes';
