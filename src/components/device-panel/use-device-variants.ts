/**
 * How a lab page shows its model variants in the device panel:
 *
 *   useDeviceVariants([
 *     { label: 'baseline fp32', spec, deployment: { dtype: 'fp32' } },
 *     { label: 'int8', spec, deployment: { dtype: 'int8' } },
 *   ]);
 *
 * Pass a new array whenever something changes (a slider moves): the hook compares by content, so
 * re-rendering with equal variants costs nothing, and it clears the panel when the page unmounts.
 * Labels should be unique: each names the region that holds that variant's numbers.
 */
import { useEffect, useId, useMemo } from 'react';
import type { ModelVariant } from '../../core/devices';
import { useDevice } from '../../store/device';

let nextOwner = 1;
const owners = new Map<string, number>();

function ownerFor(id: string): number {
  let o = owners.get(id);
  if (o === undefined) {
    o = nextOwner++;
    owners.set(id, o);
  }
  return o;
}

export function useDeviceVariants(variants: ModelVariant[]): void {
  const id = useId();
  const key = JSON.stringify(variants);
  // Keep the last array with this content so the store only changes when the content does
  // (`key` stands for `variants` in the dependency list on purpose).
  const stable = useMemo(() => variants, [key]);
  useEffect(() => {
    const owner = ownerFor(id);
    useDevice.getState().setVariants(owner, stable);
  }, [id, stable]);
  useEffect(() => {
    const owner = ownerFor(id);
    return () => useDevice.getState().clearVariants(owner);
  }, [id]);
}
