/** The baseline a lab trains "here" is the one the Train page would train, unless a link says otherwise. */
import { describe, expect, it, vi } from 'vitest';
import { decode } from './settings-schema';

vi.mock('../worker/client', () => ({ getEngine: () => ({}), proxy: (x: unknown) => x, onEngineCrash: () => () => undefined }));

const { baselineRecipeSettings } = await import('./baseline-here');
const { trainSettings } = await import('./train-settings');

describe('baseline recipe', () => {
  it('defaults to the Train page’s model, epochs and seed', () => {
    const d = decode(baselineRecipeSettings, {}, {}).values;
    const t = decode(trainSettings, {}, {}).values;
    expect(d).toEqual({ blModel: t.model, blEpochs: t.epochs, blSeed: t.seed });
  });

  it('reads a recipe from a link and rejects a model outside the baseline choices', () => {
    const ok = decode(baselineRecipeSettings, { blModel: 'lenet5', blEpochs: '1', blSeed: '7' }, {});
    expect(ok.values).toEqual({ blModel: 'lenet5', blEpochs: 1, blSeed: 7 });
    expect(ok.rejected).toEqual([]);
    const bad = decode(baselineRecipeSettings, { blModel: 'teacher' }, {});
    expect(bad.values.blModel).toBe('mlp');
    expect(bad.rejected.map((r) => r.key)).toEqual(['blModel']);
  });
});
