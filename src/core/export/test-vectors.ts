/**
 * test_vectors.bin: N test digits, their labels and the int8 outputs the app's integer engine
 * computed, so the same comparison can be repeated on a board.
 *   bytes 0..7   header length H, unsigned 64-bit little-endian
 *   bytes 8..8+H UTF-8 JSON header: count, input_shape, output_shape, input / output scale and
 *                zero_point, and for each of inputs (int8), labels (uint8), expected (int8) its
 *                dtype, offset and length in bytes, counted from the end of the header
 *   then         the data, in that order
 */

export interface TestVectors {
  count: number;
  inputShape: number[];
  outputShape: number[];
  input: { scale: number; zeroPoint: number };
  output: { scale: number; zeroPoint: number };
  /** count × prod(inputShape) int8 values. */
  inputs: Int8Array;
  labels: Uint8Array;
  /** count × prod(outputShape) int8 values. */
  expected: Int8Array;
}

interface Section {
  dtype: 'int8' | 'uint8';
  offset: number;
  length: number;
}

interface Header {
  format: string;
  count: number;
  input_shape: number[];
  output_shape: number[];
  input: { scale: number; zero_point: number };
  output: { scale: number; zero_point: number };
  inputs: Section;
  labels: Section;
  expected: Section;
}

export const TEST_VECTORS_FORMAT = 'tinyml-lab-test-vectors/1';

export function writeTestVectors(v: TestVectors): Uint8Array {
  const sizes = [v.inputs.length, v.labels.length, v.expected.length];
  const header: Header = {
    format: TEST_VECTORS_FORMAT,
    count: v.count,
    input_shape: v.inputShape,
    output_shape: v.outputShape,
    input: { scale: v.input.scale, zero_point: v.input.zeroPoint },
    output: { scale: v.output.scale, zero_point: v.output.zeroPoint },
    inputs: { dtype: 'int8', offset: 0, length: sizes[0] },
    labels: { dtype: 'uint8', offset: sizes[0], length: sizes[1] },
    expected: { dtype: 'int8', offset: sizes[0] + sizes[1], length: sizes[2] },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + sizes[0] + sizes[1] + sizes[2]);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  const base = 8 + json.length;
  out.set(new Uint8Array(v.inputs.buffer, v.inputs.byteOffset, v.inputs.length), base);
  out.set(v.labels, base + header.labels.offset);
  out.set(new Uint8Array(v.expected.buffer, v.expected.byteOffset, v.expected.length), base + header.expected.offset);
  return out;
}

export function readTestVectors(bytes: Uint8Array): TestVectors {
  if (bytes.length < 8) throw new Error('test vectors: file shorter than its 8-byte header length');
  const h = Number(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true));
  if (8 + h > bytes.length) throw new Error(`test vectors: header of ${h} bytes runs past the end of the file`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h))) as Header;
  const base = 8 + h;
  const section = (s: Section) => {
    if (base + s.offset + s.length > bytes.length) throw new Error('test vectors: a data section runs past the end of the file');
    return bytes.slice(base + s.offset, base + s.offset + s.length);
  };
  const ins = section(header.inputs);
  const exp = section(header.expected);
  return {
    count: header.count,
    inputShape: header.input_shape,
    outputShape: header.output_shape,
    input: { scale: header.input.scale, zeroPoint: header.input.zero_point },
    output: { scale: header.output.scale, zeroPoint: header.output.zero_point },
    inputs: new Int8Array(ins.buffer, ins.byteOffset, ins.length),
    labels: section(header.labels),
    expected: new Int8Array(exp.buffer, exp.byteOffset, exp.length),
  };
}
