/**
 * The GenAI page's parts (catalog target ids), in its order. Its settings schema loads with the first
 * page, so it takes them from here, not from parts.ts (which reads the device catalog). part-ids.test.ts
 * checks parts.ts matches.
 */
export const GENAI_PART_IDS = ['imx8mp', 'imx93', 'imx95'] as const;
