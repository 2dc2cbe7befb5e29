/*
 * Cross-origin isolation for static hosts that cannot set response headers (e.g. GitHub Pages).
 * Registered by src/coi-register.ts only in production builds and only when the page is not already
 * isolated. It re-serves every same-origin response with COOP/COEP/CORP added, which makes the page
 * crossOriginIsolated after one reload, so tfjs can use SharedArrayBuffer and its threaded wasm build.
 * Hosts that can set headers should send them instead (docs/deploy-headers.md) and skip this worker.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Chromium throws on these when the request is not same-origin.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).then((response) => {
      if (response.status === 0) return response; // opaque: nothing to add headers to
      const headers = new Headers(response.headers);
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
      headers.set('Cross-Origin-Resource-Policy', 'same-origin');
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  );
});
