/**
 * e2e tests drive the production build (vite preview) in headless Chromium.
 * - Browser: /usr/bin/chromium (Debian's package); set CHROMIUM_PATH to use another Chromium/Chrome.
 * - PW_PORT / PW_DIST: serve another build on another port (helpers use their own so runs don't clash).
 * - Every spec imports `test` and `expect` from ./e2e/fixtures, which fails a test on any console
 *   error or uncaught page error.
 * Timeouts are generous: training runs on wasm/SwiftShader on a shared 2-core machine.
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PW_PORT ?? 4173);
const dist = process.env.PW_DIST ?? 'dist';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // On CI one retry: a test that fails and then passes is listed as "flaky" by name in the summary
  // (and its first try's trace kept), instead of failing the whole run on a loaded machine's hiccup —
  // e.g. a click whose actionability check got no animation frame for 30 s. Locally none.
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}/`,
    viewport: { width: 1280, height: 720 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure-and-retries',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${dist}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
