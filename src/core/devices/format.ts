/** Number formatting shared by the panel, the Devices page and the CLI (units always in the text). */

/** 1,536 → "1.5 KB"; binary units, as datasheets give memory sizes. */
export function formatBytes(b: number): string {
  if (!Number.isFinite(b)) return '—';
  const a = Math.abs(b);
  if (a < 1024) return `${Math.round(b)} B`;
  if (a < 1024 * 1024) return `${(b / 1024).toFixed(a < 10 * 1024 ? 2 : 1)} KB`;
  if (a < 1024 ** 3) return `${(b / 1024 ** 2).toFixed(a < 10 * 1024 ** 2 ? 2 : 1)} MB`;
  return `${(b / 1024 ** 3).toFixed(1)} GB`;
}

/** Milliseconds with three significant digits: "0.812 ms", "62.1 ms", "1,234 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${ms.toPrecision(3)} ms`;
}

/** 2_656_000 → "2.66 M", 22_604 → "22.6 K", 780 → "780". */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toPrecision(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toPrecision(3)} K`;
  return String(n);
}
