// libFuzzer target: actor and agent dictionaries (entities/actor_reader.h)
// as `--dict` files are loaded, and the compiled-dictionary cache
// (entities/actor_cache.h), whose files a user's cache folder may hold
// damaged.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/string_table.h"
#include "entities/actor_cache.h"
#include "entities/actor_dictionary.h"
#include "entities/actor_reader.h"
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
  const NameTokenizer& names = FuzzTextStage().names();
  if (bytes.size() >= 16 && std::memcmp(bytes.data(), "PLMACT\0", 7) == 0) {
    uint64_t stamp;
    std::memcpy(&stamp, bytes.data() + 8, sizeof stamp);
    ActorFile cached;
    DeserializeActorFile(bytes, stamp, "fuzz.cache", &cached);
    return 0;
  }
  ActorFile parsed = ParseActorDictionary("fuzz.actors.txt", bytes);
  TokenizeNames(names, &parsed);
  // What is written to the cache reads back the same.
  const std::string compiled = SerializeActorFile(parsed, 42);
  ActorFile back;
  if (!DeserializeActorFile(compiled, 42, "fuzz.actors.txt", &back)) __builtin_trap();
  if (back.actors.size() != parsed.actors.size()) __builtin_trap();
  for (size_t i = 0; i < parsed.actors.size(); ++i) {
    if (back.actors[i].names.size() != parsed.actors[i].names.size()) __builtin_trap();
    if (back.actors[i].codes.size() != parsed.actors[i].codes.size()) __builtin_trap();
  }
  StringTable vocabulary;
  ActorDictionary dictionary;
  dictionary.Add(parsed, names, &vocabulary);
  dictionary.Freeze();
  return 0;
}
