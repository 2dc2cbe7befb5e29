#!/usr/bin/env bash
# Proves the Deploy lab's files with the real TensorFlow Lite Micro on the host (x86 g++, reference
# kernels). Not part of `npm test`: it needs tflite-micro and its third-party headers, which CI
# cannot download. Steps:
#   1. builds TFLM's library (scripts/tflm-lib.sh; only the kernels our exporter writes),
#   2. exports MLP, LeNet-5 and DS-CNN with the page's export core (scripts/tflm-export.ts),
#   3. per model: compiles the generated main.cc + model_data.cc as they are and runs them, then
#      compiles scripts/tflm-runner.cc (which #includes that main.cc) and runs every test vector
#      through TFLM, comparing its int8 outputs with the app's integer engine.
#
#   TFLM_DIR=~/tflite-micro FLATBUFFERS_DIR=~/flatbuffers-25.9.23 GEMMLOWP_DIR=~/gemmlowp RUY_DIR=~/ruy \
#     scripts/tflm-check.sh
# Optional: BUILD_DIR (default /tmp/tflm-build), EXPORT_DIR (default $BUILD_DIR/export; reused when
# SKIP_EXPORT=1), MODELS (default mlp,lenet5,dscnn), JOBS (default 2). See labs/deploy.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
export BUILD_DIR=${BUILD_DIR:-/tmp/tflm-build}
EXPORT_DIR=${EXPORT_DIR:-$BUILD_DIR/export}
MODELS=${MODELS:-mlp,lenet5,dscnn}

# The kernels behind every operator src/core/export writes (and their shared helpers).
export KERNELS="activations activations_common add add_common conv conv_common depthwise_conv depthwise_conv_common \
dequantize dequantize_common fully_connected fully_connected_common kernel_util micro_tensor_utils pooling pooling_common \
quantize quantize_common reduce reduce_common reshape reshape_common softmax softmax_common"
"$HERE/tflm-lib.sh"
FLAGS=$(cat "$BUILD_DIR/flags.txt")

if [ -z "${SKIP_EXPORT:-}" ]; then
  (cd "$REPO" && npx tsx scripts/tflm-export.ts "$EXPORT_DIR" --models "$MODELS")
fi

for id in ${MODELS//,/ }; do
  dir="$EXPORT_DIR/$id"
  echo "== $id: $(node -e "const s=require('$dir/summary.json');console.log(s.model+', '+s.tfliteBytes+' B .tflite, '+s.testVectors+' vectors')")"
  # The starter exactly as downloaded (its own main()).
  (cd "$TFLM_DIR" && g++ -std=c++17 $FLAGS -I"$dir" "$dir/main.cc" "$dir/model_data.cc" "$BUILD_DIR/libtflm.a" -lm -o "$BUILD_DIR/$id-main")
  "$BUILD_DIR/$id-main"
  # Every test vector through the starter's resolver and arena.
  (cd "$TFLM_DIR" && g++ -std=c++17 $FLAGS -DTINYML_LAB_HOST_RUNNER -I"$dir" "$HERE/tflm-runner.cc" "$dir/model_data.cc" \
    "$BUILD_DIR/libtflm.a" -lm -o "$BUILD_DIR/$id-runner")
  "$BUILD_DIR/$id-runner" "$dir/test_vectors.bin" | tee "$dir/tflm-result.json"
done

node -e '
const dir = process.argv[1];
const pct = (v) => (100 * v).toFixed(2) + " %";
console.log("\nmodel                 equal     ≤1 LSB    max  argmax    TFLM acc  app acc   arena used / estimate / declared");
for (const id of process.argv[2].split(",")) {
  const s = require(`${dir}/${id}/summary.json`), r = require(`${dir}/${id}/tflm-result.json`);
  console.log(`${s.model.padEnd(21)} ${pct(r.equal).padStart(8)}  ${pct(r.withinOne).padStart(8)}  ${String(r.maxDiff).padStart(3)}  ${pct(r.argmaxAgreement).padStart(8)}  ${pct(r.tflmAccuracy).padStart(8)}  ${pct(r.appAccuracy).padStart(8)}  ${r.arenaUsed} / ${s.estimatedArena} / ${r.arenaDeclared} B${r.ioQuantMatches ? "" : "  (I/O quantization differs from model_data.h!)"}`);
}' "$EXPORT_DIR" "$MODELS"
