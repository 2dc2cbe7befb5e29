/**
 * The built site's Content-Security-Policy, as a <meta> tag added to index.html at build time only
 * (Vite's dev server injects inline scripts for hot reload). Everything comes from the app's own
 * origin: scripts, workers and wasm ('wasm-unsafe-eval' compiles tfjs' and LiteRT's WebAssembly),
 * data, styles (inline style attributes from React, recharts and KaTeX need 'unsafe-inline'), images
 * (data:/blob: for canvases and downloads) and fonts (KaTeX's). No plugins, no <base>, no forms.
 * frame-ancestors and nosniff cannot be set from a meta tag: the README lists the headers for a host.
 *
 * Only the app's page (index.html) gets it, not the benchmark pages (scripts/bench/*.html), which
 * runs tfjs' threaded wasm on its own main thread: each wasm pthread is a blob: worker that
 * importScripts() a blob: copy of the wasm factory, and script-src 'self' refuses that, so the thread
 * pool never started and the bench's roofline and 1-vs-2-threads runs hung. The app is not affected:
 * tfjs runs in the engine worker, a same-origin script whose policy comes from its own response
 * headers, not from this page's meta tag (a host that sends a script-src header must allow blob:).
 */
import type { Plugin } from 'vite';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'tinyml-csp',
    apply: 'build',
    transformIndexHtml: (_html, ctx) => (ctx.path.startsWith('/scripts/bench/') ? [] : [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }]),
  };
}
