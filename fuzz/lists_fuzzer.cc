// libFuzzer target: discard and issue dictionaries (entities/dictionary_files.h)
// and the telling of a dictionary's kind from its text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entities/dictionary_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace palmyra;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const DiscardFile discards = ParseDiscardDictionary("fuzz.discards.txt", bytes);
  for (const DiscardPhrase& p : discards.phrases) {
    if (p.words.empty() || p.line < 1) __builtin_trap();  // no empty phrase is kept
  }
  const IssueFile issues = ParseIssueDictionary("fuzz.issues.txt", bytes);
  for (const IssuePhrase& p : issues.phrases) {
    if (p.words.empty() || p.line < 1) __builtin_trap();
  }
  DetectDictionaryKind("fuzz.txt", bytes);
  return 0;
}
