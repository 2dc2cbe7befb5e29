/**
 * Deep Compression on LeNet-5 (issue 19): prune 90 % (global magnitude) + 1 retraining epoch, cluster
 * every kernel to 16 centroids (linear init) + 1 centroid fine-tuning epoch, int8 codebooks; size vs
 * fp32 dense, packed and gzip.
 *   npx tsx scripts/measure-clustering.ts [--seed 1] [--prune 90] [--clusters 16] [--epochs 1]
 */
import { deepCompression } from '../src/core/techniques/clustering/pipeline';
import { arg, lenetBaseline, pct, setup } from './measure-techniques-common';

const SEED = arg('seed', 1);
const { train, test } = await setup();
const { model } = await lenetBaseline(train, test, SEED);
for (const init of ['linear', 'density', 'random'] as const) {
  if (init !== 'linear' && !process.argv.includes('--inits')) continue;
  const m = (await lenetBaseline(train, test, SEED)).model;
  const r = await deepCompression({
    model: m, layers: ['conv1', 'conv2', 'fc1', 'fc2', 'logits'], prune: arg('prune', 90) / 100, clusters: arg('clusters', 16), init, int8: true,
    training: { epochs: arg('epochs', 1), batchSize: 64, learningRate: 0.001, optimizer: 'adam', seed: SEED }, train, test,
  });
  const s = r.size;
  console.log(
    `seed ${SEED} ${init}: float ${pct(r.accuracyBefore)} → pruned+retrained ${pct(r.accuracyPruned ?? NaN)} → k-means ${pct(r.accuracyClustered)} ` +
      `→ centroid FT + int8 ${pct(r.accuracyFinal)} (${(100 * (r.accuracyFinal - r.accuracyBefore)).toFixed(2)} pp); ` +
      `fp32 dense ${s.fp32Dense} B, packed ${s.packed} B (${(s.fp32Dense / s.packed).toFixed(1)}x), gzip ${s.gzip} B (${(s.fp32Dense / s.gzip).toFixed(1)}x); ` +
      `distinct non-zero values per layer ${r.layers.map((l) => `${l.layer}:${l.distinct}`).join(' ')}`,
  );
  m.dispose();
}
model.dispose();
