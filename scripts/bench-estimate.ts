/**
 * Times the device estimator: one model, one deployment, all targets (what the panel's compare view
 * and NAS's constraint filter do), many iterations. Prints µs per all-target estimate.
 *   npx tsx scripts/bench-estimate.ts
 * A fresh spec object per iteration defeats the analyzeSpec cache, as a slider drag would.
 */
import { estimateAll, TARGETS } from '../src/core/devices/index.ts';
import { LENET5 } from '../src/core/model/zoo/mnist.ts';
import { MLPERF_TINY } from '../src/core/model/zoo/mlperf.ts';

const ITER = Number(process.env.BENCH_ITER ?? 2000);
const models = [LENET5, ...MLPERF_TINY.map((m) => m.spec)];
const lines: string[] = [];
for (const spec of models) {
  const specs = Array.from({ length: ITER }, () => structuredClone(spec));
  for (let i = 0; i < 200; i++) estimateAll(specs[i % ITER], { dtype: 'int8' }); // warm-up (JIT)
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < ITER; i++) sink += estimateAll(specs[i], { dtype: 'int8', sparsity: { x: i % 2 } })[0].cpu.ms;
  const us = ((performance.now() - t0) * 1000) / ITER;
  lines.push(`estimate ${spec.id.padEnd(12)} ${String(spec.layers.length).padStart(3)} layers × ${TARGETS.length} targets: ${us.toFixed(1)} µs per all-target estimate${sink > 0 ? '' : ' (!)'}`);
}
console.log(lines.join('\n'));
