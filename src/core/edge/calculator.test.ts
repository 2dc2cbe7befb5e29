import { describe, expect, it } from 'vitest';
import { cloudVsEdge, formatDataBytes } from './calculator';
import { COMPUTE_CLASSES, decadesSpanned } from './compute-classes';
import { LINKS, findLink, type Link } from './links';
import type { Figure } from '../devices/target-types';

const fig = (value: number): Figure => ({ value, source: 'test' });
/** A link with round numbers so every output can be computed by hand. */
const TEST_LINK: Link = {
  id: 'wifi',
  name: 'test link',
  bytesPerSecond: fig(1000),
  rttMs: fig(50),
  joulesPerByte: fig(1e-6),
  joulesPerMessage: fig(1e-3),
  messageSeconds: fig(0.1),
  dutyCycle: fig(0.5),
};
const battery = { mAh: 1000, volts: 3.6 }; // 12,960 J

describe('cloud vs edge calculator (hand-computed)', () => {
  // 100 B/s in 200 B windows: 0.5 decisions/s, one every 2 s.
  const r = cloudVsEdge({
    bytesPerSecond: 100,
    sampleBytes: 200,
    link: TEST_LINK,
    edgeLatencyMs: 4,
    edgeEnergyJ: 100e-6,
    sleepW: 1e-4,
    battery,
    resultBytes: 10,
    reportEverySeconds: 100,
    serverMs: 5,
  });
  it('latency: transfer 200 ms + RTT 50 ms + server 5 ms', () => {
    expect(r.decisionsPerSecond).toBe(0.5);
    expect(r.transferMs).toBeCloseTo(200, 9);
    expect(r.cloudLatencyMs).toBeCloseTo(255, 9);
    expect(r.edgeLatencyMs).toBe(4);
  });
  it('link load: 100 B/s over 1000 B/s at 50 % duty = 0.2', () => {
    expect(r.linkLoad).toBeCloseTo(0.2, 12);
    expect(r.linkCarries).toBe(true);
  });
  it('data per day: 8.64 MB raw vs 0.5 · 10 B · 86,400 = 432 kB of results', () => {
    expect(r.cloudBytesPerDay).toBe(8_640_000);
    expect(r.edgeBytesPerDay).toBe(432_000);
    expect(formatDataBytes(r.cloudBytesPerDay)).toBe('8.64 MB');
  });
  it('energy per decision: cloud 200 µJ + 1 mJ; edge 100 µJ + 10 µJ + 1 mJ / 50', () => {
    // messages 2 s apart > 0.1 s radio hold: each pays the full 1 mJ.
    expect(r.cloudEnergyJ).toBeCloseTo(200e-6 + 1e-3, 12);
    // one report per 100 s = per 50 decisions.
    expect(r.edgeEnergyJ).toBeCloseTo(100e-6 + 10e-6 + 1e-3 / 50, 12);
  });
  it('battery life = 12,960 J / (sleep + f · E)', () => {
    expect(r.cloudBatteryHours).toBeCloseTo(12960 / (1e-4 + 0.5 * 1.2e-3) / 3600, 6);
    expect(r.edgeBatteryHours).toBeCloseTo(12960 / (1e-4 + 0.5 * 130e-6) / 3600, 6);
    expect(r.edgeBatteryHours).toBeGreaterThan(r.cloudBatteryHours);
  });
  it('messages closer than the radio hold share the wake-up energy', () => {
    // 1000 B/s in 20 B windows: 50 decisions/s, 20 ms apart = 0.2 of the 100 ms hold.
    const fast = cloudVsEdge({ bytesPerSecond: 1000, sampleBytes: 20, link: TEST_LINK, edgeLatencyMs: 1, edgeEnergyJ: 0, sleepW: 0, battery });
    expect(fast.cloudEnergyJ).toBeCloseTo(20e-6 + 0.2 * 1e-3, 12);
    // 1000 B/s needs twice the 500 B/s the duty cycle allows.
    expect(fast.linkLoad).toBeCloseTo(2, 12);
    expect(fast.linkCarries).toBe(false);
  });
  it('bad inputs give finite numbers, never NaN', () => {
    for (const bad of [0, -1, NaN, Infinity]) {
      const x = cloudVsEdge({ bytesPerSecond: bad, sampleBytes: bad, link: TEST_LINK, edgeLatencyMs: bad, edgeEnergyJ: bad, sleepW: bad, battery });
      for (const [k, v] of Object.entries(x)) {
        if (typeof v === 'number') expect(Number.isNaN(v), k).toBe(false);
      }
    }
  });
});

describe('links', () => {
  it('a 30 fps VGA camera (27.6 MB/s) fits no link; a KWS microphone (32 kB/s) does not fit LoRa', () => {
    const camera = 640 * 480 * 3 * 30;
    for (const l of LINKS) expect(camera / (l.bytesPerSecond.value * l.dutyCycle.value), l.id).toBeGreaterThan(1);
    const lora = findLink('lora')!;
    expect(32_000 / (lora.bytesPerSecond.value * lora.dutyCycle.value)).toBeGreaterThan(1);
    expect(32_000 / findLink('wifi')!.bytesPerSecond.value).toBeLessThan(1);
  });
  it('every figure names a source', () => {
    for (const l of LINKS) {
      for (const k of ['bytesPerSecond', 'rttMs', 'joulesPerByte', 'joulesPerMessage', 'messageSeconds', 'dutyCycle'] as const) {
        expect(l[k].value, `${l.id}.${k}`).toBeGreaterThan(0);
        expect(l[k].source.length, `${l.id}.${k}`).toBeGreaterThan(5);
      }
    }
  });
});

describe('classes of compute', () => {
  it('memory spans at least 4 decades (24 GB GPU vs 512 KB MCU)', () => {
    const gpu = COMPUTE_CLASSES.find((c) => c.id === 'gpu')!;
    const mcu = COMPUTE_CLASSES.find((c) => c.id === 'mcxn947')!;
    expect(gpu.memoryBytes.value / mcu.memoryBytes.value).toBe(24 * 2048);
    expect(decadesSpanned('memoryBytes')).toBeGreaterThan(4);
    expect(decadesSpanned('powerW')).toBeGreaterThan(3);
  });
});
