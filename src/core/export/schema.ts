/**
 * The few parts of the TFLite flatbuffer schema (schema.fbs, version 3) this exporter writes and
 * reads, transcribed by hand with the field ids of tensorflow/compiler/mlir/lite/schema/schema.fbs
 * (the same file as tensorflow/lite/schema/schema.fbs). Hand-written rather than `flatc --ts` output:
 * the generated code is ~200 files for ~150 tables, of which this lab needs 15.
 * A field id is the field's position in its table (flatbuffers' "slot"); unions take two slots
 * (type, then value).
 */

/** File identifier of a TFLite flatbuffer (bytes 4..7). */
export const TFLITE_IDENTIFIER = 'TFL3';
export const SCHEMA_VERSION = 3;

/** enum TensorType : byte */
export const TensorType = { FLOAT32: 0, INT32: 2, UINT8: 3, INT64: 4, INT16: 7, INT8: 9 } as const;
export type TensorTypeCode = (typeof TensorType)[keyof typeof TensorType];

/** enum BuiltinOperator : int32 (only the ones this lab writes or names). */
export const BuiltinOperator = {
  ADD: 0,
  AVERAGE_POOL_2D: 1,
  CONCATENATION: 2,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  FULLY_CONNECTED: 9,
  LOGISTIC: 14,
  MAX_POOL_2D: 17,
  MUL: 18,
  RELU: 19,
  RELU6: 21,
  RESHAPE: 22,
  SOFTMAX: 25,
  TANH: 28,
  PAD: 34,
  MEAN: 40,
  QUANTIZE: 114,
  /** Codes above this are only in `builtin_code`; `deprecated_builtin_code` holds this placeholder. */
  PLACEHOLDER_FOR_GREATER_OP_CODES: 127,
} as const;

export const OPERATOR_NAMES: Record<number, string> = Object.fromEntries(Object.entries(BuiltinOperator).map(([k, v]) => [v, k]));

/** enum Padding : byte */
export const Padding = { SAME: 0, VALID: 1 } as const;
/** enum ActivationFunctionType : byte */
export const Activation = { NONE: 0, RELU: 1, RELU_N1_TO_1: 2, RELU6: 3, TANH: 4 } as const;

/** union BuiltinOptions: the type codes of the option tables used here. */
export const OptionsType = {
  NONE: 0,
  Conv2DOptions: 1,
  DepthwiseConv2DOptions: 2,
  Pool2DOptions: 5,
  FullyConnectedOptions: 8,
  SoftmaxOptions: 9,
  AddOptions: 11,
  ReshapeOptions: 17,
  ReducerOptions: 27,
} as const;

type FieldKind = 'i8' | 'i32' | 'bool' | 'f32' | 'i32[]';
export interface OptionField {
  name: string;
  id: number;
  kind: FieldKind;
  default: number | boolean;
}

/** Field layouts of the option tables (name, field id, type, schema default). */
export const OPTION_TABLES: Record<number, OptionField[]> = {
  [OptionsType.Conv2DOptions]: [
    { name: 'padding', id: 0, kind: 'i8', default: 0 },
    { name: 'strideW', id: 1, kind: 'i32', default: 0 },
    { name: 'strideH', id: 2, kind: 'i32', default: 0 },
    { name: 'activation', id: 3, kind: 'i8', default: 0 },
    { name: 'dilationW', id: 4, kind: 'i32', default: 1 },
    { name: 'dilationH', id: 5, kind: 'i32', default: 1 },
  ],
  [OptionsType.DepthwiseConv2DOptions]: [
    { name: 'padding', id: 0, kind: 'i8', default: 0 },
    { name: 'strideW', id: 1, kind: 'i32', default: 0 },
    { name: 'strideH', id: 2, kind: 'i32', default: 0 },
    { name: 'depthMultiplier', id: 3, kind: 'i32', default: 0 },
    { name: 'activation', id: 4, kind: 'i8', default: 0 },
    { name: 'dilationW', id: 5, kind: 'i32', default: 1 },
    { name: 'dilationH', id: 6, kind: 'i32', default: 1 },
  ],
  [OptionsType.Pool2DOptions]: [
    { name: 'padding', id: 0, kind: 'i8', default: 0 },
    { name: 'strideW', id: 1, kind: 'i32', default: 0 },
    { name: 'strideH', id: 2, kind: 'i32', default: 0 },
    { name: 'filterW', id: 3, kind: 'i32', default: 0 },
    { name: 'filterH', id: 4, kind: 'i32', default: 0 },
    { name: 'activation', id: 5, kind: 'i8', default: 0 },
  ],
  [OptionsType.FullyConnectedOptions]: [
    { name: 'activation', id: 0, kind: 'i8', default: 0 },
    { name: 'weightsFormat', id: 1, kind: 'i8', default: 0 },
    { name: 'keepNumDims', id: 2, kind: 'bool', default: false },
  ],
  [OptionsType.SoftmaxOptions]: [{ name: 'beta', id: 0, kind: 'f32', default: 0 }],
  [OptionsType.AddOptions]: [{ name: 'activation', id: 0, kind: 'i8', default: 0 }],
  [OptionsType.ReshapeOptions]: [{ name: 'newShape', id: 0, kind: 'i32[]', default: 0 }],
  [OptionsType.ReducerOptions]: [{ name: 'keepDims', id: 0, kind: 'bool', default: false }],
};

/** Field ids of the tables themselves. */
export const F = {
  Model: { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, count: 8 },
  OperatorCode: { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3, count: 4 },
  SubGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4, count: 5 },
  Tensor: { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4, count: 5 },
  QuantizationParameters: { min: 0, max: 1, scale: 2, zeroPoint: 3, quantizedDimension: 6, count: 7 },
  Operator: { opcodeIndex: 0, inputs: 1, outputs: 2, optionsType: 3, options: 4, count: 5 },
  Buffer: { data: 0, count: 1 },
} as const;
