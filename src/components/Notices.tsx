/** The notice area under the header: bad settings, resets, backend fallbacks, engine errors. */
import { useLocation } from 'react-router';
import { useNotices } from '../store/notices';

export function Notices() {
  const all = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  const { pathname } = useLocation();
  // A notice about one page's link (route set) is not shown on the other pages.
  const notices = all.filter((n) => n.route === undefined || n.route === pathname);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'info' ? 'status' : 'alert'}>
          <span>{n.text}</span>
          <button type="button" className="notice-dismiss" onClick={() => dismiss(n.id)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
