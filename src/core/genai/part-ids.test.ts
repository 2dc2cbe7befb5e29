import { describe, expect, it } from 'vitest';
import { GENAI_PARTS } from './parts';
import { GENAI_PART_IDS } from './part-ids';

describe('GenAI part ids', () => {
  it('are the parts of parts.ts, in its order', () => {
    expect(GENAI_PART_IDS).toEqual(GENAI_PARTS.map((p) => p.id));
  });
});
