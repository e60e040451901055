#include "events/noun_events.h"

#include "events/event_emitter.h"
#include "events/roles.h"
#include "events/trigger_match.h"

namespace palmyra {
namespace {

// The verb group whose clause holds noun phrase p (-1: none), and whether
// the phrase is the object of a light verb ("launched airstrikes").
std::pair<int32_t, bool> HoldingClause(const EventRules& rules, const PatternMatcher& matcher,
                                       const Analysis& a, uint32_t p) {
  const Phrase& ph = a.phrases[p];
  const uint32_t pb = a.sentence_phrase_begin[ph.sentence];
  const uint32_t pe = a.sentence_phrase_begin[ph.sentence + 1];
  int32_t vg = -1;
  bool light_object = false;
  for (uint32_t q = pb; q < pe; ++q) {
    if (a.phrases[q].type != PhraseType::kVerb) continue;
    const VerbGroup& v = a.verb_groups[a.phrases[q].verb_group];
    if (v.begin < ph.begin && static_cast<uint32_t>(v.clause_end) >= ph.end) {
      vg = a.phrases[q].verb_group;
      light_object = IsObjectOf(rules, a, v, p) && IsLightVerb(rules, matcher, v);
    } else if (vg < 0 && v.begin >= ph.end) {
      vg = a.phrases[q].verb_group;  // the phrase is this verb's subject
      break;
    }
  }
  return {vg, light_object};
}

// "an explosion", "bombings": a new violent event even without actors;
// "the explosion" usually refers back to one of its kind already coded
// ("soldiers were wounded in the attack").
void NounActorless(const EventRules& rules, const Analysis& a, const ExtractionState& state,
                   const Phrase& ph, const TriggerMatch& found, Roles* roles) {
  const bool definite = rules.lexicon().Is(a.Key(ph.begin), WordRole::kDefinite) ||
                        a.tokens[ph.begin].tag == PosTag::PRP_S || ph.possessor_end != ph.begin;
  const CameoEntry* e = rules.cameo().Find(found.code);
  roles->needs_actor = definite && e != nullptr && state.Seen(e->plover_type);
  roles->actorless_ok =
      found.block >= 0 && rules.dictionary().block(found.block).actorless && !roles->needs_actor;
}

// "his pledge to fire missiles", "Iran's refusal to release the sailors":
// a noun of intent or refusal whose infinitive says what was intended or
// refused is told by that infinitive's event (future, or a refusal of it),
// not by one of its own.
bool CarriedByInfinitive(const EventRules& rules, const Analysis& a, uint32_t p,
                         const std::string& code) {
  const int root = CameoTable::Root(code);
  if (root != 3 && root != 12) return false;
  const Phrase& ph = a.phrases[p];
  const std::string_view lemma = a.tokens[ph.head].lemma;
  if (!rules.lexicon().Is(lemma, WordRole::kFutureNoun) &&
      !rules.lexicon().Is(lemma, WordRole::kNegativeNoun)) {
    return false;
  }
  if (p + 1 >= a.phrases.size() || a.phrases[p + 1].type != PhraseType::kVerb ||
      a.phrases[p + 1].begin != ph.end) {
    return false;
  }
  return a.verb_groups[a.phrases[p + 1].verb_group].kind == ClauseKind::kInfinitive;
}

// "Operation Olive Branch": a capitalised trigger followed, to the end of
// its phrase, by the name it is given.
bool NamedByWhatFollows(const Analysis& a, uint32_t trigger, uint32_t trigger_end,
                        uint32_t phrase_end) {
  if (!(a.tokens[trigger].flags & kTokCapitalized) || trigger_end >= phrase_end) return false;
  for (uint32_t t = trigger_end; t < phrase_end; ++t) {
    if (!IsProperNoun(a.tokens[t].tag)) return false;
  }
  return true;
}

// Codes noun phrase p.
void CodeNounPhrase(const EventRules& rules, Analysis* a, ExtractionState* state, uint32_t p) {
  const Phrase& ph = a->phrases[p];
  const PatternMatcher& matcher = state->matcher;
  const auto [vg, light_object] = HoldingClause(rules, matcher, *a, p);
  const Sentence& s = a->sentences[ph.sentence];
  const uint32_t hi =
      vg >= 0 ? std::max<uint32_t>(a->verb_groups[vg].clause_end, ph.end) : s.token_end;
  for (uint32_t t = ph.begin; t <= ph.head; ++t) {
    // "on 14 March" is a date, not a protest march.
    if (state->consumed[t] || (a->tokens[t].flags & kTokCalendar)) continue;
    TriggerMatch found;
    if (!BestMatch(rules, matcher, *a, t, /*noun=*/true, s.token_begin, hi, &found)) continue;
    found.noun = true;
    // The trigger must end at the head noun, or before a head that only
    // carries it ("a mediation effort", "the peace process"), or before the
    // name an operation is given ("Operation Olive Branch", not "Grant
    // Thornton").
    if (found.trigger_end != ph.head + 1) {
      uint32_t end;
      if ((found.trigger_end != ph.head ||
           !matcher.MatchSynset(rules.light_heads(), ph.head, ph.head + 1, &end)) &&
          !(rules.lexicon().Is(a->tokens[t].lemma, WordRole::kOperationName) &&
            NamedByWhatFollows(*a, t, found.trigger_end, ph.end))) {
        continue;
      }
    }
    for (uint32_t u : found.match.consumed) state->consumed[u] = true;
    for (uint32_t u = t; u < found.trigger_end; ++u) state->consumed[u] = true;
    if (found.code.empty()) return;
    // "terrorist acts since the 11 September attacks": what a time is
    // reckoned from is background, not an event of the sentence.
    if (p > a->sentence_phrase_begin[ph.sentence] &&
        a->phrases[p - 1].type == PhraseType::kPreposition &&
        a->Key(a->phrases[p - 1].head) == "since") {
      return;
    }
    // "the Iraq war", "since the civil war broke out": a state of conflict
    // named in passing is background, not an event of the sentence.
    if (found.block >= 0 && rules.dictionary().block(found.block).ongoing && !light_object &&
        found.specificity < 0) {
      return;
    }
    if (CarriedByInfinitive(rules, *a, p, found.code)) return;
    Roles roles;
    const bool reaction = vg >= 0 && state->reaction[vg];
    if (!NounRoles(rules, matcher, *a, p, vg, light_object, reaction, found, hi, &roles)) return;
    // "the militia was behind the bombing": whom the speaker blames.
    if (roles.source < 0 && state->blamed[p] >= 0) roles.source = state->blamed[p];
    NounActorless(rules, *a, *state, ph, found, &roles);
    EmitEvents(rules, a, state, found, roles, vg, ph.sentence, ph.head);
    return;
  }
}

}  // namespace

void NounEvents(const EventRules& rules, Analysis* a, ExtractionState* state, uint32_t sentence) {
  for (uint32_t p = a->sentence_phrase_begin[sentence]; p < a->sentence_phrase_begin[sentence + 1];
       ++p) {
    if (a->phrases[p].type == PhraseType::kNoun) CodeNounPhrase(rules, a, state, p);
  }
}

}  // namespace palmyra
