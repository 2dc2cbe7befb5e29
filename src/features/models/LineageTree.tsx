/** The lineage forest: each version under its parent, the technique that made it on the edge. */
import { lineageRows } from '../../core/shelf/lineage';
import { percent } from '../../components/Output';
import { runningAccuracy } from '../../core/shelf/types';
import type { ShelfEntry, Tombstone } from '../../worker/protocol/shelf';
import { techniqueLabel } from './view-model';

export function LineageTree({ versions, tombstones }: { versions: ShelfEntry[]; tombstones: Tombstone[] }) {
  if (versions.length === 0) return null;
  const byId = new Map(versions.map((v) => [v.id, v]));
  const rows = lineageRows(versions, tombstones);
  return (
    <section className="panel models-lineage" aria-labelledby="models-lineage-h">
      <h2 id="models-lineage-h">Lineage</h2>
      <ul className="lineage-list" aria-label="Lineage tree">
        {rows.map(({ node, depth, parentName }) => {
          const v = byId.get(node.id)!;
          return (
            <li key={node.id} style={{ marginLeft: `${depth * 1.6}rem` }}>
              {parentName !== null && (
                <span className="lineage-edge" aria-label={`${techniqueLabel(v.technique)} from ${parentName}`}>
                  └ {techniqueLabel(v.technique)}
                  {depth === 0 ? ` from ${parentName}` : ''} →
                </span>
              )}
              <span className="lineage-name">{v.name}</span>
              <span className="lineage-acc">{percent(runningAccuracy(v))}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
