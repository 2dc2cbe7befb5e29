/** The wasm thread default, in a module of its own so the page can show it without loading tfjs. */

/**
 * The default thread count: tfjs's own choice, half the logical cores (two hyperthreads per core),
 * 1 to 8. More is not always faster: measured on a 2-core machine shared with other jobs (bench,
 * load average ≈ 25), 2 threads trained LeNet-5 at 0.55x the speed of 1 — every parallel region waits
 * for its slowest thread, and on a busy machine one of them is often descheduled. `threads` in
 * BackendOptions asks for more explicitly (the bench's 1-vs-2 comparison does).
 */
export function wasmThreadCount(hardwareConcurrency = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(8, Math.floor((hardwareConcurrency || 1) / 2)));
}
