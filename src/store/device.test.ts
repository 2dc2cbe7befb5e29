/** The device slice: target validation and per-page ownership of the variants. */
import { describe, expect, it } from 'vitest';
import { LENET5 } from '../core/model/zoo/mnist';
import { useDevice } from './device';

describe('device store', () => {
  it('defaults to the MCX N947 and rejects unknown target ids', () => {
    expect(useDevice.getState().targetId).toBe('mcxn947');
    useDevice.getState().setTarget('rt1170');
    expect(useDevice.getState().targetId).toBe('rt1170');
    useDevice.getState().setTarget('esp32');
    expect(useDevice.getState().targetId).toBe('mcxn947');
  });

  it('a page only clears the variants it set', () => {
    const v = [{ label: 'int8', spec: LENET5, deployment: { dtype: 'int8' as const } }];
    useDevice.getState().setVariants(1, v);
    useDevice.getState().setVariants(2, v); // the next page mounted before the old one unmounted
    useDevice.getState().clearVariants(1);
    expect(useDevice.getState().variants).toBe(v);
    useDevice.getState().clearVariants(2);
    expect(useDevice.getState().variants).toBeNull();
  });
});
