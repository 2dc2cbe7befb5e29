// Lint: typescript-eslint's recommended rules, the React hooks rules, and the layer rules of
// shared/design.md as import restrictions: app → features → components → store → worker client +
// protocol → core. Import cycles (type-only ones included) are dependency-cruiser's job
// (.dependency-cruiser.cjs); `npm run lint` runs both and fails on any warning.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import into one of these top-level src folders, e.g. '../../store/x' (a folder: a slash follows). */
const layer = (...names) => ({ regex: `(^|/)(${names.join('|')})/`, message: 'breaks the layer rules (shared/design.md): ' + names.join(', ') });
/** The worker's implementation files: pages reach the worker only through client.ts and protocol/. */
const workerImpl = { regex: '(^|/)worker/(?!client$|protocol(/|$))', message: 'pages reach the worker only through worker/client and worker/protocol' };
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'public/', 'src/core/export/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // core: pure TypeScript + tfjs — no React, no DOM state, no upper layer, no Node-only helpers.
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: restrict(layer('app', 'features', 'components', 'store', 'worker', 'node'), { regex: '^(react|react-dom|react-router|zustand)(/|$)', message: 'core never imports React or UI state' }),
  },
  { files: ['src/core/**/*.test.ts'], rules: restrict(layer('app', 'features', 'components', 'store', 'worker')) },
  // The protocol is types only (slots.ts holds the slot name constants).
  {
    files: ['src/worker/protocol/**/*.ts'],
    ignores: ['src/worker/protocol/slots.ts', 'src/worker/protocol/index.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '.*', allowTypeImports: true, message: 'the protocol is types only: use import type' }] }] },
  },
  { files: ['src/worker/**/*.ts'], ignores: ['src/worker/**/*.test.ts'], rules: restrict(layer('app', 'features', 'components', 'store', 'node')) },
  { files: ['src/store/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: restrict(layer('app', 'features', 'components', 'node'), workerImpl) },
  { files: ['src/components/**/*.{ts,tsx}'], ignores: ['src/**/*.test.{ts,tsx}'], rules: restrict(layer('app', 'features', 'node'), workerImpl) },
  // features: never another lab's folder (shared pieces move down to components or core).
  {
    files: ['src/features/*/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: restrict(layer('app', 'features', 'node'), workerImpl, { regex: '^\\.\\./(?!\\.\\.)', message: 'a lab never imports another lab (move shared code to components or core)' }),
  },
  { files: ['src/app/**/*.{ts,tsx}'], rules: restrict(layer('node'), workerImpl) },
);
