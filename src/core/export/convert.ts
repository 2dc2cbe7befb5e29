/**
 * QuantizedModel (the lab's int8 conversion, src/core/techniques/quantization) → TfliteGraph, in the
 * layouts and conventions TFLite and TFLM expect:
 * - FULLY_CONNECTED weights [out, in], per-tensor scale; CONV_2D weights [cout, kh, kw, cin], per-channel
 *   along axis 0; DEPTHWISE_CONV_2D weights [1, kh, kw, cin·m], per-channel along axis 3; all int8 with
 *   zero point 0 (symmetric). Biases int32 with scale s_in·s_w[c] and zero point 0.
 * - Activations int8 per-tensor; ReLU / ReLU6 fused into the producing op; flatten = RESHAPE, global
 *   average pool = MEAN over axes [1, 2].
 * - interface "int8": int8 input and output (TFLM on an MCU). "float32": the same int8 graph between a
 *   QUANTIZE at the input and a DEQUANTIZE at the output (the converter's float inference type; what
 *   LiteRT on i.MX and LiteRT.js accept).
 */
import type { QuantizedModel } from '../techniques/quantization/quantize-model';
import type { ClampActivation, QuantOp } from '../techniques/quantization/graph';
import type { TfliteGraph, TfliteOperator, TfliteQuant, TfliteTensor } from './graph';
import { Activation, BuiltinOperator, OptionsType, Padding, SCHEMA_VERSION, TensorType, type TensorTypeCode } from './schema';

export type DeployInterface = 'int8' | 'float32';

export class ExportError extends Error {}

/** Operator versions the converter assigns for int8 kernels (tensorflow/lite/tools/versioning/op_version.cc). */
const OP_VERSION: Record<number, number> = {
  [BuiltinOperator.FULLY_CONNECTED]: 4,
  [BuiltinOperator.CONV_2D]: 3,
  [BuiltinOperator.DEPTHWISE_CONV_2D]: 3,
  [BuiltinOperator.MAX_POOL_2D]: 2,
  [BuiltinOperator.AVERAGE_POOL_2D]: 2,
  [BuiltinOperator.MEAN]: 2,
  [BuiltinOperator.ADD]: 2,
  [BuiltinOperator.RESHAPE]: 1,
  [BuiltinOperator.RELU]: 2,
  [BuiltinOperator.RELU6]: 2,
  [BuiltinOperator.QUANTIZE]: 1,
  [BuiltinOperator.DEQUANTIZE]: 2,
};

const FUSED: Record<ClampActivation, number> = { linear: Activation.NONE, relu: Activation.RELU, relu6: Activation.RELU6 };

export function int8Bytes(q: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i] & 0xff;
  return out;
}

export function int32Bytes(v: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(4 * v.length);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < v.length; i++) dv.setInt32(4 * i, v[i], true);
  return out;
}

/** Kernel in the spec's (tfjs) layout → the TFLite layout of the same op. */
export function toTfliteLayout(kind: 'dense' | 'conv2d' | 'depthwiseConv2d', shape: number[], q: ArrayLike<number>): { shape: number[]; data: Int32Array } {
  if (kind === 'depthwiseConv2d') {
    const [kh, kw, cin, m] = shape;
    return { shape: [1, kh, kw, cin * m], data: Int32Array.from(q) };
  }
  if (kind === 'dense') {
    const [nIn, nOut] = shape;
    const data = new Int32Array(q.length);
    for (let i = 0; i < nIn; i++) for (let o = 0; o < nOut; o++) data[o * nIn + i] = q[i * nOut + o];
    return { shape: [nOut, nIn], data };
  }
  const [kh, kw, cin, cout] = shape;
  const data = new Int32Array(q.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let c = 0; c < cin; c++)
        for (let o = 0; o < cout; o++) data[((o * kh + y) * kw + x) * cin + c] = q[((y * kw + x) * cin + c) * cout + o];
  return { shape: [cout, kh, kw, cin], data };
}

