/**
 * The shelf file: one JSON file holding one version or the whole shelf, so a student can hand a model
 * to the instructor. Typed arrays are written as base64 ({"$f32": "…"}), so weights, masks and
 * quantization parameters come back bit-exactly. The format is versioned: a file from a newer app, a
 * truncated file, a foreign JSON or an invalid version is rejected as a whole with a reason, and
 * nothing is imported.
 */
import { validateVersion } from './validate';
import { lineageProblems, type Tombstone } from './lineage';
import type { ModelVersion } from './types';

export const SHELF_FORMAT = 'tinyml-lab-shelf';
export const SHELF_FORMAT_VERSION = 1;
/** A whole shelf of lab models is a few MB; anything far larger is not one of ours (and would stall the tab). */
export const MAX_SHELF_FILE_BYTES = 50 * 1024 * 1024;

export class ShelfFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShelfFileError';
  }
}

export interface ShelfFile {
  versions: ModelVersion[];
  tombstones: Tombstone[];
}

const TAGS = { $f32: Float32Array, $i32: Int32Array, $u8: Uint8Array } as const;
type Tag = keyof typeof TAGS;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function encode(_key: string, value: unknown): unknown {
  for (const [tag, Ctor] of Object.entries(TAGS)) {
    if (value instanceof Ctor) {
      const v = value as Float32Array | Int32Array | Uint8Array;
      return { [tag]: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    }
  }
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !(keys[0] in TAGS)) return value;
  const b64 = (value as Record<string, unknown>)[keys[0]];
  if (typeof b64 !== 'string') throw new ShelfFileError(`a ${keys[0]} array is not base64 text`);
  const Ctor = TAGS[keys[0] as Tag];
  const bytes = fromBase64(b64);
  if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw new ShelfFileError(`a ${keys[0]} array has a length that is not a whole number of values`);
  return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT);
}

/** The file for some versions (and the tombstones their parents need), as UTF-8 JSON text. */
export function writeShelfFile(file: ShelfFile, exportedAt = new Date().toISOString()): string {
  return JSON.stringify({ format: SHELF_FORMAT, formatVersion: SHELF_FORMAT_VERSION, exportedAt, ...file }, encode);
}

/**
 * Parses and validates a shelf file. `existing`: ids and tombstones already on the shelf, so an
 * imported version may name a parent that is on the shelf already. Throws ShelfFileError.
 */
export function readShelfFile(bytes: Uint8Array, existing: { ids: string[]; tombstones: Tombstone[] } = { ids: [], tombstones: [] }): ShelfFile {
  if (bytes.length > MAX_SHELF_FILE_BYTES) {
    throw new ShelfFileError(`the file is ${(bytes.length / 1e6).toFixed(0)} MB; a shelf file may be at most ${MAX_SHELF_FILE_BYTES / 1024 / 1024} MB`);
  }
  if (bytes.length === 0) throw new ShelfFileError('the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShelfFileError('this is not a shelf file (it is not text)');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text, decode);
  } catch (e) {
    if (e instanceof ShelfFileError) throw e;
    const t = text.trimEnd();
    if (t.startsWith('{') && (!t.endsWith('}') || /end of JSON|Unterminated/i.test(String(e)))) {
      throw new ShelfFileError('the file is truncated (it ends before the shelf does); export it again');
    }
    throw new ShelfFileError(e instanceof RangeError ? 'the file is nested too deeply to be a shelf file' : 'this is not a shelf file (it is not valid JSON)');
  }
  const obj = raw as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || obj.format !== SHELF_FORMAT) {
    throw new ShelfFileError('this is not a TinyML Lab shelf file (it is JSON, but has no "format": "tinyml-lab-shelf")');
  }
  if (!Number.isInteger(obj.formatVersion) || (obj.formatVersion as number) < 1) throw new ShelfFileError('the shelf file has no valid format version');
  if ((obj.formatVersion as number) > SHELF_FORMAT_VERSION) {
    throw new ShelfFileError(`this shelf file was made by a newer TinyML Lab (format ${String(obj.formatVersion)}; this app reads format ${SHELF_FORMAT_VERSION}): update the app to import it`);
  }
  if (!Array.isArray(obj.versions) || obj.versions.length === 0) throw new ShelfFileError('the shelf file contains no versions');
  const versions = obj.versions.map((v, i) => {
    const r = validateVersion(v);
    if (!r.ok) throw new ShelfFileError(`version ${i + 1} of the file is invalid: ${r.reason}`);
    return r.value;
  });
  const ids = new Set<string>();
  for (const v of versions) {
    if (ids.has(v.id)) throw new ShelfFileError(`the file holds version "${v.name}" twice`);
    ids.add(v.id);
  }
  const tombstones = readTombstones(obj.tombstones);
  const known = [...versions, ...existing.ids.filter((id) => !ids.has(id)).map((id) => ({ id, name: id, parentId: null }))];
  const problems = lineageProblems(known, [...tombstones, ...existing.tombstones]);
  if (problems.length > 0) {
    const v = versions.find((x) => x.id === problems[0].id);
    throw new ShelfFileError(`the lineage of "${v?.name ?? problems[0].id}" in the file is broken: ${problems[0].reason}`);
  }
  return { versions, tombstones };
}

function readTombstones(v: unknown): Tombstone[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ShelfFileError('the deleted-parent list of the file is malformed');
  return v.map((t) => {
    const o = t as Record<string, unknown>;
    if (typeof o?.id !== 'string' || typeof o.name !== 'string' || typeof o.deletedAt !== 'string') throw new ShelfFileError('a deleted-parent entry of the file is malformed');
    return { id: o.id, name: o.name.slice(0, 200), deletedAt: o.deletedAt };
  });
}
