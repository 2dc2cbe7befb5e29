import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACE } from '../core/techniques/nas/space';
import { defaults, decode } from './settings-schema';
import { nasSettings, spaceFromSettings } from './nas';

describe('NAS settings', () => {
  it('defaults describe the default search space', () => {
    expect(spaceFromSettings(defaults(nasSettings))).toEqual(DEFAULT_SPACE);
  });
  it('space choices from a link are canonicalised, and bad ones fall back to the default with a notice', () => {
    const { values, rejected } = decode(nasSettings, { nasWidths: '16,4', nasKinds: 'dsconv', nasKernels: '7', nasBlocks: '' });
    expect(values.nasWidths).toBe('4,16');
    expect(spaceFromSettings(values).kinds).toEqual(['dsconv']);
    expect(values.nasKernels).toBe('3,5');
    expect(rejected.map((r) => r.label).sort()).toEqual(['Blocks', 'Kernel']);
  });
  it('rejects an unknown target', () => {
    const { values, rejected } = decode(nasSettings, { nasTarget: 'esp32' });
    expect(values.nasTarget).toBe('mcxn947');
    expect(rejected[0].label).toBe('Target');
  });
});