const withBatch = (shape: number[]) => [1, ...shape];
const f32 = Math.fround;

export function toTfliteGraph(qm: QuantizedModel, io: DeployInterface): TfliteGraph {
  if (qm.settings.weightBits !== 8 || qm.settings.activationBits !== 8) {
    throw new ExportError(`TFLite int8 needs 8-bit weights and activations (this conversion has ${qm.settings.weightBits}/${qm.settings.activationBits})`);
  }
  const tensors: TfliteTensor[] = [];
  const buffers: Uint8Array[] = [new Uint8Array(0)];
  const opcodes: TfliteGraph['opcodes'] = [];
  const operators: TfliteOperator[] = [];
  const ids = new Map<string, number>();

  const addTensor = (t: Omit<TfliteTensor, 'buffer'>, data?: Uint8Array): number => {
    let buffer = 0;
    if (data) {
      buffer = buffers.length;
      buffers.push(data);
    }
    tensors.push({ ...t, buffer });
    return tensors.length - 1;
  };
  const actQuant = (name: string): TfliteQuant => {
    const p = qm.tensors.get(name)!;
    return { scale: [f32(p.scale[0])], zeroPoint: [p.zeroPoint[0]], quantizedDimension: 0 };
  };
  const activation = (name: string, type: TensorTypeCode = TensorType.INT8, tensorName = name): number => {
    const shape = qm.plan.tensors.get(name)!.shape;
    const id = addTensor({ name: tensorName, shape: withBatch(shape), type, ...(type === TensorType.INT8 ? { quant: actQuant(name) } : {}) });
    if (type === TensorType.INT8) ids.set(name, id);
    return id;
  };
  const opcode = (code: number): number => {
    let i = opcodes.findIndex((c) => c.builtinCode === code);
    if (i < 0) {
      opcodes.push({ builtinCode: code, deprecatedBuiltinCode: Math.min(code, BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES), version: OP_VERSION[code] ?? 1 });
      i = opcodes.length - 1;
    }
    return i;
  };
  const push = (code: number, inputs: number[], outputs: number[], optionsType: number = OptionsType.NONE, options: TfliteOperator['options'] = {}) =>
    operators.push({ opcodeIndex: opcode(code), inputs, outputs, optionsType, options });
  const constInt32 = (name: string, values: number[]) => addTensor({ name, shape: [values.length], type: TensorType.INT32 }, int32Bytes(values));

  // Graph input.
  let graphInput: number;
  if (io === 'float32') {
    graphInput = activation('input', TensorType.FLOAT32);
    const q = activation('input', TensorType.INT8, 'input_int8');
    push(BuiltinOperator.QUANTIZE, [graphInput], [q]);
  } else graphInput = activation('input');

  for (const op of qm.plan.ops) writeOp(op);

  const out = ids.get(qm.plan.output)!;
  let graphOutput = out;
  if (io === 'float32') {
    graphOutput = activation(qm.plan.output, TensorType.FLOAT32, 'output');
    push(BuiltinOperator.DEQUANTIZE, [out], [graphOutput]);
  }

  function writeOp(op: QuantOp): void {
    const ins = op.inputs.map((n) => {
      const id = ids.get(n);
      if (id === undefined) throw new ExportError(`tensor "${n}" is read before it is written`);
      return id;
    });
    switch (op.kind) {
      case 'dense':
      case 'conv2d':
      case 'depthwiseConv2d': {
        const lq = qm.layers.get(op.layer)!;
        const wp = lq.weightParams;
        if (wp.zeroPoint.some((z) => z !== 0)) throw new ExportError(`layer "${op.layer}": TFLite int8 weights must be symmetric (zero point 0)`);
        if (op.kind === 'dense' && wp.scale.length !== 1) {
          throw new ExportError(`layer "${op.layer}": FULLY_CONNECTED weights must be per-tensor for TFLM`);
        }
        const k = toTfliteLayout(op.kind, lq.kernelShape, lq.weightQ);
        const C = lq.channels;
        const qDim = op.kind === 'depthwiseConv2d' ? 3 : 0;
        const w = addTensor(
          { name: `${op.layer}/kernel`, shape: k.shape, type: TensorType.INT8, quant: { scale: wp.scale.map(f32), zeroPoint: wp.scale.map(() => 0), quantizedDimension: qDim } },
          int8Bytes(k.data),
        );
        const perChannel = wp.scale.length > 1;
        const biasScale = Array.from(lq.biasScale, f32);
        const b = addTensor(
          {
            name: `${op.layer}/bias`, shape: [C], type: TensorType.INT32,
            quant: { scale: perChannel ? biasScale : [biasScale[0]], zeroPoint: (perChannel ? biasScale : [0]).map(() => 0), quantizedDimension: 0 },
          },
          int32Bytes(lq.biasQ),
        );
        const y = activation(op.out);
        const act = FUSED[op.activation];
        const [padding, strideW, strideH] = [op.padding === 'same' ? Padding.SAME : Padding.VALID, op.stride[1], op.stride[0]];
        if (op.kind === 'dense') push(BuiltinOperator.FULLY_CONNECTED, [ins[0], w, b], [y], OptionsType.FullyConnectedOptions, { activation: act });
        else if (op.kind === 'conv2d') push(BuiltinOperator.CONV_2D, [ins[0], w, b], [y], OptionsType.Conv2DOptions, { padding, strideW, strideH, activation: act });
        else {
          const depthMultiplier = lq.kernelShape[3];
          push(BuiltinOperator.DEPTHWISE_CONV_2D, [ins[0], w, b], [y], OptionsType.DepthwiseConv2DOptions, { padding, strideW, strideH, depthMultiplier, activation: act });
        }
        return;
      }
      case 'maxPool2d':
      case 'avgPool2d': {
        const y = activation(op.out);
        push(op.kind === 'maxPool2d' ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D, [ins[0]], [y], OptionsType.Pool2DOptions, {
          padding: op.padding === 'same' ? Padding.SAME : Padding.VALID,
          strideW: op.stride[1], strideH: op.stride[0], filterW: op.pool[1], filterH: op.pool[0], activation: Activation.NONE,
        });
        return;
      }
      case 'globalAvgPool2d': {
        const axes = constInt32(`${op.out}/axes`, [1, 2]);
        push(BuiltinOperator.MEAN, [ins[0], axes], [activation(op.out)], OptionsType.ReducerOptions, { keepDims: false });
        return;
      }
      case 'flatten': {
        const newShape = withBatch(op.outShape);
        const shape = constInt32(`${op.out}/shape`, newShape);
        push(BuiltinOperator.RESHAPE, [ins[0], shape], [activation(op.out)], OptionsType.ReshapeOptions, { newShape });
        return;
      }
      case 'clamp':
        if (op.activation === 'linear') throw new ExportError(`layer "${op.out}": a linear activation has no operator`);
        push(op.activation === 'relu' ? BuiltinOperator.RELU : BuiltinOperator.RELU6, [ins[0]], [activation(op.out)]);
        return;
      case 'add':
        if (ins.length !== 2) throw new ExportError(`layer "${op.out}": TFLite ADD takes two inputs, this add has ${ins.length}`);
        push(BuiltinOperator.ADD, ins, [activation(op.out)], OptionsType.AddOptions, { activation: FUSED[op.activation] });
        return;
    }
  }

  return {
    version: SCHEMA_VERSION,
    description: `TinyML Lab export of ${qm.spec.name} (int8, ${io} interface)`,
    opcodes, tensors, operators, buffers,
    inputs: [graphInput], outputs: [graphOutput], name: 'main',
  };
}
