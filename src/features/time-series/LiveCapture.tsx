/**
 * Live capture: the device's accelerometer (DeviceMotion; iOS asks for permission first) and the
 * microphone (Web Audio, resampled to 8 kHz). Recorded clips become labelled recordings of the task's
 * dataset. A sensor the browser lacks is not offered; a denied permission says so.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { Clip } from '../../worker/protocol/time-series';
import type { TimeSeriesSettings } from '../../store/time-series';
import { resample } from '../../core/data/timeseries/window';
import { importClips } from './actions';

const G = 9.81;
const CLIP_SECONDS = 3;
const AUDIO_RATE = 8000;

type MotionPermission = { requestPermission?: () => Promise<'granted' | 'denied'> };

function hasMotion(): boolean {
  return typeof window !== 'undefined' && 'DeviceMotionEvent' in window;
}
function hasMic(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof AudioContext !== 'undefined';
}

function recordMotion(seconds: number): Promise<Clip | string> {
  return new Promise((resolve) => {
    const x: number[] = [];
    const y: number[] = [];
    const z: number[] = [];
    const t0 = performance.now();
    const on = (e: DeviceMotionEvent) => {
      const a = e.accelerationIncludingGravity;
      if (a?.x == null) return;
      x.push(a.x / G);
      y.push((a.y ?? 0) / G);
      z.push((a.z ?? 0) / G);
    };
    window.addEventListener('devicemotion', on);
    setTimeout(() => {
      window.removeEventListener('devicemotion', on);
      const secs = (performance.now() - t0) / 1000;
      if (x.length < 10) resolve('No accelerometer readings arrived: this device or browser has no motion sensor.');
      else resolve({ label: '', sampleRate: Math.round(x.length / secs), channelNames: ['x', 'y', 'z'], channels: [Float32Array.from(x), Float32Array.from(y), Float32Array.from(z)] });
    }, seconds * 1000);
  });
}

async function recordAudio(seconds: number): Promise<Clip | string> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (e) {
    const name = (e as DOMException).name;
    return name === 'NotAllowedError' ? 'Microphone permission was denied; allow it in the browser’s site settings to record.' : name === 'NotFoundError' ? 'No microphone found.' : `The microphone could not start (${name}).`;
  }
  const ctx = new AudioContext();
  const src = ctx.createMediaStreamSource(stream);
  // ScriptProcessor is deprecated but universal; a clip is short, so its main-thread cost is small.
  const proc = ctx.createScriptProcessor(4096, 1, 1);
  const chunks: Float32Array[] = [];
  proc.onaudioprocess = (e) => chunks.push(new Float32Array(e.inputBuffer.getChannelData(0)));
  src.connect(proc);
  proc.connect(ctx.destination);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  src.disconnect();
  proc.disconnect();
  stream.getTracks().forEach((t) => t.stop());
  const rate = ctx.sampleRate;
  await ctx.close();
  const all = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) all.set(c, (o += c.length) - c.length);
  return { label: '', sampleRate: AUDIO_RATE, channelNames: ['sound'], channels: [resample(all, rate, AUDIO_RATE, true)] };
}

export const LiveCapture = memo(function LiveCapture({ s, onUse }: { s: TimeSeriesSettings; onUse: (rate: number) => void }) {
  const [motion, setMotion] = useState(false);
  const [mic] = useState(hasMic);
  const [label, setLabel] = useState('idle');
  const [clips, setClips] = useState<Clip[]>([]);
  const [status, setStatus] = useState('');
  const [recording, setRecording] = useState(false);
  const seen = useRef(false);
  // Offer the accelerometer only where motion events really arrive (desktops define the API but never fire it),
  // or where iOS wants a permission first.
  useEffect(() => {
    if (!hasMotion()) return;
    if ((DeviceMotionEvent as unknown as MotionPermission).requestPermission) {
      setMotion(true);
      return;
    }
    const on = (e: DeviceMotionEvent) => {
      if (e.accelerationIncludingGravity?.x != null && !seen.current) {
        seen.current = true;
        setMotion(true);
      }
    };
    window.addEventListener('devicemotion', on);
    return () => window.removeEventListener('devicemotion', on);
  }, []);
  if (!motion && !mic) return null;
  const record = async (kind: 'motion' | 'mic') => {
    setRecording(true);
    setStatus(`Recording ${CLIP_SECONDS} s…`);
    try {
      if (kind === 'motion') {
        const ask = (DeviceMotionEvent as unknown as MotionPermission).requestPermission;
        if (ask && (await ask()) !== 'granted') {
          setStatus('Motion sensor permission was denied.');
          return;
        }
      }
      const clip = kind === 'motion' ? await recordMotion(CLIP_SECONDS) : await recordAudio(CLIP_SECONDS);
      if (typeof clip === 'string') setStatus(clip);
      else {
        const mixed = clips.length > 0 && clips[0].channelNames.length !== clip.channelNames.length;
        const next = mixed ? [{ ...clip, label }] : [...clips, { ...clip, label }];
        setClips(next);
        setStatus(`${mixed ? 'Started a new set (different sensor). ' : ''}Recorded "${label}" at ${clip.sampleRate} Hz (${next.length} clips).`);
      }
    } finally {
      setRecording(false);
    }
  };
  return (
    <section className="ts-live panel" aria-labelledby="ts-live-h">
      <h2 id="ts-live-h">Record from this device</h2>
      <div className="ts-live-row">
        <div className="field">
          <label htmlFor="ts-clip-label">Clip label</label>
          <input id="ts-clip-label" value={label} onChange={(e) => setLabel(e.target.value.slice(0, 40) || 'clip')} />
        </div>
        {motion && <button type="button" className="button" disabled={recording} onClick={() => void record('motion')}>Record accelerometer clip</button>}
        {mic && <button type="button" className="button" disabled={recording} onClick={() => void record('mic')}>Record microphone clip</button>}
        <button
          type="button"
          className="button"
          disabled={recording || clips.length === 0}
          onClick={async () => {
            const err = await importClips(s, clips);
            setStatus(err ?? `Using ${clips.length} clips as the dataset.`);
            if (!err) onUse(clips[0].sampleRate);
          }}
        >
          Use clips as dataset
        </button>
      </div>
      <p role="status" aria-label="Recording status">{status}</p>
    </section>
  );
});
