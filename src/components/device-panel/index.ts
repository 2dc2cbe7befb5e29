/**
 * The device panel, docked on every lab page by the layout. Labs call
 * `useDeviceVariants(variants)` to show their model variants (see use-device-variants.ts).
 */
export { DevicePanel } from './DevicePanel';
export { useDeviceVariants } from './use-device-variants';
export { CompareTargets } from './CompareTargets';
export type { ModelVariant, Deployment } from '../../core/devices';
