/**
 * Settings shared by the whole app rather than one lab: which tfjs backend the worker uses.
 * The shell boots the engine with it; the Train page shows it as the "Backend" control.
 */
import { defineSettings, enumField } from './settings-schema';

export const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;

export const engineSettings = defineSettings('engine', {
  backend: enumField('Backend', BACKENDS, 'wasm'),
});
