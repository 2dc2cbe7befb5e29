/**
 * Shapes of real small language models: what the KV cache size depends on. Values are those of each
 * model's config.json on Hugging Face (num_hidden_layers, num_attention_heads, num_key_value_heads,
 * head_dim = hidden_size / num_attention_heads), recalled for this table, not re-read in this session.
 *
 * Rule for any other parameter count: use the shape of the nearest model in log(parameters); the
 * KV cache of models in one size class differs mostly by grouped-query attention (fewer KV heads).
 */
export interface ModelShape {
  id: string;
  name: string;
  /** Parameters, billions. */
  paramsB: number;
  layers: number;
  /** Query heads. */
  heads: number;
  /** Key/value heads (grouped-query attention shares each among heads / kvHeads query heads). */
  kvHeads: number;
  headDim: number;
}

export const MODEL_SHAPES: ModelShape[] = [
  { id: 'smollm2-135m', name: 'SmolLM2-135M', paramsB: 0.135, layers: 30, heads: 9, kvHeads: 3, headDim: 64 },
  { id: 'qwen2.5-0.5b', name: 'Qwen2.5-0.5B', paramsB: 0.49, layers: 24, heads: 14, kvHeads: 2, headDim: 64 },
  { id: 'tinyllama-1.1b', name: 'TinyLlama-1.1B', paramsB: 1.1, layers: 22, heads: 32, kvHeads: 4, headDim: 64 },
  { id: 'llama3.2-1b', name: 'Llama-3.2-1B', paramsB: 1.24, layers: 16, heads: 32, kvHeads: 8, headDim: 64 },
  { id: 'qwen2.5-1.5b', name: 'Qwen2.5-1.5B', paramsB: 1.54, layers: 28, heads: 12, kvHeads: 2, headDim: 128 },
  { id: 'llama3.2-3b', name: 'Llama-3.2-3B', paramsB: 3.21, layers: 28, heads: 24, kvHeads: 8, headDim: 128 },
  { id: 'phi3-mini', name: 'Phi-3-mini (3.8B)', paramsB: 3.82, layers: 32, heads: 32, kvHeads: 32, headDim: 96 },
  { id: 'llama3.1-8b', name: 'Llama-3.1-8B', paramsB: 8.03, layers: 32, heads: 32, kvHeads: 8, headDim: 128 },
];

/** The table's shape nearest to `paramsB` in log space. */
export function nearestShape(paramsB: number): ModelShape {
  const p = paramsB > 0 && Number.isFinite(paramsB) ? paramsB : 1;
  let best = MODEL_SHAPES[0];
  for (const s of MODEL_SHAPES) {
    if (Math.abs(Math.log(s.paramsB / p)) < Math.abs(Math.log(best.paramsB / p))) best = s;
  }
  return best;
}

/** KV cache bytes: keys and values (2) per layer per KV head per head dim per token, at `kvBytes` each. */
export function kvCacheBytes(shape: ModelShape, contextTokens: number, kvBytes = 2): number {
  return 2 * shape.layers * shape.kvHeads * shape.headDim * Math.max(0, contextTokens) * kvBytes;
}
