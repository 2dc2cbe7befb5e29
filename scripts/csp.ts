/**
 * The built site's Content-Security-Policy, as a <meta> tag added to index.html at build time only
 * (Vite's dev server injects inline scripts for hot reload). Everything comes from the app's own
 * origin: scripts, workers and wasm ('wasm-unsafe-eval' compiles tfjs' and LiteRT's WebAssembly),
 * data, styles (inline style attributes from React, recharts and KaTeX need 'unsafe-inline'), images
 * (data:/blob: for canvases and downloads) and fonts (KaTeX's). No plugins, no <base>, no forms.
 * frame-ancestors and nosniff cannot be set from a meta tag: the README lists the headers for a host.
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
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}
