// Compiled actor dictionaries. A user's actor or agent file is read and its
// names are tokenized once; the result is kept in the user's cache folder
// (actors-<hash of the file's path>.bin) and used instead of the file while
// the file (its size and modification time), the tokenizer and the format of
// the cache are unchanged. A cache that cannot be read or written is ignored:
// the file is then read as usual.
#ifndef PALMYRA_ENTITIES_ACTOR_CACHE_H_
#define PALMYRA_ENTITIES_ACTOR_CACHE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "entities/actor_reader.h"
#include "palmyra/status.h"
#include "text/name_tokenizer.h"

namespace palmyra {

// Reads the actor dictionary at `path` with its names tokenized, from the
// compiled copy in `cache_dir` when it is current, else from the file (and
// then compiles it). With an empty `cache_dir`, reads the file. Sets
// *from_cache when given.
Result<ActorFile> ReadCompiledActorDictionary(const std::string& path, const NameTokenizer& names,
                                              const std::string& cache_dir,
                                              bool* from_cache = nullptr);

// Fills RawName::tokens of every name, as ActorDictionary::Add would.
void TokenizeNames(const NameTokenizer& names, ActorFile* file);

// A compiled file's bytes and back; `stamp` must match for the bytes to be
// read. Deserializing sets the file of every entry and message to `path`.
std::string SerializeActorFile(const ActorFile& file, uint64_t stamp);
bool DeserializeActorFile(std::string_view bytes, uint64_t stamp, const std::string& path,
                          ActorFile* out);

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ACTOR_CACHE_H_
