/**
 * The engine's whole API as the page sees it: the base (./base.ts) plus one namespace per lab that
 * needs the worker — one line each in LabApis. The worker's entry (../engine.worker.ts) is
 * type-checked against it, and the page's client type (../client.ts) is derived from it.
 */
import type { ProxyMarked } from 'comlink';
import type { BaseEngineApi } from './base';
import type { DeployApi } from './deploy';
import type { DistillationApi } from './distillation';
import type { NasApi } from './nas';
import type { PruningApi } from './pruning';
import type { QuantizationApi } from './quantization';
import type { TimeSeriesApi } from './time-series';
import type { ShelfApi } from './shelf';
import type { TsVersionsApi } from './ts-versions';
import type { RecordingsApi } from './recordings';

/**
 * One line per lab namespace. `& ProxyMarked` (the worker wraps each with Comlink.proxy) makes
 * Comlink's Remote<> type the namespace as a remote object, so the client needs no cast.
 */
export interface LabApis {
  deploy: DeployApi & ProxyMarked;
  distillation: DistillationApi & ProxyMarked;
  nas: NasApi & ProxyMarked;
  pruning: PruningApi & ProxyMarked;
  quantization: QuantizationApi & ProxyMarked;
  timeSeries: TimeSeriesApi & ProxyMarked;
  shelf: ShelfApi & ProxyMarked;
  tsVersions: TsVersionsApi & ProxyMarked;
  recordings: RecordingsApi & ProxyMarked;
}

export type EngineApi = BaseEngineApi & LabApis;

export type * from './base';
export { SLOTS, type SlotName } from './slots';
