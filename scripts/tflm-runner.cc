// Host check of a TinyML Lab export in the real TensorFlow Lite Micro (reference kernels).
// It #includes the generated main.cc (with TINYML_LAB_HOST_RUNNER, which leaves out its main()), so
// the op resolver and the tensor arena under test are exactly the ones the starter declares. Every
// vector of test_vectors.bin goes through MicroInterpreter::Invoke(); its int8 outputs are compared
// with `expected` (the app's integer engine) and its argmax with the labels.
//
//   tflm-runner test_vectors.bin    → one JSON line on stdout (scripts/tflm-check.sh parses it)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "main.cc"

namespace {

// The number after `"key":` inside the object that follows `"section":` (the header is our own flat JSON).
long JsonNumber(const std::string& json, const char* section, const char* key) {
  size_t at = 0;
  if (section != nullptr) {
    at = json.find(std::string("\"") + section + "\":");
    if (at == std::string::npos) return -1;
  }
  at = json.find(std::string("\"") + key + "\":", at);
  if (at == std::string::npos) return -1;
  return std::strtol(json.c_str() + json.find(':', at) + 1, nullptr, 10);
}

int ArgmaxOf(const int8_t* v, int n) {
  int best = 0;
  for (int k = 1; k < n; ++k) if (v[k] > v[best]) best = k;
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s test_vectors.bin\n", argv[0]);
    return 2;
  }
  FILE* f = std::fopen(argv[1], "rb");
  if (f == nullptr) { std::perror(argv[1]); return 2; }
  std::vector<uint8_t> file;
  for (int c; (c = std::fgetc(f)) != EOF;) file.push_back(static_cast<uint8_t>(c));
  std::fclose(f);
  uint64_t header_len = 0;
  for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | file.at(i);
  const std::string json(reinterpret_cast<const char*>(file.data() + 8), header_len);
  const uint8_t* data = file.data() + 8 + header_len;
  const long count = JsonNumber(json, nullptr, "count");
  const int8_t* inputs = reinterpret_cast<const int8_t*>(data + JsonNumber(json, "inputs", "offset"));
  const uint8_t* labels = data + JsonNumber(json, "labels", "offset");
  const int8_t* expected = reinterpret_cast<const int8_t*>(data + JsonNumber(json, "expected", "offset"));
  const long in_size = JsonNumber(json, "inputs", "length") / count;
  const long out_size = JsonNumber(json, "expected", "length") / count;

  tflite::InitializeTarget();
  const tflite::Model* model = tflite::GetModel(g_model_data);
  if (model->version() != TFLITE_SCHEMA_VERSION) { std::fprintf(stderr, "schema version %u\n", model->version()); return 1; }
  static OpResolver resolver;
  if (RegisterOps(resolver) != kTfLiteOk) { std::fprintf(stderr, "RegisterOps failed\n"); return 1; }
  static tflite::MicroInterpreter interpreter(model, resolver, tensor_arena, kTensorArenaSize);
  if (interpreter.AllocateTensors() != kTfLiteOk) { std::fprintf(stderr, "AllocateTensors failed (arena %zu)\n", kTensorArenaSize); return 1; }
  TfLiteTensor* input = interpreter.input(0);
  const TfLiteTensor* output = interpreter.output(0);
  if (input->type != kTfLiteInt8 || output->type != kTfLiteInt8) { std::fprintf(stderr, "input/output are not int8\n"); return 1; }
  if (static_cast<long>(input->bytes) != in_size || static_cast<long>(output->bytes) != out_size) {
    std::fprintf(stderr, "tensor sizes %zu/%zu, vectors %ld/%ld\n", input->bytes, output->bytes, in_size, out_size);
    return 1;
  }
  // The header constants must be the tensors' own quantization (what a firmware author relies on).
  const bool io_quant_matches = input->params.scale == kInputScale && input->params.zero_point == kInputZeroPoint &&
                                output->params.scale == kOutputScale && output->params.zero_point == kOutputZeroPoint;

  int mismatches_shown = 0;
  long equal = 0, within_one = 0, max_diff = 0, argmax_agree = 0, tflm_correct = 0, app_correct = 0;
  for (long i = 0; i < count; ++i) {
    std::memcpy(input->data.int8, inputs + i * in_size, in_size);
    if (interpreter.Invoke() != kTfLiteOk) { std::fprintf(stderr, "Invoke failed on vector %ld\n", i); return 1; }
    const int8_t* app = expected + i * out_size;
    for (long k = 0; k < out_size; ++k) {
      const long d = std::labs(static_cast<long>(output->data.int8[k]) - app[k]);
      if (d == 0) ++equal;
      if (d <= 1) ++within_one;
      if (d > max_diff) max_diff = d;
      if (d != 0 && mismatches_shown < 5) {  // where they differ, for a closer look
        std::fprintf(stderr, "vector %ld output %ld: TFLM %d, app %d\n", i, k, output->data.int8[k], app[k]);
        ++mismatches_shown;
      }
    }
    const int t = ArgmaxOf(output->data.int8, static_cast<int>(out_size));
    const int a = ArgmaxOf(app, static_cast<int>(out_size));
    argmax_agree += t == a;
    tflm_correct += t == labels[i];
    app_correct += a == labels[i];
  }
  const double n = static_cast<double>(count * out_size);
  std::printf(
      "{\"count\":%ld,\"equal\":%.6f,\"withinOne\":%.6f,\"maxDiff\":%ld,\"argmaxAgreement\":%.6f,"
      "\"tflmAccuracy\":%.6f,\"appAccuracy\":%.6f,\"arenaUsed\":%zu,\"arenaDeclared\":%zu,\"ioQuantMatches\":%s}\n",
      count, equal / n, within_one / n, max_diff, argmax_agree / static_cast<double>(count),
      tflm_correct / static_cast<double>(count), app_correct / static_cast<double>(count),
      interpreter.arena_used_bytes(), kTensorArenaSize, io_quant_matches ? "true" : "false");
  return 0;
}
