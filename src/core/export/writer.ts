/**
 * Serialises a TfliteGraph into TFLite flatbuffer bytes (schema v3, identifier "TFL3") with the
 * `flatbuffers` Builder. Constant data goes into Model.buffers with 16-byte alignment (schema.fbs:
 * `data:[ubyte] (force_align: 16)`), so int32/int8 arrays can be read in place on a device.
 */
import { Builder, type Offset } from 'flatbuffers';
import type { TfliteGraph, TfliteOperator, TfliteTensor } from './graph';
import { F, OPTION_TABLES, TFLITE_IDENTIFIER } from './schema';

function intVector(b: Builder, v: number[]): Offset {
  b.startVector(4, v.length, 4);
  for (let i = v.length - 1; i >= 0; i--) b.addInt32(v[i]);
  return b.endVector();
}

function floatVector(b: Builder, v: number[]): Offset {
  b.startVector(4, v.length, 4);
  for (let i = v.length - 1; i >= 0; i--) b.addFloat32(v[i]);
  return b.endVector();
}

function longVector(b: Builder, v: number[]): Offset {
  b.startVector(8, v.length, 8);
  for (let i = v.length - 1; i >= 0; i--) b.addInt64(BigInt(v[i]));
  return b.endVector();
}

function offsetVector(b: Builder, v: Offset[]): Offset {
  b.startVector(4, v.length, 4);
  for (let i = v.length - 1; i >= 0; i--) b.addOffset(v[i]);
  return b.endVector();
}

function writeBuffer(b: Builder, data: Uint8Array): Offset {
  let dataOff = 0;
  if (data.length > 0) {
    b.startVector(1, data.length, 16);
    for (let i = data.length - 1; i >= 0; i--) b.addInt8(data[i]);
    dataOff = b.endVector();
  }
  b.startObject(F.Buffer.count);
  if (dataOff) b.addFieldOffset(F.Buffer.data, dataOff, 0);
  return b.endObject();
}

function writeTensor(b: Builder, t: TfliteTensor): Offset {
  const name = b.createString(t.name);
  const shape = intVector(b, t.shape);
  let quant = 0;
  if (t.quant) {
    const scale = floatVector(b, t.quant.scale);
    const zp = longVector(b, t.quant.zeroPoint);
    b.startObject(F.QuantizationParameters.count);
    b.addFieldOffset(F.QuantizationParameters.scale, scale, 0);
    b.addFieldOffset(F.QuantizationParameters.zeroPoint, zp, 0);
    b.addFieldInt32(F.QuantizationParameters.quantizedDimension, t.quant.quantizedDimension, 0);
    quant = b.endObject();
  }
  b.startObject(F.Tensor.count);
  b.addFieldOffset(F.Tensor.shape, shape, 0);
  b.addFieldInt8(F.Tensor.type, t.type, 0);
  b.addFieldInt32(F.Tensor.buffer, t.buffer, 0);
  b.addFieldOffset(F.Tensor.name, name, 0);
  if (quant) b.addFieldOffset(F.Tensor.quantization, quant, 0);
  return b.endObject();
}

function writeOptions(b: Builder, op: TfliteOperator): Offset {
  const fields = OPTION_TABLES[op.optionsType];
  if (!fields) return 0;
  const vectors = new Map<string, Offset>();
  for (const f of fields) {
    const v = op.options[f.name];
    if (f.kind === 'i32[]' && Array.isArray(v)) vectors.set(f.name, intVector(b, v));
  }
  b.startObject(Math.max(...fields.map((f) => f.id)) + 1);
  for (const f of fields) {
    const v = op.options[f.name] ?? f.default;
    if (f.kind === 'i32[]') {
      const off = vectors.get(f.name);
      if (off) b.addFieldOffset(f.id, off, 0);
    } else if (f.kind === 'f32') b.addFieldFloat32(f.id, Number(v), Number(f.default));
    else if (f.kind === 'i32') b.addFieldInt32(f.id, Number(v), Number(f.default));
    else b.addFieldInt8(f.id, Number(v), Number(f.default));
  }
  return b.endObject();
}

function writeOperator(b: Builder, op: TfliteOperator): Offset {
  const inputs = intVector(b, op.inputs);
  const outputs = intVector(b, op.outputs);
  const options = writeOptions(b, op);
  b.startObject(F.Operator.count);
  b.addFieldInt32(F.Operator.opcodeIndex, op.opcodeIndex, 0);
  b.addFieldOffset(F.Operator.inputs, inputs, 0);
  b.addFieldOffset(F.Operator.outputs, outputs, 0);
  if (options) {
    b.addFieldInt8(F.Operator.optionsType, op.optionsType, 0);
    b.addFieldOffset(F.Operator.options, options, 0);
  }
  return b.endObject();
}

export function writeTflite(g: TfliteGraph): Uint8Array {
  const size = g.buffers.reduce((a, d) => a + d.length + 32, 4096);
  const b = new Builder(size);
  // Buffers first: they are the bulk of the file and land at its end, 16-byte aligned.
  const buffers = offsetVector(b, g.buffers.map((d) => writeBuffer(b, d)));
  const tensors = offsetVector(b, g.tensors.map((t) => writeTensor(b, t)));
  const operators = offsetVector(b, g.operators.map((o) => writeOperator(b, o)));
  const inputs = intVector(b, g.inputs);
  const outputs = intVector(b, g.outputs);
  const sgName = b.createString(g.name);
  b.startObject(F.SubGraph.count);
  b.addFieldOffset(F.SubGraph.tensors, tensors, 0);
  b.addFieldOffset(F.SubGraph.inputs, inputs, 0);
  b.addFieldOffset(F.SubGraph.outputs, outputs, 0);
  b.addFieldOffset(F.SubGraph.operators, operators, 0);
  b.addFieldOffset(F.SubGraph.name, sgName, 0);
  const subgraph = b.endObject();
  const opcodes = g.opcodes.map((c) => {
    const custom = c.customCode ? b.createString(c.customCode) : 0;
    b.startObject(F.OperatorCode.count);
    // Both codes, as the converter writes them: old runtimes read the byte, new ones the int32.
    b.addFieldInt8(F.OperatorCode.deprecatedBuiltinCode, c.deprecatedBuiltinCode, 0);
    if (custom) b.addFieldOffset(F.OperatorCode.customCode, custom, 0);
    b.addFieldInt32(F.OperatorCode.version, c.version, 1);
    b.addFieldInt32(F.OperatorCode.builtinCode, c.builtinCode, 0);
    return b.endObject();
  });
  const opcodeVec = offsetVector(b, opcodes);
  const subgraphs = offsetVector(b, [subgraph]);
  const description = b.createString(g.description);
  b.startObject(F.Model.count);
  b.addFieldInt32(F.Model.version, g.version, 0);
  b.addFieldOffset(F.Model.operatorCodes, opcodeVec, 0);
  b.addFieldOffset(F.Model.subgraphs, subgraphs, 0);
  b.addFieldOffset(F.Model.description, description, 0);
  b.addFieldOffset(F.Model.buffers, buffers, 0);
  b.finish(b.endObject(), TFLITE_IDENTIFIER);
  return b.asUint8Array().slice();
}
