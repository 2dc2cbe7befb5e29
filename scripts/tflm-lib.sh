#!/usr/bin/env bash
# Builds TensorFlow Lite Micro's reference-kernel library for the host (x86 g++) without its
# Makefile (which downloads pigweed/kissfft and generates example data with Python): the same
# source lists as tensorflow/lite/micro/tools/make/sources.inc, minus tests, benchmarks and signal/.
# Usage: TFLM_DIR=… FLATBUFFERS_DIR=… GEMMLOWP_DIR=… RUY_DIR=… BUILD_DIR=… scripts/tflm-lib.sh
set -euo pipefail
: "${TFLM_DIR:?set TFLM_DIR to a tflite-micro checkout}"
: "${FLATBUFFERS_DIR:?set FLATBUFFERS_DIR to flatbuffers v25.9.23 (the version TFLM pins)}"
: "${GEMMLOWP_DIR:?set GEMMLOWP_DIR to a gemmlowp checkout}"
: "${RUY_DIR:?set RUY_DIR to a ruy checkout}"
BUILD_DIR=${BUILD_DIR:-/tmp/tflm-build}
JOBS=${JOBS:-2}
mkdir -p "$BUILD_DIR"
cd "$TFLM_DIR"
{
  ls tensorflow/lite/micro/*.cc tensorflow/lite/micro/arena_allocator/*.cc \
     tensorflow/lite/micro/memory_planner/*.cc tensorflow/lite/micro/tflite_bridge/*.cc
  # TFL_CC_SRCS: the files shared with TfLite (everything outside lite/micro and lite/experimental).
  find tensorflow -type d \( -path tensorflow/lite/experimental -o -path tensorflow/lite/micro \) -prune \
    -false -o -name '*.cc' -o -name '*.c' | grep -v 'tensorflow/lite/array.cc'
  # MICROLITE_CC_KERNEL_SRCS: the reference kernels.
  awk '/^MICROLITE_CC_KERNEL_SRCS :=/{on=1;next} on&&/^$/{on=0} on' tensorflow/lite/micro/tools/make/sources.inc \
    | sed -e 's/\$(TENSORFLOW_ROOT)//' -e 's/[ \\]*$//' | grep '\.cc$'
} | grep -v -e '_test\.cc$' -e 'benchmark' -e 'test_helper' -e 'fake_micro_context' -e 'mock_micro_graph' \
  | sort -u > "$BUILD_DIR/all-sources.txt"
# KERNELS (optional): basenames of the kernel files to build, e.g. "conv conv_common kernel_util"; the
# op resolver only references the registrations it adds, so the other kernels are never linked.
if [ -n "${KERNELS:-}" ]; then
  pattern=$(printf 'micro/kernels/%s\\.cc$\n' $KERNELS)
  { grep -v 'micro/kernels/' "$BUILD_DIR/all-sources.txt"; grep -f <(printf '%b' "$pattern") "$BUILD_DIR/all-sources.txt"; } > "$BUILD_DIR/sources.txt"
else
  cp "$BUILD_DIR/all-sources.txt" "$BUILD_DIR/sources.txt"
fi
FLAGS="-O2 -DTF_LITE_STATIC_MEMORY -DTF_LITE_DISABLE_X86_NEON -DTF_LITE_USE_CTIME -DNDEBUG \
 -I. -I$FLATBUFFERS_DIR/include -I$GEMMLOWP_DIR -I$RUY_DIR -fno-exceptions -fno-rtti -w"
{
  echo "OBJS := \\"
  sed -e 's|^\(.*\)\.cc\?$|  $(B)/\1.o \\|' "$BUILD_DIR/sources.txt"
  echo ""
  echo "$BUILD_DIR/libtflm.a: \$(OBJS)"
  printf '\tar rcs $@ $^\n'
  echo "\$(B)/%.o: %.cc"
  printf '\t@echo CC $<; mkdir -p $(dir $@) && g++ -std=c++17 %s -c $< -o $@\n' "$FLAGS"
  echo "\$(B)/%.o: %.c"
  printf '\t@echo CC $<; mkdir -p $(dir $@) && gcc -std=c17 %s -c $< -o $@\n' "$FLAGS"
} > "$BUILD_DIR/lib.mk"
[ -n "${LIST_ONLY:-}" ] && exit 0
make -j"$JOBS" -f "$BUILD_DIR/lib.mk" B="$BUILD_DIR/obj" "$BUILD_DIR/libtflm.a"
echo "$FLAGS" > "$BUILD_DIR/flags.txt"
echo "built $BUILD_DIR/libtflm.a from $(wc -l < "$BUILD_DIR/sources.txt") sources"
