// EntityStage: the entities stage's entry point. Looks up every token in the
// engine's vocabulary, finds actor and agent names, composes each noun
// phrase's actor and resolves coreference. Immutable after Load(); Run() is
// thread-safe.
#ifndef PALMYRA_ENTITIES_ENTITY_STAGE_H_
#define PALMYRA_ENTITIES_ENTITY_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/string_table.h"
#include "entities/actor_codes.h"
#include "entities/actor_composer.h"
#include "entities/actor_dictionary.h"
#include "entities/coreference.h"
#include "text/name_tokenizer.h"

namespace palmyra {

class EntityStage {
 public:
  // Loads the built-in dictionaries of `data_dir`/actors. Their words are
  // added to `vocabulary`, which must outlive the stage and not change once
  // the engine runs.
  static Result<std::unique_ptr<EntityStage>> Load(const std::string& data_dir,
                                                   const NameTokenizer& names,
                                                   StringTable* vocabulary);
  // The same with the user's actor and agent files: after the built-in ones,
  // or instead of them when `builtin` is false. Malformed entries of the
  // user's files are skipped and reported in *warnings. With a `cache_dir`,
  // the user's files are compiled there and read from it while unchanged
  // (entities/actor_cache.h).
  static Result<std::unique_ptr<EntityStage>> Load(const std::string& data_dir,
                                                   const NameTokenizer& names,
                                                   StringTable* vocabulary,
                                                   const std::vector<std::string>& user_files,
                                                   bool builtin, std::vector<Diagnostic>* warnings,
                                                   const std::string& cache_dir = "");

  void Run(Analysis* analysis) const;
  // Once events are dated: a person coded by a table of dated terms is
  // coded by their office on the day of an event dated well before the
  // article ("George HW Bush sent troops to Saudi Arabia in 1990": the president).
  void DateActors(Analysis* analysis) const;

  const ActorDictionary& dictionary() const { return dictionary_; }
  const ActorCodes& codes() const { return *codes_; }

 private:
  EntityStage() = default;
  const StringTable* vocabulary_ = nullptr;
  std::unique_ptr<ActorCodes> codes_;
  ActorDictionary dictionary_;
  std::unique_ptr<ActorComposer> composer_;
  std::unique_ptr<Coreference> coreference_;
};

// The dictionary files of data/actors, in loading order.
const std::vector<std::string>& BuiltInActorFiles();

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ENTITY_STAGE_H_
