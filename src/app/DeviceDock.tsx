/**
 * The docked region where the device panel lives (src/components/device-panel, owned by the
 * device helper). It is shown on lab pages only and loaded lazily: the panel brings the estimator
 * and recharts (~135 kB gzipped), which must not weigh on the first paint of the start page.
 *
 * Where it docks depends on the width: from 1200 px it sits beside the page (Layout); below that the
 * page is one column, and the panel goes right after the lab's controls, above the guide (LabRoute),
 * so a student at 800 px sees what the model costs without scrolling past the whole guide.
 */
import { lazy, Suspense, useSyncExternalStore } from 'react';

const DevicePanel = lazy(() => import('../components/device-panel').then((m) => ({ default: m.DevicePanel })));

/** The same breakpoint as `.workspace`'s two columns in styles.css. */
const WIDE = '(min-width: 1200px)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(WIDE);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** True when the device panel docks beside the page, false when it goes above the guide. */
export function useDockBeside(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(WIDE).matches, () => true);
}

export function DeviceDock() {
  return (
    <aside className="device-dock" aria-label="Device panel">
      <Suspense fallback={<p className="device-slot">Loading the device panel…</p>}>
        <DevicePanel />
      </Suspense>
    </aside>
  );
}
