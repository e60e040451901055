// libFuzzer target: verb pattern dictionaries (events/pattern_reader.h) as
// `--dict` files are loaded into the pattern dictionary
// (events/pattern_dictionary.h).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/string_table.h"
#include "events/pattern_dictionary.h"
#include "events/pattern_reader.h"
#include "fuzz_data.h"

// The data are loaded before fuzzing starts, so that loading them (seconds
// under the sanitizers) never counts against the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)palmyra::FuzzTextStage();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace palmyra;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const PatternFile parsed = ParsePatternDictionary("fuzz.verbs.txt", bytes);
  for (const Diagnostic& d : parsed.diagnostics) {
    if (d.line < 0 || d.message.empty()) __builtin_trap();  // every problem says where and what
  }
  StringTable vocabulary;
  PatternDictionary dictionary;
  std::vector<Diagnostic> diagnostics;
  dictionary.Add(parsed, FuzzTextStage().names(), &vocabulary, &diagnostics);
  dictionary.Freeze(&diagnostics);
  return 0;
}
