// Coreference: resolves, inside one document, pronouns ("he", "they", "its
// jets"), descriptions ("the group", "the country") and agents named without
// their country ("the rebels" after "Syrian rebels") to actors named before
// them. Uses recency within a window of sentences and agreement (person,
// plural, organisation, country). Immutable after Load(); thread-safe.
#ifndef PALMYRA_ENTITIES_COREFERENCE_H_
#define PALMYRA_ENTITIES_COREFERENCE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/string_table.h"
#include "entities/actor_composer.h"

namespace palmyra {

class Coreference {
 public:
  static Result<std::unique_ptr<Coreference>> Load(const std::string& data_dir,
                                                   const ActorComposer* composer,
                                                   const ActorCodes* codes);

  // Resolves what it can in analysis->actors and adds actors for
  // descriptions; drops pronouns it cannot resolve.
  void Resolve(Analysis* analysis) const;

  // How many sentences back an antecedent may be.
  static constexpr uint32_t kWindow = 2;

 private:
  Coreference() = default;
  enum class Want { kPerson, kThing, kGroup, kCountry, kOrganization, kAny };
  // The most recent actor before `phrase` that matches; -1 when none.
  int32_t Antecedent(const Analysis& a, const std::vector<int32_t>& history, uint32_t phrase,
                     Want want) const;

  // The speaker of the quotation that holds `token`: the subject of a speech
  // verb outside it, in the same sentence or the next two; null when none.
  const PhraseActor* Speaker(const Analysis& a, uint32_t token) const;

  // "the government", "the army" left without a country take the article's
  // home country: the country of more than half its actors (at least two).
  void AssignHomeCountry(Analysis* a) const;
  void AssignSentenceCountry(Analysis* a) const;

  // "thousands of Iraqi Kurds": noun phrases that count the actor after "of".
  void LinkCollectives(Analysis* a) const;
  // Empty actors for descriptions ("the group", "the country"), resolved
  // with the pronouns.
  void AddDescriptions(Analysis* a) const;
  // What a pronoun or description may refer to; nullopt for "we" and "I",
  // which stand for the speaker of a quotation.
  std::optional<Want> Wanted(const Analysis& a, const PhraseActor& x) const;
  void ResolvePronoun(Analysis* a, const std::vector<int32_t>& history, Want want, int32_t i) const;
  void ResolveSpeaker(Analysis* a, PhraseActor* x) const;
  // Whether actor x is headed by a noun of the "person" kind ("the 52-year-old").
  bool IsPersonNoun(const Analysis& a, const PhraseActor& x) const;
  // "the 52-year-old" after a person is named: that person; with none
  // named, the civilian its agent entry makes it.
  void ResolvePersonNoun(Analysis* a, const std::vector<int32_t>& history, int32_t i) const;
  // An agent named without its country takes that of the last actor of its kind.
  void GiveCountry(Analysis* a, const std::vector<int32_t>& history, int32_t i) const;
  static void DropUnresolved(Analysis* a);

  StringTable country_nouns_;
  StringTable organization_nouns_;
  StringTable person_nouns_;
  StringTable collective_nouns_;
  StringTable national_nouns_;
  StringTable person_pronouns_;   // "he", "her"
  StringTable thing_pronouns_;    // "it", "its"
  StringTable group_pronouns_;    // "they", "their"
  StringTable speaker_pronouns_;  // "we", "I" in a quotation
  const ActorComposer* composer_ = nullptr;
  const ActorCodes* codes_ = nullptr;
};

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_COREFERENCE_H_
