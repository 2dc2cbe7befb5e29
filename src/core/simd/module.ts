/**
 * Loads one of the lab's own SIMD wasm modules (src/core/simd/<name>.c, compiled by
 * scripts/build-simd.sh into <name>.wasm.ts) and manages its memory: a bump allocator above the
 * module's stack and static data (__heap_base), reset between calls, growing the memory on demand.
 *
 * Kernels take byte offsets into that memory. A caller copies its inputs in (`put`), calls the
 * export, and reads outputs through a view (`f32`, `i32`, …) — views must be taken after every
 * allocation, since growing the memory detaches earlier ones.
 *
 * Compiled synchronously (small modules, used from the engine worker and Node); instances are cached
 * per module. Feature-checked: `simdSupported()` is false where WebAssembly or SIMD128 is missing,
 * and callers keep their plain-JS path for that case.
 */
type Exports = Record<string, unknown> & { memory: WebAssembly.Memory; __heap_base: WebAssembly.Global };

export interface SimdModule {
  /** The module's exported functions, by name. */
  fn<F extends (...args: number[]) => number | void>(name: string): F;
  /** Frees everything allocated since the last reset (call at the start of each job step). */
  reset(): void;
  /** Allocates `bytes` (16-byte aligned) and returns the offset. */
  alloc(bytes: number): number;
  /** Allocates and copies `data` in; returns the offset. */
  put(data: ArrayBufferView): number;
  f32(offset: number, length: number): Float32Array;
  i32(offset: number, length: number): Int32Array;
  i16(offset: number, length: number): Int16Array;
  i8(offset: number, length: number): Int8Array;
  u8(offset: number, length: number): Uint8Array;
}

const PAGE = 65536;
// The smallest module with a v128 instruction: (func (result v128) v128.const 0) — compiles only
// where SIMD128 is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

let supported: boolean | undefined;

export function simdSupported(): boolean {
  if (supported === undefined) {
    try {
      supported = typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
    } catch {
      supported = false;
    }
  }
  return supported;
}

function decodeBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const instances = new Map<string, SimdModule>();

/** Instantiates (once) the module whose bytes are `base64`. Throws where SIMD is unsupported. */
export function loadSimd(base64: string): SimdModule {
  const cached = instances.get(base64);
  if (cached) return cached;
  if (!simdSupported()) throw new Error('this browser has no WebAssembly SIMD');
  const module = new WebAssembly.Module(decodeBase64(base64) as BufferSource);
  const exports = new WebAssembly.Instance(module, {}).exports as Exports;
  const memory = exports.memory;
  const base = Number(exports.__heap_base.value);
  let top = base;
  const view = <T>(C: new (b: ArrayBuffer, o: number, n: number) => T) => (offset: number, length: number) =>
    new C(memory.buffer, offset, length);
  const m: SimdModule = {
    fn: (name) => {
      const f = exports[name];
      if (typeof f !== 'function') throw new Error(`the SIMD module has no function ${name}`);
      return f as never;
    },
    reset: () => {
      top = base;
    },
    alloc: (bytes) => {
      const offset = (top + 15) & ~15;
      const end = offset + bytes;
      if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
      top = end;
      return offset;
    },
    put: (data) => {
      const offset = m.alloc(data.byteLength);
      new Uint8Array(memory.buffer, offset, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      return offset;
    },
    f32: view(Float32Array),
    i32: view(Int32Array),
    i16: view(Int16Array),
    i8: view(Int8Array),
    u8: view(Uint8Array),
  };
  instances.set(base64, m);
  return m;
}
