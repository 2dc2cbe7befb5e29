/**
 * Reads TFLite flatbuffer bytes back into a TfliteGraph. Every offset is bounds-checked before it is
 * followed and every vector length before anything is allocated, so a truncated or foreign file ends
 * in a TfliteFormatError naming what was wrong, never in a hang or a huge allocation.
 */
import type { OptionValue, TfliteGraph, TfliteOpCode, TfliteOperator, TfliteTensor } from './graph';
import { F, OPTION_TABLES, TFLITE_IDENTIFIER, type TensorTypeCode } from './schema';

export class TfliteFormatError extends Error {}

/** Larger files are refused: MCU models are kilobytes to a few megabytes. */
export const MAX_TFLITE_BYTES = 20 * 1024 * 1024;

class Reader {
  private view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(pos: number, size: number, what: string): void {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length) {
      throw new TfliteFormatError(`the file is truncated or corrupt: ${what} points outside the ${this.bytes.length} bytes`);
    }
  }
  u8(p: number, what = 'a field'): number { this.check(p, 1, what); return this.view.getUint8(p); }
  i8(p: number, what = 'a field'): number { this.check(p, 1, what); return this.view.getInt8(p); }
  u16(p: number, what = 'a field'): number { this.check(p, 2, what); return this.view.getUint16(p, true); }
  i32(p: number, what = 'a field'): number { this.check(p, 4, what); return this.view.getInt32(p, true); }
  u32(p: number, what = 'a field'): number { this.check(p, 4, what); return this.view.getUint32(p, true); }
  f32(p: number, what = 'a field'): number { this.check(p, 4, what); return this.view.getFloat32(p, true); }
  i64(p: number, what = 'a field'): number { this.check(p, 8, what); return Number(this.view.getBigInt64(p, true)); }

  /** Absolute position of field `id` of the table at `table`, or 0 when absent. */
  field(table: number, id: number, what: string): number {
    const vtable = table - this.i32(table, what);
    const vlen = this.u16(vtable, `${what} vtable`);
    const slot = 4 + 2 * id;
    if (slot + 2 > vlen) return 0;
    const off = this.u16(vtable + slot, `${what} vtable`);
    return off ? table + off : 0;
  }
  /** Follows an offset field to its target. */
  indirect(p: number, what: string): number {
    return p + this.u32(p, what);
  }
  /** [start, length] of a vector field with elements of `elem` bytes; [0, 0] when absent. */
  vector(table: number, id: number, elem: number, what: string): [number, number] {
    const p = this.field(table, id, what);
    if (!p) return [0, 0];
    const v = this.indirect(p, what);
    const n = this.u32(v, what);
    this.check(v + 4, n * elem, `${what} (${n} elements)`);
    return [v + 4, n];
  }
  tables(table: number, id: number, what: string): number[] {
    const [start, n] = this.vector(table, id, 4, what);
    return Array.from({ length: n }, (_, i) => this.indirect(start + 4 * i, what));
  }
  ints(table: number, id: number, what: string): number[] {
    const [start, n] = this.vector(table, id, 4, what);
    return Array.from({ length: n }, (_, i) => this.i32(start + 4 * i, what));
  }
  string(table: number, id: number, what: string): string {
    const [start, n] = this.vector(table, id, 1, what);
    return new TextDecoder().decode(this.bytes.subarray(start, start + n));
  }
  scalar(table: number, id: number, kind: 'i8' | 'u8' | 'i32' | 'u32' | 'f32', dflt: number, what: string): number {
    const p = this.field(table, id, what);
    return p ? this[kind](p, what) : dflt;
  }
}

function readTensor(r: Reader, t: number, i: number): TfliteTensor {
  const what = `tensor ${i}`;
  const T = F.Tensor;
  const tensor: TfliteTensor = {
    name: r.string(t, T.name, what),
    shape: r.ints(t, T.shape, what),
    type: r.scalar(t, T.type, 'i8', 0, what) as TensorTypeCode,
    buffer: r.scalar(t, T.buffer, 'u32', 0, what),
  };
  const qp = r.field(t, T.quantization, what);
  if (qp) {
    const q = r.indirect(qp, what);
    const Q = F.QuantizationParameters;
    const [sStart, sn] = r.vector(q, Q.scale, 4, what);
    const [zStart, zn] = r.vector(q, Q.zeroPoint, 8, what);
    if (sn > 0) {
      tensor.quant = {
        scale: Array.from({ length: sn }, (_, k) => r.f32(sStart + 4 * k, what)),
        zeroPoint: Array.from({ length: zn }, (_, k) => r.i64(zStart + 8 * k, what)),
        quantizedDimension: r.scalar(q, Q.quantizedDimension, 'i32', 0, what),
      };
    }
  }
  return tensor;
}

