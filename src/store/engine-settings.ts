/**
 * Settings shared by the whole app rather than one lab: which tfjs backend the worker uses.
 * The shell boots the engine with it; the Train page shows it as the "Backend" control.
 */
import { defineSettings, enumField } from './settings-schema';

// webgpu: offered always; without an adapter the worker falls back to wasm and says why (store/backend-probe.ts).
export const BACKENDS = ['wasm', 'webgl', 'cpu', 'webgpu'] as const;

export const engineSettings = defineSettings('engine', {
  backend: enumField('Backend', BACKENDS, 'wasm'),
});
