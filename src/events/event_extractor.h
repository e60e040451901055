// EventExtractor: finds the events of each sentence. Every verb group whose
// verb (and every noun phrase whose noun) is a trigger in the pattern
// dictionary is matched against its block's patterns; the most specific
// match gives the CAMEO code and any roles it binds. Otherwise the roles come
// from the clause: the subject is the source and the object or a
// prepositional object the target (swapped in the passive); a noun event
// takes its source from the light verb it is the object of ("launched
// airstrikes") or its own modifiers ("Russian airstrikes"). Coordinated
// actors give one event each. Each event gets its modality (negated,
// hypothetical, future, reported), its attribution and its evidence span.
// Immutable; thread-safe.
#ifndef PALMYRA_EVENTS_EVENT_EXTRACTOR_H_
#define PALMYRA_EVENTS_EVENT_EXTRACTOR_H_

#include <bitset>
#include <vector>

#include "core/analysis.h"
#include "entities/actor_codes.h"
#include "events/modality_codes.h"
#include "events/pattern_dictionary.h"
#include "events/pattern_matcher.h"
#include "syntax/syntax_lexicon.h"

namespace palmyra {

class EventExtractor {
 public:
  EventExtractor(const PatternDictionary* dictionary, const SyntaxLexicon* lexicon,
                 const ActorCodes* codes, const ModalityCodes* modality_codes);

  // Fills analysis->events.
  void Extract(Analysis* analysis) const;
  // PETRARCH's conventions, where they differ from Palmyra's: the verbs of
  // speech frames are events too ("..., the minister said" is an event of
  // the verb SAY when the dictionary lists it; Palmyra takes them as
  // attribution only), and with no object or prepositional target, the
  // first actor after the verb is the target ("allowed that Mordor isn't
  // ..."), unless it speaks in a later speech frame. Call before any
  // Extract().
  void UsePetrarchConventions(bool yes) { petrarch_ = yes; }
  // PETRARCH's new_actor_length (0: off): see Options::new_actor_length.
  void SetNewActorLength(int words) { new_actor_length_ = words; }

  struct ModalityFlags {
    bool negated = false, hypothetical = false, future = false, reported = false;
    Modality Resolve() const {
      if (negated) return Modality::kNegated;
      if (hypothetical) return Modality::kHypothetical;
      if (future) return Modality::kFuture;
      if (reported) return Modality::kReported;
      return Modality::kAsserted;
    }
  };
  // The modality of the events of verb group `v`.
  ModalityFlags ModalityOf(const Analysis& a, int32_t v) const;

 private:
  struct Roles {
    int32_t source = -1;  // phrases
    int32_t target = -1;
    int32_t compound = -1;
    bool target_locative = false;
    bool actorless_ok = false;  // code the event even without any actor
  };
  struct Found {
    std::string code;
    std::string alternate;  // the reciprocal event's code ([A:B])
    std::string rule;
    int specificity = -1;  // -1: the trigger's default code
    PatternMatch match;
    uint32_t trigger_end = 0;
    int32_t block = -1;
    bool noun = false;  // found for a noun ("the attack")
  };

  // What one call of Extract() keeps while it walks the document.
  struct Context {
    Context(const PatternDictionary* dictionary, const Analysis* a)
        : matcher(dictionary, a),
          consumed(a->tokens.size(), false),
          reaction(a->verb_groups.size(), false),
          violent(a->verb_groups.size(), false) {}
    PatternMatcher matcher;
    std::vector<bool> consumed;   // tokens used by a pattern already
    std::vector<bool> reaction;   // verb groups coded with a non-violent event
    std::vector<bool> violent;    // verb groups coded with a violent event (roots 18-20)
    std::bitset<100> roots_seen;  // CAMEO roots coded so far
  };

