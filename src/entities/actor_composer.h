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

#include <string>
#include <vector>

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
  // What a phrase's mentions say, sorted, and the role they give it.
  struct PhraseParts {
    int32_t person = -1, head_agent = -1, pronoun = -1;
    std::vector<int32_t> organizations, countries, agents;
    int32_t role_agent = -1;             // the agent whose code is the role
    std::string role;                    // "GOV", "MIL", ...
    bool role_first = false;             // the role agent puts its code first ([NGO~])
    std::string prefixes;                // codes of other agents that put theirs first
    const ActorEntry* ethnic = nullptr;  // a people without a state of its own
    bool individual = false, plural = false;
  };

  void ComposePhrase(Analysis* a, uint32_t p, const std::vector<int32_t>& mentions,
                     std::vector<bool>* consumed) const;
  // Sorts phrase p's mentions by kind and finds its pronoun.
  PhraseParts SortMentions(const Analysis& a, uint32_t p,
                           const std::vector<int32_t>& mentions) const;
  void DecideRole(const Analysis& a, const Phrase& ph, const Date* date, PhraseParts* parts) const;
  // Adds actor x, decided by mention `deciding` (-1: none); one for each code
  // of a name that stands for several ("ELR/GAL").
  void AddActor(Analysis* a, PhraseActor x, int32_t deciding) const;
  static std::vector<int32_t> Coordinated(const Analysis& a, const std::vector<int32_t>& list);
  void ComposePerson(Analysis* a, const Phrase& ph, const Date* date, const PhraseParts& parts,
                     PhraseActor actor) const;
  void ComposeCountries(Analysis* a, const Date* date, const PhraseParts& parts,
                        const PhraseActor& actor) const;
  void ComposeAgents(Analysis* a, const PhraseParts& parts, PhraseActor actor) const;
  void LinkOfPhrases(Analysis* a, uint32_t sentence) const;
  static std::vector<const PhraseActor*> MoreConjuncts(const Analysis& a, uint32_t of, uint32_t pe);
  // "rebels in the Ivory Coast", "lawmakers and officials in Fornost and
  // Gondor": actor i and the agents joined to it take the country of each
  // place y and `more` (the first in place, the others into *added).
  void LinkToPlaces(Analysis* a, uint32_t pb, size_t i, const PhraseActor* y,
                    const std::vector<const PhraseActor*>& more,
                    std::vector<PhraseActor>* added) const;
  void LinkAppositions(Analysis* a, uint32_t sentence) const;
  void ShareCountryAcrossAnd(Analysis* a, uint32_t sentence) const;

  const ActorDictionary* dictionary_;
  const ActorCodes* codes_;
};

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ACTOR_COMPOSER_H_
