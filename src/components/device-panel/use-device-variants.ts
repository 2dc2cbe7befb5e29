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
  // A new array only when the content changes, so the store (and every estimate) changes only then.
  // Variants are plain JSON data (spec, deployment, label), so the key itself rebuilds them.
  const stable = useMemo(() => JSON.parse(key) as ModelVariant[], [key]);
  useEffect(() => {
    const owner = ownerFor(id);
    useDevice.getState().setVariants(owner, stable);
  }, [id, stable]);
  useEffect(() => {
    const owner = ownerFor(id);
    return () => useDevice.getState().clearVariants(owner);
  }, [id]);
}
