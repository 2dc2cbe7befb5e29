/**
 * Multi-threaded training needs a cross-origin-isolated page (COOP/COEP headers). `vite dev` and
 * `vite preview` send them (vite.config.ts); on a static host that cannot, this registers
 * public/coi-sw.js, which adds them, and reloads once so the page comes back isolated. Production
 * builds only; nothing happens when the page is already isolated or service workers are unavailable.
 * Without isolation the engine still runs, on one thread, and the diagnostics bar says why.
 */
const RELOADED = 'tinyml-lab:coi-reloaded';

export function registerIsolationWorker(): void {
  if (!import.meta.env.PROD || window.crossOriginIsolated || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(new URL('coi-sw.js', document.baseURI))
    .then(async () => {
      await navigator.serviceWorker.ready;
      // One reload, once per tab: if the host strips the worker's headers too, stay on one thread.
      if (!window.crossOriginIsolated && !sessionStorage.getItem(RELOADED)) {
        sessionStorage.setItem(RELOADED, '1');
        window.location.reload();
      }
    })
    .catch(() => {
      // Not fatal: the engine runs single-threaded.
    });
}
