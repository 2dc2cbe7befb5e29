/**
 * Lineage: each version names its parent. The shelf is a forest; a parent may have been deleted
 * (its tombstone keeps the name so the child still shows where it came from). These checks run on
 * every listing and import, so a cycle or a dangling parent is reported, never followed forever.
 */
export interface LineageNode {
  id: string;
  name: string;
  parentId: string | null;
  technique?: string;
}

export interface Tombstone {
  id: string;
  name: string;
  deletedAt: string;
}

export interface LineageProblem {
  id: string;
  reason: string;
}

/** Versions whose parent is neither on the shelf nor marked deleted, and versions in a cycle. */
export function lineageProblems(nodes: LineageNode[], tombstones: Tombstone[] = []): LineageProblem[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const deleted = new Set(tombstones.map((t) => t.id));
  const problems: LineageProblem[] = [];
  for (const n of nodes) {
    if (n.parentId === null) continue;
    if (n.parentId === n.id) problems.push({ id: n.id, reason: 'it is its own parent' });
    else if (!byId.has(n.parentId) && !deleted.has(n.parentId)) problems.push({ id: n.id, reason: `its parent (${n.parentId}) is missing` });
  }
  // Cycle detection: walk up from each node; a node seen twice on one walk is in (or leads into) a cycle.
  const state = new Map<string, 'done' | 'cycle'>();
  for (const n of nodes) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: LineageNode | undefined = n;
    let verdict: 'done' | 'cycle' = 'done';
    while (cur) {
      const known = state.get(cur.id);
      if (known) {
        verdict = known;
        break;
      }
      if (onPath.has(cur.id)) {
        verdict = 'cycle';
        break;
      }
      onPath.add(cur.id);
      path.push(cur.id);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
    for (const id of path) state.set(id, verdict);
  }
  for (const n of nodes) {
    if (state.get(n.id) === 'cycle' && !problems.some((p) => p.id === n.id)) problems.push({ id: n.id, reason: 'its lineage forms a cycle' });
  }
  return problems;
}

export interface TreeRow {
  node: LineageNode;
  depth: number;
  /** The parent's name, "… (deleted)" for a tombstone, null for a root. */
  parentName: string | null;
}

/** Depth-first rows of the lineage forest (roots by the given order, children in order), for a tree view. */
export function lineageRows(nodes: LineageNode[], tombstones: Tombstone[] = []): TreeRow[] {
  const ids = new Set(nodes.map((n) => n.id));
  const dead = new Map(tombstones.map((t) => [t.id, t.name]));
  const children = new Map<string, LineageNode[]>();
  const roots: LineageNode[] = [];
  for (const n of nodes) {
    if (n.parentId !== null && ids.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    } else roots.push(n);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (n: LineageNode, depth: number) => {
    if (seen.has(n.id)) return; // cycles: each node once
    seen.add(n.id);
    const parentName = n.parentId === null ? null : (byId.get(n.parentId)?.name ?? (dead.has(n.parentId) ? `${dead.get(n.parentId)} (deleted)` : 'missing'));
    rows.push({ node: n, depth, parentName });
    for (const c of children.get(n.id) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  for (const n of nodes) visit(n, 0); // nodes only reachable through a cycle
  return rows;
}

/** Tombstones no version points at any more (safe to forget). */
export function unusedTombstones(nodes: LineageNode[], tombstones: Tombstone[]): Tombstone[] {
  const used = new Set(nodes.map((n) => n.parentId));
  return tombstones.filter((t) => !used.has(t.id));
}
