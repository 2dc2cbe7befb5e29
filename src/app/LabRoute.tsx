/**
 * Renders the lab named by the route (#/<id>) from the lab list, lazily: its title and summary, its
 * page, then its guide. Unknown ids get NotFound.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useLocation, useParams } from 'react-router';
import { Guide } from '../components/Guide';
import type { Fields, SettingsSchema } from '../store/settings-schema';
import { useLabSettings } from '../store/use-lab-settings';
import { engineSettings } from '../store/engine-settings';
import { findLab } from './labs';
import { NotFound } from './NotFound';

// Lazy: the challenge evaluator (and the device catalog it reads) is not needed on the start page.
const ChallengePanel = lazy(() => import('../components/challenges/ChallengePanel').then((m) => ({ default: m.ChallengePanel })));

export function LabRoute() {
  const { labId = '' } = useParams();
  const lab = findLab(labId);
  useEffect(() => {
    document.title = lab ? `${lab.title} · TinyML Lab` : 'Not found · TinyML Lab';
  }, [lab]);
  useUnknownLinkKeys(lab !== undefined);
  if (!lab) return <NotFound />;
  const Page = lab.page;
  return (
    <article className="lab" aria-labelledby="lab-title">
      <h1 id="lab-title">{lab.title}</h1>
      <p className="lab-summary">{lab.summary}</p>
      {lab.settings && <LinkSettings key={lab.id} schema={lab.settings} />}
      {lab.runsOnEngine && <LinkSettings key={`${lab.id}:engine`} schema={engineSettings} />}
      {/* A challenge link's scorecard, above the page so it is in view when the link opens. */}
      <Suspense fallback={null}>
        <ChallengePanel lab={lab.id} />
      </Suspense>
      <Suspense fallback={<p role="status">Loading the {lab.title} lab…</p>}>
        <Page />
      </Suspense>
      <Guide load={lab.guide} />
    </article>
  );
}

/** Reads (and validates) the lab's settings from the link on every visit, whatever the page shows. */
function LinkSettings({ schema }: { schema: SettingsSchema<Fields> }) {
  useLabSettings(schema);
  return null;
}

/**
 * Keys of the link that no schema or reader of the app knows get one notice and are dropped from the
 * link (store/settings-link-keys.ts, loaded lazily); again on every new location (a pasted link).
 */
function useUnknownLinkKeys(onLab: boolean) {
  // The location object changes on every navigation, a pasted link included (its key does not).
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (!onLab) return;
    const pasted = !first.current;
    first.current = false;
    let live = true;
    void import('../store/settings-link-keys').then((m) => live && m.checkLinkKeys(pasted));
    return () => {
      live = false;
    };
  }, [onLab, location]);
}
