/**
 * A TFLite model as plain data: what the writer serialises and the reader returns. One subgraph
 * (all this lab and TFLM's single-graph models need). Tensors refer to buffers by index; buffer 0 is
 * the empty sentinel, as in every converter output, and non-constant tensors point at it.
 */
import type { TensorTypeCode } from './schema';

export interface TfliteQuant {
  /** One entry per channel along quantizedDimension (length 1 = per-tensor). */
  scale: number[];
  zeroPoint: number[];
  quantizedDimension: number;
}

export interface TfliteTensor {
  name: string;
  /** Full shape including the batch dimension. */
  shape: number[];
  type: TensorTypeCode;
  buffer: number;
  quant?: TfliteQuant;
}

export interface TfliteOpCode {
  builtinCode: number;
  deprecatedBuiltinCode: number;
  version: number;
  customCode?: string;
}

export type OptionValue = number | boolean | number[];

export interface TfliteOperator {
  opcodeIndex: number;
  inputs: number[];
  outputs: number[];
  /** BuiltinOptions union type (0 = none). */
  optionsType: number;
  options: Record<string, OptionValue>;
}

export interface TfliteGraph {
  version: number;
  description: string;
  opcodes: TfliteOpCode[];
  tensors: TfliteTensor[];
  inputs: number[];
  outputs: number[];
  operators: TfliteOperator[];
  buffers: Uint8Array[];
  name: string;
}