function readOperator(r: Reader, o: number, i: number): TfliteOperator {
  const what = `operator ${i}`;
  const O = F.Operator;
  const optionsType = r.scalar(o, O.optionsType, 'u8', 0, what);
  const options: Record<string, OptionValue> = {};
  const fields = OPTION_TABLES[optionsType];
  const op = r.field(o, O.options, what);
  if (fields && op) {
    const t = r.indirect(op, what);
    for (const f of fields) {
      if (f.kind === 'i32[]') options[f.name] = r.ints(t, f.id, what);
      else if (f.kind === 'bool') options[f.name] = r.scalar(t, f.id, 'u8', Number(f.default), what) !== 0;
      else options[f.name] = r.scalar(t, f.id, f.kind, Number(f.default), what);
    }
  }
  return { opcodeIndex: r.scalar(o, O.opcodeIndex, 'u32', 0, what), inputs: r.ints(o, O.inputs, what), outputs: r.ints(o, O.outputs, what), optionsType, options };
}

export function readTflite(bytes: Uint8Array): TfliteGraph {
  if (bytes.length > MAX_TFLITE_BYTES) {
    throw new TfliteFormatError(`the file has ${bytes.length} bytes; files over ${MAX_TFLITE_BYTES / 2 ** 20} MB are refused`);
  }
  if (bytes.length < 8) throw new TfliteFormatError(`only ${bytes.length} bytes: too short for a TFLite flatbuffer`);
  const ident = String.fromCharCode(...bytes.subarray(4, 8));
  if (ident !== TFLITE_IDENTIFIER) {
    throw new TfliteFormatError(`not a TFLite model: bytes 4–7 are "${ident.replace(/[^\x20-\x7e]/g, '?')}", expected "${TFLITE_IDENTIFIER}"`);
  }
  const r = new Reader(bytes);
  const root = r.indirect(0, 'the root table');
  const M = F.Model;
  const version = r.scalar(root, M.version, 'u32', 0, 'the model');
  const opcodes: TfliteOpCode[] = r.tables(root, M.operatorCodes, 'operator codes').map((c) => {
    const C = F.OperatorCode;
    const deprecated = r.scalar(c, C.deprecatedBuiltinCode, 'i8', 0, 'an operator code');
    const custom = r.field(c, C.customCode, 'an operator code') ? r.string(c, C.customCode, 'an operator code') : undefined;
    return {
      deprecatedBuiltinCode: deprecated,
      // Old files carry only the byte; the converter's rule: builtin = max(builtin, deprecated).
      builtinCode: Math.max(r.scalar(c, C.builtinCode, 'i32', 0, 'an operator code'), deprecated),
      version: r.scalar(c, C.version, 'i32', 1, 'an operator code'),
      ...(custom !== undefined ? { customCode: custom } : {}),
    };
  });
  const subgraphs = r.tables(root, M.subgraphs, 'subgraphs');
  if (subgraphs.length === 0) throw new TfliteFormatError('the model has no subgraph');
  const sg = subgraphs[0];
  const S = F.SubGraph;
  const buffers = r.tables(root, M.buffers, 'buffers').map((b, i) => {
    const [start, n] = r.vector(b, F.Buffer.data, 1, `buffer ${i}`);
    return bytes.slice(start, start + n);
  });
  const g: TfliteGraph = {
    version,
    description: r.field(root, M.description, 'the model') ? r.string(root, M.description, 'the description') : '',
    opcodes,
    tensors: r.tables(sg, S.tensors, 'tensors').map((t, i) => readTensor(r, t, i)),
    inputs: r.ints(sg, S.inputs, 'subgraph inputs'),
    outputs: r.ints(sg, S.outputs, 'subgraph outputs'),
    operators: r.tables(sg, S.operators, 'operators').map((o, i) => readOperator(r, o, i)),
    buffers,
    name: r.field(sg, S.name, 'the subgraph') ? r.string(sg, S.name, 'the subgraph name') : '',
  };
  for (const [i, op] of g.operators.entries()) {
    if (op.opcodeIndex >= opcodes.length) throw new TfliteFormatError(`operator ${i} uses operator code ${op.opcodeIndex} of ${opcodes.length}`);
    for (const t of [...op.inputs, ...op.outputs]) {
      if (t >= g.tensors.length) throw new TfliteFormatError(`operator ${i} refers to tensor ${t} of ${g.tensors.length}`);
    }
  }
  for (const [i, t] of g.tensors.entries()) {
    if (t.buffer >= buffers.length && buffers.length > 0) throw new TfliteFormatError(`tensor ${i} refers to buffer ${t.buffer} of ${buffers.length}`);
  }
  return g;
}
