/** Class colours (Okabe–Ito, distinguishable with colour-vision deficiencies) and number formats. */
export const CLASS_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#7a6f00', '#000000'];
export const classColor = (i: number) => CLASS_COLORS[i % CLASS_COLORS.length];
export const fixed = (v: number | null | undefined, d = 3) => (v == null || !Number.isFinite(v) ? '–' : v.toFixed(d));
