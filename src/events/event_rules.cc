#include "events/event_rules.h"

#include <algorithm>

namespace palmyra {

EventRules::EventRules(const PatternDictionary* dictionary, const SyntaxLexicon* lexicon,
                       const ActorCodes* codes, const ModalityCodes* modality_codes,
                       const CameoTable* cameo, const Conventions& conventions,
                       const VerbNeighbours* neighbours)
    : dictionary_(dictionary),
      lexicon_(lexicon),
      codes_(codes),
      modality_codes_(modality_codes),
      cameo_(cameo),
      conventions_(conventions),
      neighbours_(neighbours) {
  light_verbs_ = dictionary->SynsetId("LIGHTVERB");
  light_heads_ = dictionary->SynsetId("LIGHTHEAD");
  instruments_ = dictionary->SynsetId("INSTRUMENT");
  time_prepositions_ = dictionary->SynsetId("TIMEPREP");
  auto words = [&](std::string_view name) {
    std::vector<int32_t> ids;
    const int32_t set = dictionary->SynsetId(name);
    if (set < 0) return ids;
    for (const auto& member : dictionary->synset(set)) {
      if (member.size() == 1) ids.push_back(member[0]);
    }
    return ids;
  };
  target_prepositions_ = words("TARGETPREP");
  purpose_prepositions_ = words("PURPOSEPREP");
  noun_target_prepositions_ = words("NOUNTARGETPREP");
  locative_prepositions_ = words("LOCATIVEPREP");
  destination_prepositions_ = words("DESTINATIONPREP");
  non_target_prepositions_ = words("NONTARGETPREP");
  patient_nouns_ = words("PATIENTNOUN");
}

bool EventRules::In(const std::vector<int32_t>& set, const Token& t) {
  return std::find(set.begin(), set.end(), t.word_id) != set.end();
}

}  // namespace palmyra
