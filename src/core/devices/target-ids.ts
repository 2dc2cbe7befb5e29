/**
 * The catalog's target ids, in its order, and the default target: all the settings schemas need.
 * They load with the first page, so they take the ids from here, not from catalog.ts (its figures
 * and NPU models would join the start page's JS). target-ids.test.ts checks the catalog matches.
 */
export const TARGET_IDS = ['mcxn947', 'mcxn236', 'rt1060', 'rt1170', 'rt700', 'imx8mp', 'imx93', 'imx95'] as const;

export const DEFAULT_TARGET_ID = 'mcxn947';
