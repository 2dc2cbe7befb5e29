/**
 * Cloud vs edge: the same decision made by sending the raw data to a server, or by running the model
 * on the device and sending only the results.
 *
 *   decisions/s      f  = data rate R / sample size S
 *   cloud latency       = S / B_link + RTT + t_server
 *   edge latency        = t_inference (device estimator)
 *   link load           = R / (B_link · duty cycle)          (> 1: the link cannot carry the stream)
 *   data per day        = R · 86,400 s (cloud);  f · result bytes · 86,400 s (edge)
 *   cloud energy/dec.   = S · e_byte + E_msg · min(1, (1/f) / T_msg)
 *   edge energy/dec.    = E_inference + r · e_byte + E_msg / (f · T_report)
 *   battery life        = E_battery / (P_sleep + f · energy per decision)
 *
 * Only the device's energy is counted (it is what drains the battery); sampling the sensor costs the
 * same both ways and is left out. E_msg is the radio's fixed cost per message (wake-up, LTE tail),
 * shared by messages closer together than T_msg.
 */
import { batteryLifeHours, type Battery } from '../devices/energy';
import type { Link } from './links';

export interface CalculatorInput {
  /** Stream data rate, bytes per second. */
  bytesPerSecond: number;
  /** Bytes of one sample window the model decides on (one decision per window). */
  sampleBytes: number;
  link: Link;
  /** Edge inference latency (ms) and energy (J) on the chosen part and engine. */
  edgeLatencyMs: number;
  edgeEnergyJ: number;
  /** Device sleep power between decisions, W. */
  sleepW: number;
  battery: Battery;
  /** Bytes of one result the edge device reports (class id + score). */
  resultBytes?: number;
  /** The edge device batches its results into one message every this many seconds. */
  reportEverySeconds?: number;
  /** Server inference time, ms. */
  serverMs?: number;
}

export interface CalculatorResult {
  decisionsPerSecond: number;
  cloudLatencyMs: number;
  /** Of which: moving one sample over the link. */
  transferMs: number;
  edgeLatencyMs: number;
  /** Stream rate / usable link rate; > 1 means the link cannot carry the stream. */
  linkLoad: number;
  linkCarries: boolean;
  cloudBytesPerDay: number;
  edgeBytesPerDay: number;
  cloudEnergyJ: number;
  edgeEnergyJ: number;
  cloudBatteryHours: number;
  edgeBatteryHours: number;
}

export const DEFAULT_RESULT_BYTES = 8;
export const DEFAULT_REPORT_SECONDS = 3600;
/** Assumed: a small model on a data-centre server, batch of one, including request handling. */
export const DEFAULT_SERVER_MS = 5;

const DAY = 86_400;

/** A finite, non-negative number or the fallback (keeps NaN off the page). */
function clean(x: number, fallback = 0): number {
  return Number.isFinite(x) && x >= 0 ? x : fallback;
}

export function cloudVsEdge(input: CalculatorInput): CalculatorResult {
  const rate = clean(input.bytesPerSecond);
  const sample = clean(input.sampleBytes);
  const { link } = input;
  const resultBytes = clean(input.resultBytes ?? DEFAULT_RESULT_BYTES);
  const report = Math.max(1, clean(input.reportEverySeconds ?? DEFAULT_REPORT_SECONDS, DEFAULT_REPORT_SECONDS));
  const serverMs = clean(input.serverMs ?? DEFAULT_SERVER_MS);
  const perSecond = sample > 0 ? rate / sample : 0;
  const linkRate = link.bytesPerSecond.value;
  const usable = linkRate * link.dutyCycle.value;

  const transferMs = (sample / linkRate) * 1000;
  const cloudLatencyMs = transferMs + link.rttMs.value + serverMs;
  const linkLoad = usable > 0 ? rate / usable : Infinity;

  const interval = perSecond > 0 ? 1 / perSecond : Infinity;
  const sharedWake = Math.min(1, interval / link.messageSeconds.value);
  const cloudEnergyJ = sample * link.joulesPerByte.value + link.joulesPerMessage.value * sharedWake;
  const reportsPerDecision = perSecond > 0 ? 1 / (perSecond * report) : 0;
  const edgeEnergyJ =
    clean(input.edgeEnergyJ) + resultBytes * link.joulesPerByte.value + link.joulesPerMessage.value * Math.min(1, reportsPerDecision);

  const sleepW = clean(input.sleepW);
  const life = (perDecisionJ: number) => batteryLifeHours(input.battery, sleepW + perSecond * perDecisionJ);
  return {
    decisionsPerSecond: perSecond,
    cloudLatencyMs,
    transferMs,
    edgeLatencyMs: clean(input.edgeLatencyMs),
    linkLoad,
    linkCarries: linkLoad <= 1,
    cloudBytesPerDay: rate * DAY,
    edgeBytesPerDay: perSecond * resultBytes * DAY,
    cloudEnergyJ,
    edgeEnergyJ,
    cloudBatteryHours: life(cloudEnergyJ),
    edgeBatteryHours: life(edgeEnergyJ),
  };
}

/** Decimal units, as link rates and data plans are sold: "1.23 MB", "45.6 GB". */
export function formatDataBytes(b: number): string {
  if (!Number.isFinite(b) || b < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = b;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? Math.round(v) : v.toPrecision(3)} ${units[i]}`;
}
