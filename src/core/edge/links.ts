/**
 * Radio links a sensor node can send its data over, with the figures the cloud-vs-edge calculator
 * needs: usable uplink bandwidth, round-trip latency to a cloud server, the device's energy per byte
 * sent, a fixed energy per message (waking the radio, connection / tail), and the fraction of air
 * time the device may use. Every figure is sourced or marked "assumed" with its reasoning.
 */
import type { Figure } from '../devices/target-types';

export type LinkId = 'wifi' | 'lte' | 'lora' | 'ble';

export interface Link {
  id: LinkId;
  name: string;
  /** Usable application-level uplink, bytes per second. */
  bytesPerSecond: Figure;
  /** Round trip device → cloud server → device, excluding the transfer time, ms. */
  rttMs: Figure;
  /** Device energy per byte sent, joules. */
  joulesPerByte: Figure;
  /** Device energy per message independent of its size (wake, association, tail), joules. */
  joulesPerMessage: Figure;
  /**
   * How long the radio stays up after a message (the per-message energy is spent over it): messages
   * closer together than this keep the radio on and share one wake-up / tail.
   */
  messageSeconds: Figure;
  /** Fraction of time the device may transmit (regulatory duty cycle), 0..1. */
  dutyCycle: Figure;
}

const f = (value: number, source: string): Figure => ({ value, source });
const HUANG = 'Huang et al., "A close examination of performance and power characteristics of 4G LTE networks", MobiSys 2012';

export const LINKS: Link[] = [
  {
    id: 'wifi',
    name: 'Wi-Fi (802.11n)',
    bytesPerSecond: f(2.5e6, 'assumed: 20 Mbit/s sustained uplink of an embedded 802.11n module'),
    rttMs: f(30, 'assumed: home/office Wi-Fi + broadband to a regional cloud data centre'),
    // Huang 2012 Wi-Fi model: P = 283 mW/Mbps · uplink + 133 mW base → ≈ 0.3 µJ/bit at 10 Mbit/s.
    joulesPerByte: f(0.3e-6 * 8, `${HUANG}: Wi-Fi uplink power model ≈ 283 mW per Mbit/s + 133 mW base, ≈ 0.3 µJ/bit at 10 Mbit/s (phone)`),
    joulesPerMessage: f(5e-3, 'assumed: waking the radio from power save and one TCP/TLS exchange, ~20 ms at ~250 mW'),
    messageSeconds: f(0.02, 'assumed (see joulesPerMessage)'),
    dutyCycle: f(1, 'no regulatory limit in the 2.4 / 5 GHz bands for this use'),
  },
  {
    id: 'lte',
    name: 'LTE (4G)',
    bytesPerSecond: f(6e6 / 8, `${HUANG}: median measured LTE uplink 6 Mbit/s`),
    rttMs: f(70, `assumed: LTE radio round trip plus core network to the cloud (${HUANG} reports RTTs of tens of ms)`),
    joulesPerByte: f(0.7e-6 * 8, `${HUANG}: uplink power model ≈ 438 mW per Mbit/s + 1288 mW base, ≈ 0.7 µJ/bit at 5 Mbit/s`),
    joulesPerMessage: f(1.2, `${HUANG}: the high-power "tail" after each transfer (~1 W for ~10 s in their measurements) dominates small messages; 1.2 J assumed`),
    messageSeconds: f(10, `${HUANG}: LTE RRC tail timer of about 10 s`),
    dutyCycle: f(1, 'licensed spectrum, no duty-cycle limit'),
  },
  {
    id: 'lora',
    name: 'LoRaWAN (SF7, EU868)',
    bytesPerSecond: f(5470 / 8, 'LoRaWAN Regional Parameters: DR5 = SF7 / 125 kHz, 5,470 bit/s raw'),
    rttMs: f(1500, 'assumed: air time + the class A receive windows (RX1 opens 1 s after uplink) + network server'),
    joulesPerByte: f(0.13 / (5470 / 8), 'assumed: ~40 mA at 3.3 V (≈ 130 mW) transmitting at +14 dBm, divided by the SF7 byte rate'),
    joulesPerMessage: f(0.13 * 0.05, 'assumed: ~50 ms of preamble + header + radio wake-up at 130 mW'),
    messageSeconds: f(0.05, 'assumed (see joulesPerMessage)'),
    dutyCycle: f(0.01, 'ETSI EN 300 220 (EU868 sub-bands g/g1): 1 % duty cycle per device'),
  },
  {
    id: 'ble',
    name: 'Bluetooth LE (to a phone)',
    bytesPerSecond: f(100e3, 'assumed: ~0.8 Mbit/s application throughput on the 1M PHY with data-length extension (theory ~1.4 Mbit/s on 2M PHY)'),
    rttMs: f(100, 'assumed: a 30 ms connection interval, then the phone forwards over its own network (+ ~70 ms)'),
    joulesPerByte: f(0.05e-6 * 8, 'assumed: ~15 mW radio (≈ 5 mA at 3 V) at ~1 Mbit/s on air plus protocol overhead, ≈ 50 nJ/bit'),
    joulesPerMessage: f(50e-6, 'assumed: one connection event ~2.5 ms at ~20 mW'),
    messageSeconds: f(0.0025, 'assumed (see joulesPerMessage)'),
    dutyCycle: f(1, 'no regulatory limit (frequency hopping in 2.4 GHz)'),
  },
];

export function findLink(id: string): Link | undefined {
  return LINKS.find((l) => l.id === id);
}