  // The best pattern (or the default code) for the triggers starting at
  // token t; false when no trigger matches there.
  bool Best(const PatternMatcher& matcher, const Analysis& a, uint32_t t, bool noun, uint32_t lo,
            uint32_t hi, Found* found) const;
  void VerbEvents(Analysis* a, Context* context, uint32_t sentence) const;
  // The demand a reported obligation makes: "Y must do Z, X said".
  void DemandOf(Analysis* a, Context* context, int32_t verb_group, uint32_t sentence,
                const Found& found) const;
  void NounEvents(Analysis* a, Context* context, uint32_t sentence) const;
  // The first prepositional object after token `from` (before `to`) whose
  // preposition may introduce a target.
  int32_t PrepositionalTarget(const Analysis& a, const PatternMatcher& matcher, uint32_t from,
                              uint32_t to, bool noun, bool* locative) const;
  bool InSet(const std::vector<int32_t>& set, const Token& t) const;
  void Emit(Analysis* a, Context* context, const Found& found, const Roles& roles,
            int32_t verb_group, uint32_t sentence, uint32_t trigger) const;
  // The code of a demand (100) or appeal (020) made specific by what is
  // asked in the clause `asked` ("demanded that Russia withdraw" -> 1056).
  std::string Requested(const Analysis& a, const PatternMatcher& matcher, const std::string& code,
                        const VerbGroup& asked, uint32_t lo) const;
  // The target's code with the source's country when the event is domestic
  // by its nature (repression, protest) and the target has no country.
  std::string DomesticTarget(const PhraseActor& source, const PhraseActor& target, int root,
                             const std::string& target_code) const;
  // The subject of the verb that accuses the subject of verb group `vi` of
  // it ("accused Russia of blocking"); -1 when none.
  int32_t Accuser(const Analysis& a, int32_t vi) const;
  // Joins a violent noun event to the violent verb it is the subject of
  // ("Russian airstrikes killed 20 civilians": one event, 195).
  void MergeWeaponSubjects(Analysis* a) const;
  // Removes events that another event of the same sentence and code says
  // more about (the same source, and a target where it has none).
  static void DropSubsumed(Analysis* a);
  // True for armed actors: military, police, rebels, militias, gunmen.
  bool IsArmed(const PhraseActor& x) const;
  // True when `target` is the source's own force ("its troops").
  bool IsOwnForce(const Analysis& a, const PhraseActor& source, const PhraseActor& target) const;
  int32_t AttributionOf(const Analysis& a, int32_t v) const;
  // Is phrase p the object of v (or a conjunct of it, or counted by it)?
  // Whether x, named through a possessive ("their resumption"), is a thing
  // of the subject (phrase `subject`) of the verb at phrase verb_phrase.
  static bool OwnedBySubject(const Analysis& a, const PhraseActor& x, uint32_t verb_phrase,
                             int32_t subject);
  bool IsObjectOf(const Analysis& a, const VerbGroup& v, uint32_t p, uint32_t pb,
                  uint32_t pe) const;
  bool IsLightVerb(const Analysis& a, const PatternMatcher& matcher, const VerbGroup& v) const;

  const PatternDictionary* dictionary_;
  const SyntaxLexicon* lexicon_;
  const ActorCodes* codes_;
  const ModalityCodes* modality_codes_;
  bool petrarch_ = false;
  int new_actor_length_ = 0;
  // Synonym sets of the dictionary that steer roles (data/events/synsets.txt).
  int32_t light_verbs_ = -1;                       // LIGHTVERB: "launch", "carry out"
  int32_t light_heads_ = -1;                       // LIGHTHEAD: "effort" in "mediation effort"
  int32_t instruments_ = -1;                       // INSTRUMENT: "bomb" in "a bomb exploded"
  std::vector<int32_t> target_prepositions_;       // TARGETPREP: "against", "on"
  std::vector<int32_t> noun_target_prepositions_;  // NOUNTARGETPREP
  std::vector<int32_t> locative_prepositions_;     // LOCATIVEPREP: "in", "near"
  std::vector<int32_t> purpose_prepositions_;      // PURPOSEPREP: "for talks", "in the offensive"
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_EXTRACTOR_H_
