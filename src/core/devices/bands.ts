/**
 * Error bands per engine, from held-out residuals r = measured / estimate (validation.ts derives them;
 * validation.test.ts fails when this table differs from what the residuals give):
 *   above = max(floor, max r),  below = max(floor, max 1/r),  floor = 1.15 with ≥ 3 residuals, else 1.5,
 * rounded up to 0.05. Leave-one-model-out predictions count as held-out for the MCX N947 engines.
 * An engine with no held-out measurement gets the assumed ±2.5× band and is marked uncalibrated.
 */
export interface EngineBand {
  /** The measurement is expected within [estimate / below, estimate · above]. */
  below: number;
  above: number;
  status: 'calibrated' | 'assumed';
  /** Number of held-out residuals the band comes from (0 for assumed). */
  residuals: number;
}

export const ASSUMED_BAND_FACTOR = 2.5;

const ASSUMED: EngineBand = { below: ASSUMED_BAND_FACTOR, above: ASSUMED_BAND_FACTOR, status: 'assumed', residuals: 0 };

/** Keyed "targetId/engine". Regenerate with validation.ts' deriveBands() when the catalog changes. */
export const ENGINE_BANDS: Record<string, EngineBand> = {
  'mcxn947/cpu': { below: 1.2, above: 1.2, status: 'calibrated', residuals: 6 },
  'rt1170/cpu': { below: 1.5, above: 1.5, status: 'calibrated', residuals: 1 },
  'rt1060/cpu': { below: 1.5, above: 1.5, status: 'calibrated', residuals: 1 },
  'rt700/npu': { below: 1.25, above: 1.2, status: 'calibrated', residuals: 3 },
  'imx8mp/cpu': { below: 1.25, above: 1.25, status: 'calibrated', residuals: 3 },
  'imx8mp/npu': { below: 1.15, above: 1.35, status: 'calibrated', residuals: 3 },
  'imx93/cpu': { below: 1.6, above: 1.2, status: 'calibrated', residuals: 3 },
  'imx93/npu': { below: 1.5, above: 1.5, status: 'calibrated', residuals: 2 },
  'imx95/cpu': { below: 1.6, above: 1.5, status: 'calibrated', residuals: 1 },
  'mcxn947/npu': { below: 1.75, above: 1.2, status: 'calibrated', residuals: 4 },
};

export function bandFor(targetId: string, engine: 'cpu' | 'npu'): EngineBand {
  return ENGINE_BANDS[`${targetId}/${engine}`] ?? ASSUMED;
}

/** One line for the panel and the assumptions list. */
export function bandNote(b: EngineBand): string {
  if (b.status === 'assumed') return `uncalibrated: no held-out measurement on this engine, band assumed ÷/×${ASSUMED_BAND_FACTOR}`;
  return `from ${b.residuals} held-out measurement${b.residuals === 1 ? '' : 's'}: ÷${b.below.toFixed(2)} / ×${b.above.toFixed(2)}`;
}
