/**
 * Settings shared by the whole app rather than one lab: which tfjs backend the worker uses and how
 * many wasm threads. The shell boots the engine with them; the Train page shows them as the "Backend"
 * and "Threads" controls. A thread count takes effect when a worker starts (the next page load).
 */
import { defineSettings, enumField } from './settings-schema';

// webgpu: offered always; without an adapter the worker falls back to wasm and says why (store/backend-probe.ts).
export const BACKENDS = ['wasm', 'webgl', 'cpu', 'webgpu'] as const;

/** 'auto': one per physical core (core/train/threads.ts), as tfjs would choose. */
export const THREADS = ['auto', '1', '2', '4', '8'] as const;
export type ThreadsSetting = (typeof THREADS)[number];

export const engineSettings = defineSettings('engine', {
  backend: enumField('Backend', BACKENDS, 'wasm'),
  threads: enumField('Threads', THREADS, 'auto'),
});

/** The count the worker is asked for; undefined leaves it to the worker (auto). */
export function threadsOf(setting: ThreadsSetting): number | undefined {
  return setting === 'auto' ? undefined : Number(setting);
}
