/**
 * The catalog's fitted figures are what the fit gives: each calibration is refitted from a start
 * far from the catalog (the prior, with every free constant doubled) and must land within 3 % of
 * the catalog value. A catalog edit that is not re-derived from its points fails here.
 */
import { describe, expect, it } from 'vitest';
import { CALIBRATIONS } from './calibrations';
import { getTarget } from './catalog';
import { fit, loss } from './fit';

describe('fitted catalog figures', () => {
  for (const c of CALIBRATIONS) {
    it(`${c.targetId} ${c.engine}: refitting ${c.params.map((p) => p.name).join(', ')} on ${c.points.length} point(s) reproduces the catalog`, () => {
      expect(c.points.length).toBeGreaterThan(0);
      const start = c.params.reduce((t, p) => p.set(t, Math.min(p.max, p.get(t) * 2)), c.prior());
      const r = fit(c.points, start, c.params);
      const catalog = getTarget(c.targetId);
      for (const p of c.params) expect(Math.abs(r.values[p.name] / p.get(catalog) - 1), p.name).toBeLessThan(0.03);
      // The catalog sits at (or next to) the optimum: its loss is no worse than the fit's by much.
      expect(loss(c.points, catalog)).toBeLessThan(loss(c.points, r.target) + 0.01);
    });
  }

  it('the fit moves parameters: a bad start is improved, not returned', () => {
    const c = CALIBRATIONS[0];
    const bad = c.params.reduce((t, p) => p.set(t, p.get(t) / 3), c.prior());
    const r = fit(c.points, bad, c.params);
    expect(loss(c.points, r.target)).toBeLessThan(loss(c.points, bad) / 10);
  });
});
