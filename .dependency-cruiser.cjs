/**
 * Import cycles anywhere in src/, type-only imports included (tsPreCompilationDeps), are errors.
 * A lab's lab.ts lazily imports its page and the page imports lab.ts back for the lab's identity:
 * that loop goes through a dynamic import() (a code-split point, not a load-order cycle) and is allowed.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile and layers meaningless.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
  },
};
