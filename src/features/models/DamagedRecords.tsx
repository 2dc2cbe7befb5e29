/** Records that cannot be used, with the reason; each can be deleted (the rest of the shelf is unaffected). */
import type { DamagedRecord } from '../../worker/protocol/shelf';

export function DamagedRecords({ damaged, onDelete, busy }: { damaged: DamagedRecord[]; onDelete(id: string): void; busy: boolean }) {
  if (damaged.length === 0) return null;
  return (
    <section className="panel models-damaged" aria-labelledby="models-damaged-h">
      <h2 id="models-damaged-h">Damaged records</h2>
      <p>These stored records cannot be used and are ignored by every lab.</p>
      <ul>
        {damaged.map((d) => (
          <li key={d.id}>
            <strong>{d.name ?? d.id}</strong>: {d.reason}{' '}
            <button type="button" className="button" disabled={busy} onClick={() => onDelete(d.id)}>
              Delete damaged record
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
