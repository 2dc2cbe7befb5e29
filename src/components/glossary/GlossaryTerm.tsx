/**
 * A glossary term in a guide: a button named by the term that shows its definition on hover and on
 * keyboard focus (Escape hides it, WCAG 1.4.13). The definition is always in the DOM and wired as
 * the button's description, so screen readers read it without opening anything.
 */
import { useId, useState, type ReactNode } from 'react';
import { lookupTerm } from '../../core/course/glossary';
import './glossary.css';

export function GlossaryTerm({ term, children }: { term: string; children: ReactNode }) {
  const entry = lookupTerm(term);
  const id = useId();
  const [open, setOpen] = useState(false);
  // An unknown term (a typo in a guide) reads as plain text rather than a broken button; the guide
  // test (src/components/quiz/guides.test.ts) catches it before it ships.
  if (!entry) return <>{children}</>;
  return (
    <span className="glossary" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="glossary-term"
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          // Escape closes an open tip only (preventDefault tells a surrounding drawer to stay open).
          if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      >
        {children}
      </button>
      <span role="tooltip" id={id} className="glossary-tip" hidden={!open}>
        <strong>{entry.term}</strong>: {entry.definition}
        {entry.source && <em className="glossary-source"> ({entry.source})</em>}
      </span>
    </span>
  );
}
