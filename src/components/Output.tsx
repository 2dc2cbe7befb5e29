/**
 * A key number: a visible label over a large value, exposed as an <output> (role status) whose
 * accessible name is the label and whose text holds the number and its unit, e.g. "97.9 %".
 * Tests and screen readers find it with getByRole('status', { name: label }).
 */
import type { ReactNode } from 'react';

export interface OutputProps {
  label: string;
  children: ReactNode;
  /** Smaller text, for secondary numbers in dense rows. */
  size?: 'large' | 'small';
  title?: string;
}

export function Output({ label, children, size = 'large', title }: OutputProps) {
  return (
    <div className={`output output-${size}`} title={title}>
      <span className="output-label" aria-hidden="true">
        {label}
      </span>
      <output aria-label={label} role="status">
        {children}
      </output>
    </div>
  );
}

/** Formats a fraction 0..1 as "97.9 %" (the format the tests and the guides use). */
export function percent(fraction: number | null | undefined, digits = 1): string {
  return fraction == null || !Number.isFinite(fraction) ? '–' : `${(fraction * 100).toFixed(digits)} %`;
}

// One formatter for every call: Number.toLocaleString builds a new Intl.NumberFormat each time
// (~0.1 ms), which in tables re-rendered during jobs added up to 100–300 ms tasks (issue 18).
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** Formats a count with thousands separators: 12,345. */
export function count(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? '–' : COUNT_FORMAT.format(Math.round(n));
}
