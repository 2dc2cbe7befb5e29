/**
 * The docked region where the device panel lives (src/components/device-panel, owned by the
 * device helper). It is shown on lab pages only and loaded lazily: the panel brings the estimator
 * and recharts (~135 kB gzipped), which must not weigh on the first paint of the start page.
 */
import { lazy, Suspense } from 'react';

const DevicePanel = lazy(() => import('../components/device-panel').then((m) => ({ default: m.DevicePanel })));

export function DeviceDock() {
  return (
    <aside className="device-dock" aria-label="Device panel">
      <Suspense fallback={<p className="device-slot">Loading the device panel…</p>}>
        <DevicePanel />
      </Suspense>
    </aside>
  );
}
