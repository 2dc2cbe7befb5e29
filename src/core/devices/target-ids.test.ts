import { describe, expect, it } from 'vitest';
import { TARGETS } from './catalog';
import { DEFAULT_TARGET_ID, TARGET_IDS } from './target-ids';

describe('target ids', () => {
  it('are the catalog targets, in its order, and the default is one of them', () => {
    expect(TARGET_IDS).toEqual(TARGETS.map((t) => t.id));
    expect(TARGET_IDS).toContain(DEFAULT_TARGET_ID);
  });
});
