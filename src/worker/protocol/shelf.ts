/**
 * The model shelf's worker protocol (engine.shelf.*): types only. The worker keeps the versions (in
 * IndexedDB through db.ts) and builds them into model slots; the page gets summaries without weights.
 */
import type { Deployment } from '../../core/devices/types';
import type { Tombstone } from '../../core/shelf/lineage';
import type { DamagedRecord, QuantParams, Technique, VersionMask, VersionMetrics, VersionSummary, VersionTask } from '../../core/shelf/types';

export type { DamagedRecord, Tombstone, VersionSummary };

export type FaultKind = 'unavailable' | 'quota' | 'blocked' | 'failed';

export interface StorageFault {
  kind: FaultKind;
  /** A sentence for a notice, e.g. "models cannot be saved: storage is full (48 MB used) — export or delete …". */
  message: string;
  usageBytes?: number;
  quotaBytes?: number;
}

export interface StorageStatus {
  /** True when values reach IndexedDB; false when they live only in this session's memory. */
  persistent: boolean;
  /** The last failure, cleared by the next successful write. */
  fault: StorageFault | null;
}

/** A version as the page lists it: the summary plus how it deploys (for flash / latency on any target). */
export interface ShelfEntry extends VersionSummary {
  deployment: Deployment;
  /** Set when the lineage is broken (parent missing, a cycle); the version itself is still usable. */
  lineageIssue?: string;
}

export interface ShelfListing {
  versions: ShelfEntry[];
  /** Records that cannot be used (bad spec, missing or non-finite weights, bad dates…), with the reason. */
  damaged: DamagedRecord[];
  tombstones: Tombstone[];
  status: StorageStatus;
}

export interface SaveVersionRequest {
  /** The worker slot holding the model to save. */
  slot: string;
  name: string;
  technique: Technique;
  lab: string;
  settingsLink?: string;
  parentId: string | null;
  /**
   * Pruning masks: given, or "from-zeros" (pruned weights are exactly zero; masks are rebuilt from the
   * kernels), or "inherit" (the parent's masks, e.g. a quantized child of a pruned version).
   */
  masks?: VersionMask[] | 'from-zeros' | 'inherit';
  /** Quantization parameters, or the Quantization lab's last PTQ / QAT conversion. */
  quant?: QuantParams | 'PTQ' | 'QAT';
  /** With 'PTQ' / 'QAT': the bit depths the page shows, so a later sweep's conversion is never saved by mistake. */
  quantCheck?: { weightBits: number; activationBits: number };
  metrics: Omit<VersionMetrics, 'params' | 'macs'>;
  /** A non-MNIST version's task (time series); absent for MNIST models. */
  task?: VersionTask;
}

export interface WriteResult {
  persisted: boolean;
  fault: StorageFault | null;
}

export interface SaveResult extends WriteResult {
  version: ShelfEntry;
}

/** One step of a pipeline recipe. */
export type PipelineStep =
  | { kind: 'prune'; sparsity: number; fineTuneEpochs: number }
  | { kind: 'fine-tune'; epochs: number }
  | { kind: 'quantize'; bits: 8 | 4 };

export interface PipelineRequest {
  /** The version the recipe starts from. */
  from: string;
  steps: PipelineStep[];
  seed: number;
}

export type PipelineEvent =
  | { type: 'step'; index: number; label: string; fraction: number }
  | { type: 'saved'; index: number; version: ShelfEntry };

export interface PipelineResult {
  saved: ShelfEntry[];
  stopped: boolean;
}

export interface ShelfApi {
  list(): Promise<ShelfListing>;
  save(req: SaveVersionRequest): Promise<SaveResult>;
  /** Builds a copy of the version into `slot` (labs run on the copy, never on the stored version). */
  load(id: string, slot: string): Promise<ShelfEntry>;
  rename(id: string, name: string): Promise<SaveResult>;
  /** Deletes a version (its name stays as a "deleted" parent while children point at it); undo with restore. */
  remove(id: string): Promise<WriteResult>;
  restore(id: string): Promise<WriteResult>;
  /** Deletes a damaged record (by the id the listing gave). */
  removeDamaged(id: string): Promise<WriteResult>;
  /** The shelf file (UTF-8 JSON) for the given versions, or the whole shelf. */
  exportFile(ids?: string[]): Promise<Uint8Array>;
  /** Imports a shelf file; throws with the reason (and imports nothing) when it is not a valid one. */
  importFile(bytes: Uint8Array): Promise<{ imported: number; names: string[] }>;
  runPipeline(req: PipelineRequest, onEvent?: (e: PipelineEvent) => void): Promise<PipelineResult>;
  /** The page has no usable IndexedDB: keep versions in memory only (and say so in the status). */
  useMemoryOnly(reason: string): Promise<void>;
}
