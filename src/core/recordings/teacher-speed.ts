/**
 * How long the teacher CNN takes to train here, measured rather than assumed. Two sources, both kept
 * per tfjs backend (speeds differ several-fold between wasm, webgl and cpu):
 * - a full teacher training on this machine: its wall time per epoch (training + the test pass), the
 *   best basis because it is exactly what the student waits for;
 * - a probe: a few timed teacher batches, plus the test pass each epoch, which is estimated (a
 *   forward pass costs about a third of a training step: forward, backward for activations and for
 *   weights — assumed, the usual rule of thumb, not measured here).
 */
export interface TeacherRate {
  backend: string;
  /** Wall time of one teacher epoch (all training samples and the test pass). */
  msPerEpoch: number;
  source: 'training' | 'probe';
  /** ISO date of the measurement. */
  measuredAt: string;
  /** Training: epochs timed. Probe: batches timed. */
  count: number;
}

/** Forward pass / training step cost, for the test pass of each epoch (assumed; see above). */
export const FORWARD_SHARE = 1 / 3;

/** A rate from a whole training run: its wall time over its epochs. */
export function rateFromTraining(backend: string, durationMs: number, epochs: number, at = new Date()): TeacherRate | null {
  if (!(epochs >= 1) || !(durationMs > 0) || !Number.isFinite(durationMs)) return null;
  return { backend, msPerEpoch: durationMs / epochs, source: 'training', measuredAt: at.toISOString(), count: epochs };
}

/** A rate from `batches` timed training batches of `batchSize` samples taking `ms` in all. */
export function rateFromProbe(
  backend: string,
  probe: { ms: number; batches: number; batchSize: number },
  data: { trainSamples: number; testSamples: number },
  at = new Date(),
): TeacherRate | null {
  if (!(probe.ms > 0) || !(probe.batches >= 1) || !(probe.batchSize >= 1) || !Number.isFinite(probe.ms)) return null;
  const msPerSample = probe.ms / (probe.batches * probe.batchSize);
  const msPerEpoch = msPerSample * (data.trainSamples + FORWARD_SHARE * data.testSamples);
  return { backend, msPerEpoch, source: 'probe', measuredAt: at.toISOString(), count: probe.batches };
}

/** A stored rate, or null when it is damaged (then it is measured again, never trusted). */
export function validateRate(v: unknown): TeacherRate | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const ok =
    typeof r.backend === 'string' && r.backend.length > 0 && r.backend.length <= 40 &&
    typeof r.msPerEpoch === 'number' && Number.isFinite(r.msPerEpoch) && r.msPerEpoch > 0 &&
    (r.source === 'training' || r.source === 'probe') &&
    typeof r.measuredAt === 'string' && !Number.isNaN(Date.parse(r.measuredAt)) &&
    Number.isInteger(r.count) && (r.count as number) >= 1;
  return ok ? { backend: r.backend as string, msPerEpoch: r.msPerEpoch as number, source: r.source as TeacherRate['source'], measuredAt: r.measuredAt as string, count: r.count as number } : null;
}

/** Prefer a training run's rate over a probe's: it includes everything the probe estimates. */
export function betterRate(a: TeacherRate | null, b: TeacherRate | null): TeacherRate | null {
  if (!a || !b) return a ?? b;
  if (a.source !== b.source) return a.source === 'training' ? a : b;
  return Date.parse(a.measuredAt) >= Date.parse(b.measuredAt) ? a : b;
}

export const formatDuration = (s: number): string => (s < 90 ? `${Math.max(1, Math.round(s))} s` : `${Math.round(s / 60)} min`);

export interface TeacherEstimate {
  seconds: number;
  /** What the figure rests on, in words the page shows next to it. */
  basis: string;
}

/** The estimated training time for `epochs` on `backend`, or null when nothing was measured on that backend. */
export function estimateTeacherTime(rate: TeacherRate | null, epochs: number, backend: string, now = new Date()): TeacherEstimate | null {
  if (!rate || rate.backend !== backend || !(epochs >= 1)) return null;
  const seconds = (epochs * rate.msPerEpoch) / 1000;
  const when = describeAge(rate.measuredAt, now);
  const per = formatDuration(rate.msPerEpoch / 1000);
  const basis =
    rate.source === 'training'
      ? `${epochs} × ${per} per epoch, measured ${when} by a ${rate.count}-epoch teacher training on ${backend} in this browser`
      : `${epochs} × ${per} per epoch, from ${rate.count} teacher batches timed ${when} on ${backend} (the test pass each epoch estimated)`;
  return { seconds, basis };
}

function describeAge(iso: string, now: Date): string {
  const min = (now.getTime() - Date.parse(iso)) / 60000;
  if (min < 2) return 'just now';
  if (min < 90) return `${Math.round(min)} min ago`;
  return `on ${iso.slice(0, 10)}`;
}
