import { describe, expect, it } from 'vitest';
import { presentFlag } from './presenter';

describe('presentFlag', () => {
  it('reads ?present from the hash query first, then the page query', () => {
    expect(presentFlag('', '#/train?present=1')).toBe(true);
    expect(presentFlag('', '#/train?epochs=3&present=0')).toBe(false);
    expect(presentFlag('?present=1', '#/train')).toBe(true);
    expect(presentFlag('?present=1', '#/train?present=0')).toBe(false);
    expect(presentFlag('', '#/train?present=yes')).toBeUndefined();
    expect(presentFlag('', '#/train')).toBeUndefined();
  });
});
