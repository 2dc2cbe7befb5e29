/**
 * Default version names, e.g. "LeNet-5 · pruned 80 % · int8": the parent's name plus what the step did,
 * so a list of versions reads as their history.
 */
export function pruneStep(sparsity: number): string {
  return `pruned ${Math.round(sparsity * 100)} %`;
}

export function quantStep(bits: number, method: 'PTQ' | 'QAT' = 'PTQ'): string {
  return method === 'QAT' ? `int${bits} QAT` : `int${bits}`;
}

/** Appends a step to a base name, collapsing a repeated step ("… · int8 · int8" stays "… · int8"). */
export function defaultVersionName(base: string, step?: string): string {
  const b = base.trim() || 'Model';
  if (!step) return b;
  const parts = b.split(' · ');
  return parts[parts.length - 1] === step ? b : `${b} · ${step}`;
}

/** A name not yet on the shelf: "X", then "X (2)", "X (3)", … */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(name)) return name;
  for (let i = 2; ; i++) if (!set.has(`${name} (${i})`)) return `${name} (${i})`;
}
