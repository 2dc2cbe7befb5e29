/** The device slice: target validation and per-page ownership of the variants. */
import { describe, expect, it } from 'vitest';
import { LENET5 } from '../core/model/zoo/mnist';
import { decode } from './settings-schema';
import { deviceSettings, useDevice } from './device';

describe('device store', () => {
  it('the target is a setting: defaults to the MCX N947, a link sets it, an unknown id is rejected', () => {
    expect(decode(deviceSettings, {}).values.target).toBe('mcxn947');
    expect(decode(deviceSettings, { target: 'rt1170' }).values.target).toBe('rt1170');
    const bad = decode(deviceSettings, { target: 'esp32' });
    expect(bad.values.target).toBe('mcxn947');
    expect(bad.rejected.map((r) => r.key)).toEqual(['target']);
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
