// EventRules: what every rule that finds events reads: the pattern
// dictionary, the syntax lexicon, actor codes, the CAMEO table, how codes
// are recoded by modality, the synonym sets that steer roles, and the
// conventions in force. Built once by the events stage; immutable and
// shared by the rule files of events/ (triggers, roles, modality, emitting,
// cleaning up) on every thread.
#ifndef PALMYRA_EVENTS_EVENT_RULES_H_
#define PALMYRA_EVENTS_EVENT_RULES_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "entities/actor_codes.h"
#include "events/cameo_table.h"
#include "events/conventions.h"
#include "events/modality_codes.h"
#include "events/pattern_dictionary.h"
#include "events/verb_neighbours.h"
#include "syntax/syntax_lexicon.h"

namespace palmyra {

class EventRules {
 public:
  EventRules(const PatternDictionary* dictionary, const SyntaxLexicon* lexicon,
             const ActorCodes* codes, const ModalityCodes* modality_codes, const CameoTable* cameo,
             const Conventions& conventions, const VerbNeighbours* neighbours = nullptr);

  const PatternDictionary& dictionary() const { return *dictionary_; }
  const SyntaxLexicon& lexicon() const { return *lexicon_; }
  const ActorCodes& codes() const { return *codes_; }
  const ModalityCodes& modality_codes() const { return *modality_codes_; }
  const CameoTable& cameo() const { return *cameo_; }
  const Conventions& conventions() const { return conventions_; }
  // WordNet neighbours of the verbs no pattern lists; null when not used.
  const VerbNeighbours* neighbours() const { return neighbours_; }

  bool Has(std::string_view code, CameoTrait trait) const { return cameo_->Has(code, trait); }
  bool IsViolent(std::string_view code) const { return Has(code, CameoTrait::kViolent); }

  // Synonym sets of data/events/synsets.txt (-1 when absent).
  int32_t light_verbs() const { return light_verbs_; }  // LIGHTVERB: "launch", "carry out"
  int32_t light_heads() const { return light_heads_; }  // LIGHTHEAD: "effort"
  int32_t instruments() const { return instruments_; }  // INSTRUMENT: "bomb"
  int32_t time_prepositions() const { return time_prepositions_; }  // TIMEPREP: "after"
  // Whether token t is a preposition that may introduce a target of a verb
  // (TARGETPREP: "against") or of a noun event (NOUNTARGETPREP).
  bool IsTargetPreposition(const Token& t, bool noun) const {
    return In(noun ? noun_target_prepositions_ : target_prepositions_, t);
  }
  bool IsLocativePreposition(const Token& t) const { return In(locative_prepositions_, t); }
  // DESTINATIONPREP: "to", "from", where one goes or comes from.
  bool IsDestinationPreposition(const Token& t) const { return In(destination_prepositions_, t); }
  // NONTARGETPREP: "alongside".
  bool IsNonTargetPreposition(const Token& t) const { return In(non_target_prepositions_, t); }
  bool IsPurposePreposition(const Token& t) const { return In(purpose_prepositions_, t); }
  // PATIENTNOUN, by form or lemma: "arrest", "killing".
  bool IsPatientNoun(const Token& t) const {
    return In(patient_nouns_, t) || std::find(patient_nouns_.begin(), patient_nouns_.end(),
                                              t.lemma_id) != patient_nouns_.end();
  }

  // True for armed actors: military, police, rebels, militias, gunmen.
  bool IsArmed(const PhraseActor& x) const {
    return codes_->HasTag(x.sector, "armed") || codes_->HasTag(x.country, "armed");
  }

 private:
  static bool In(const std::vector<int32_t>& set, const Token& t);

  const PatternDictionary* dictionary_;
  const SyntaxLexicon* lexicon_;
  const ActorCodes* codes_;
  const ModalityCodes* modality_codes_;
  const CameoTable* cameo_;
  Conventions conventions_;
  const VerbNeighbours* neighbours_;
  int32_t light_verbs_ = -1;
  int32_t light_heads_ = -1;
  int32_t instruments_ = -1;
  int32_t time_prepositions_ = -1;
  std::vector<int32_t> target_prepositions_;       // TARGETPREP
  std::vector<int32_t> noun_target_prepositions_;  // NOUNTARGETPREP
  std::vector<int32_t> locative_prepositions_;     // LOCATIVEPREP
  std::vector<int32_t> destination_prepositions_;  // DESTINATIONPREP
  std::vector<int32_t> non_target_prepositions_;   // NONTARGETPREP
  std::vector<int32_t> purpose_prepositions_;      // PURPOSEPREP
  std::vector<int32_t> patient_nouns_;             // PATIENTNOUN
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_RULES_H_
