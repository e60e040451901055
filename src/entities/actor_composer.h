// ActorComposer: gives noun phrases their actors, composed from the names
// found in them: a country or its adjective with an agent ("Syrian
// government forces" -> SYRMIL), an organisation with an agent ("UN
// peacekeepers" -> IGOUNOMIL), a person (date-dependent: "Putin" -> RUSGOV),
// a capital standing for its government ("Moscow said" -> RUSGOV), several
// countries sharing an agent ("Hungarian and Romanian officials"), "of"
// phrases ("the president of Armenia") and appositions ("Lavrov, the Russian
// foreign minister"). Pronouns are left for Coreference. Immutable;
// thread-safe.
#ifndef PALMYRA_ENTITIES_ACTOR_COMPOSER_H_
#define PALMYRA_ENTITIES_ACTOR_COMPOSER_H_

#include "core/analysis.h"
#include "entities/actor_codes.h"
#include "entities/actor_dictionary.h"

namespace palmyra {

class ActorComposer {
 public:
  ActorComposer(const ActorDictionary* dictionary, const ActorCodes* codes)
      : dictionary_(dictionary), codes_(codes) {}

  // Reads analysis->mentions and phrases; fills analysis->actors.
  void Compose(Analysis* analysis) const;

  // Fills country and sector from the code.
  void Describe(PhraseActor* actor) const;

 private:
  void ComposePhrase(Analysis* a, uint32_t p, const std::vector<int32_t>& mentions,
                     std::vector<bool>* consumed) const;
  void LinkOfPhrases(Analysis* a, uint32_t sentence) const;
  void LinkAppositions(Analysis* a, uint32_t sentence) const;
  void ShareCountryAcrossAnd(Analysis* a, uint32_t sentence) const;

  const ActorDictionary* dictionary_;
  const ActorCodes* codes_;
};

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ACTOR_COMPOSER_H_
