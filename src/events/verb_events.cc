#include "events/verb_events.h"

#include <algorithm>

#include "core/strings.h"
#include "events/event_emitter.h"
#include "events/modality.h"
#include "events/roles.h"
#include "events/trigger_match.h"

namespace palmyra {
namespace {

// Longest evidence span an attack takes in with its toll.
constexpr uint32_t kMaxEvidenceTokens = 60;

// PETRARCH codes a subordinate clause ("after crowds burned down its
// embassy") only when the clause above it gave no event.
bool Silenced(const EventRules& rules, const Analysis& a, const VerbGroup& v, uint32_t sentence) {
  if (!rules.conventions().subordinate_only_when_silent || v.kind != ClauseKind::kSubordinate)
    return false;
  return std::any_of(a.events.begin(), a.events.end(), [&](const EventCandidate& e) {
    return e.sentence == sentence && e.verb_group >= 0 &&
           a.verb_groups[e.verb_group].kind != ClauseKind::kSubordinate &&
           !a.verb_groups[e.verb_group].speech;
  });
}

// Where the words of a pattern of the verb at phrase p may reach: its
// clause's end, or with PETRARCH's conventions that of the clauses it
// governs ("allowed that Mordor isn't a really pleasant place").
uint32_t PatternReach(const EventRules& rules, const Analysis& a, uint32_t p) {
  const int32_t vi = a.phrases[p].verb_group;
  const VerbGroup& v = a.verb_groups[vi];
  uint32_t hi = std::max<uint32_t>(static_cast<uint32_t>(v.clause_end), v.end);
  if (!rules.conventions().patterns_reach_governed_clauses) return hi;
  for (uint32_t q = p + 1; q < a.sentence_phrase_begin[v.sentence + 1]; ++q) {
    if (a.phrases[q].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
    if (w.governor == vi) hi = std::max<uint32_t>(hi, static_cast<uint32_t>(w.clause_end));
  }
  return hi;
}

// The code of a general demand (100) or appeal (020) made specific by what
// is asked in the clause `asked` ("demanded that Russia withdraw" -> 1056).
std::string Requested(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                      const std::string& code, const VerbGroup& asked, uint32_t lo) {
  if (!rules.Has(code, CameoTrait::kUnspecified) || !rules.Has(code, CameoTrait::kRequest))
    return code;
  if (asked.negated) return code;  // "demanded that Israel not ..." has no code of its own
  TriggerMatch what;
  const uint32_t hi = std::max<uint32_t>(static_cast<uint32_t>(asked.clause_end), asked.end);
  if (!BestMatch(rules, matcher, a, asked.main, /*noun=*/false, lo, hi, &what) ||
      what.code.empty()) {
    // "urged Moscow to extend the agreement": the object names it.
    what.code.clear();
    if (asked.object >= 0) {
      const Phrase& object = a.phrases[asked.object];
      for (uint32_t t = object.begin; t <= object.head && what.code.empty(); ++t) {
        TriggerMatch noun;
        if (BestMatch(rules, matcher, a, t, /*noun=*/true, lo, hi, &noun) &&
            noun.trigger_end == object.head + 1) {
          what = std::move(noun);
        }
      }
    }
    if (what.code.empty()) return code;
  }
  const std::string demand =
      rules.modality_codes().Recode(ModalityCodes::Kind::kObligation, what.code);
  if (demand.size() < 3 || !StartsWith(demand, "10")) return code;
  // An appeal (02x) mirrors the demand (10x): 1056 -> 0256.
  return StartsWith(code, "02") ? "02" + demand.substr(2) : demand;
}

// A request's code made specific by the first clause it governs that says
// what is asked.
std::string RequestCode(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                        uint32_t p, const std::string& code) {
  if (!rules.Has(code, CameoTrait::kRequest)) return code;
  const int32_t vi = a.phrases[p].verb_group;
  const VerbGroup& v = a.verb_groups[vi];
  for (uint32_t q = p + 1; q < a.sentence_phrase_begin[v.sentence + 1]; ++q) {
    if (a.phrases[q].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
    if (w.governor != vi ||
        (w.kind != ClauseKind::kComplement && w.kind != ClauseKind::kInfinitive)) {
      continue;
    }
    return Requested(rules, matcher, a, code, w, a.sentences[v.sentence].token_begin);
  }
  return code;
}

// "ambushed a convoy, killing six soldiers and wounding 20": a violent
// participle under a violent verb tells the toll of the attack, not a new
// attack; the attack's evidence takes it in. True when it did.
bool JoinToll(const EventRules& rules, Analysis* a, ExtractionState* state, int32_t vi,
              const std::string& code) {
  const VerbGroup& v = a->verb_groups[vi];
  if (v.kind != ClauseKind::kParticiple || v.governor < 0 || !state->violent[v.governor] ||
      !rules.IsViolent(code)) {
    return false;
  }
  state->violent[vi] = true;
  const Sentence& s = a->sentences[v.sentence];
  const uint32_t toll_end =
      std::min<uint32_t>(std::max<uint32_t>(v.clause_end, v.end), s.token_end);
  for (auto e = a->events.rbegin(); e != a->events.rend() && e->sentence == v.sentence; ++e) {
    if (e->verb_group != v.governor) continue;
    e->evidence_end =
        std::max(e->evidence_end, std::min(toll_end, e->evidence_begin + kMaxEvidenceTokens));
  }
  return true;
}

// PETRARCH reads the first noun phrase after the verb as an unknown target,
// and codes nothing without one: "a Bree official said on Saturday" (BREGOV
// ---), but not "... said today", whose bare time word is an adverbial.
bool NounAfterVerb(const EventRules& rules, const Analysis& a, uint32_t p, uint32_t hi) {
  const uint32_t pe = a.sentence_phrase_begin[a.phrases[p].sentence + 1];
  for (uint32_t q = p + 1; q < pe; ++q) {
    const Phrase& np = a.phrases[q];
    if (np.begin >= hi) break;
    if (np.type != PhraseType::kNoun) continue;
    const bool adverbial = np.end == np.begin + 1 &&
                           rules.lexicon().Is(a.tokens[np.head].lemma, WordRole::kTime) &&
                           a.phrases[q - 1].type != PhraseType::kPreposition;
    if (!adverbial) return true;
  }
  return false;
}

// "Sudan must return the helicopter, Russia said": Russia demands it of Sudan.
void DemandOf(const EventRules& rules, Analysis* a, ExtractionState* state, int32_t vi,
              const TriggerMatch& found) {
  const VerbGroup& v = a->verb_groups[vi];
  if (!v.obligation || v.negated || (v.reported_by < 0 && v.according_to < 0)) return;
  const int32_t speaker = AttributionOf(rules, *a, vi);
  const int32_t obliged = v.passive ? v.by_agent : v.subject;
  if (speaker < 0) return;
  // Not "it should be", nor "should have acted" (a reproach, not a request).
  if (rules.lexicon().Is(a->tokens[v.main].lemma, WordRole::kCopula)) return;
  for (uint32_t t = v.begin; t < v.main; ++t) {
    if (a->Key(t) == "have" || a->Key(t) == "'ve") return;
  }
  // Of someone named, or, in the passive without an agent, of no one
  // ("registration should be introduced, Bennett said"); a speaker the
  // dictionaries do not know still asks it.
  const PhraseActor* who = obliged >= 0 ? a->ActorOf(obliged) : nullptr;
  const bool of_actor = who != nullptr;
  if (!of_actor && !(v.passive && v.by_agent < 0)) return;
  // "'We must cut taxes,' the minister said", "Russia said it must respond":
  // what speakers say they must do themselves is no demand of anyone ("we"
  // stands for the speaker, "it" for a speaker of its code, "he" for the
  // speaker only when it refers back to them).
  const PhraseActor* by = a->ActorOf(static_cast<uint32_t>(speaker));
  if (of_actor && by != nullptr && who->pronoun >= 0 && who->code == by->code &&
      (who->antecedent < 0 || !who->individual || &a->actors[who->antecedent] == by)) {
    return;
  }
  TriggerMatch demand = found;
  demand.code = found.code.empty()
                    ? ""
                    : rules.modality_codes().Recode(ModalityCodes::Kind::kObligation, found.code);
  if (demand.code.empty()) demand.code = "100";
  if (demand.rule.empty()) demand.rule = "obligation";
  demand.specificity = 0;
  demand.trigger_end = v.main + 1;
  Roles roles;
  roles.source = speaker;
  roles.target = of_actor ? obliged : -1;
  roles.actorless_ok = true;
  EmitEvents(rules, a, state, demand, roles, /*vg=*/-1, v.sentence, v.main);
}

// "The militia was behind the bombing, the ministry said", "Russia claimed
// Britain was responsible": a speaker who says someone is to blame accuses
// them (112), though no verb of accusing is used.
void BlameOf(const EventRules& rules, Analysis* a, ExtractionState* state, int32_t vi) {
  const VerbGroup& v = a->verb_groups[vi];
  if (v.negated || v.subject < 0 || a->ActorOf(static_cast<uint32_t>(v.subject)) == nullptr ||
      !rules.lexicon().Is(a->tokens[v.main].lemma, WordRole::kCopula) ||
      (v.reported_by < 0 && v.according_to < 0)) {
    return;
  }
  const uint32_t after = v.phrase + 1, end = a->sentence_phrase_begin[v.sentence + 1];
  if (after >= end) return;
  const Phrase& predicate = a->phrases[after];
  if (predicate.type != PhraseType::kNoun && predicate.type != PhraseType::kPreposition) return;
  if (!rules.lexicon().Is(a->Key(predicate.head), WordRole::kBlame)) return;
  // What they are to blame for ("behind the attack", "responsible for the
  // attack") is violence or coercion, not a portfolio ("responsible for
  // schools").
  const bool adjective = predicate.type == PhraseType::kNoun;
  if (adjective && (after + 1 >= end || a->phrases[after + 1].type != PhraseType::kPreposition))
    return;
  const uint32_t q = adjective ? after + 2 : after + 1;
  if (q >= end || a->phrases[q].type != PhraseType::kNoun) return;
  TriggerMatch harm;
  const uint32_t head = a->phrases[q].head;
  const bool harmful =
      rules.lexicon().Is(a->tokens[head].lemma, WordRole::kHarm) ||
      (BestMatch(rules, state->matcher, *a, head, /*noun=*/true, a->phrases[q].begin,
                 a->phrases[q].end, &harm) &&
       !harm.code.empty() &&
       (rules.IsViolent(harm.code) || rules.Has(harm.code, CameoTrait::kCoercion)));
  if (!harmful) return;
  const int32_t speaker = AttributionOf(rules, *a, vi);
  if (speaker < 0 || a->ActorOf(static_cast<uint32_t>(speaker)) == nullptr) return;
  TriggerMatch blame;
  blame.code = "112";
  blame.rule = "blame";
  blame.specificity = 0;
  blame.trigger_end = predicate.end;
  Roles roles;
  roles.source = speaker;
  roles.target = v.subject;
  EmitEvents(rules, a, state, blame, roles, /*vg=*/-1, v.sentence, v.main);
  state->blamed[q] = v.subject;  // the attack is said to be theirs
}

// "The army denied attacking civilians", "denied that it had shelled the
// town": a denial of an act is no event of its own; the act is coded,
// negated. (A pattern may still code the denial: "denied responsibility".)
bool DeniesAClause(const EventRules& rules, const Analysis& a, uint32_t p,
                   const TriggerMatch& found) {
  const int32_t vi = a.phrases[p].verb_group;
  const VerbGroup& v = a.verb_groups[vi];
  if (found.specificity >= 0 || !rules.lexicon().Is(a.tokens[v.main].lemma, WordRole::kDenial))
    return false;
  for (uint32_t q = p + 1; q < a.sentence_phrase_begin[v.sentence + 1]; ++q) {
    if (a.phrases[q].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
    if (w.governor == vi &&
        (w.kind == ClauseKind::kComplement || w.kind == ClauseKind::kParticiple ||
         w.kind == ClauseKind::kInfinitive)) {
      return true;
    }
  }
  return false;
}

// "asked why people still go hungry", "asked them whether ...": a request
// verb followed, after any object, by a question word asks a question, not
// for something; "sought to limit" tries, and asks for nothing.
bool AsksAQuestion(const EventRules& rules, const Analysis& a, uint32_t p,
                   const TriggerMatch& found) {
  if (!rules.Has(found.code, CameoTrait::kRequest)) return false;
  const VerbGroup& v = a.verb_groups[a.phrases[p].verb_group];
  uint32_t t = found.trigger_end;
  const uint32_t end = a.sentences[v.sentence].token_end;
  // "Tehran has sought to put a ceiling on ...": seeking to do is trying.
  if (rules.lexicon().Is(a.tokens[v.main].lemma, WordRole::kAttempt) && t + 1 < end &&
      a.Key(t) == "to" && a.tokens[t + 1].tag == PosTag::VB) {
    return true;
  }
  if (v.object >= 0 && a.phrases[v.object].begin == t) t = a.phrases[v.object].end;
  return t < end && rules.lexicon().Is(a.Key(t), WordRole::kQuestion);
}

// Codes the verb at phrase p.
void CodeVerb(const EventRules& rules, Analysis* a, ExtractionState* state, uint32_t p) {
  const int32_t vi = a->phrases[p].verb_group;
  const VerbGroup& v = a->verb_groups[vi];
  if (state->consumed[v.main] || (v.speech && !rules.conventions().speech_verbs_are_events)) return;
  if (Silenced(rules, *a, v, v.sentence)) return;
  const uint32_t hi = PatternReach(rules, *a, p);
  const uint32_t lo = a->sentences[v.sentence].token_begin;
  TriggerMatch found;
  if (!BestMatch(rules, state->matcher, *a, v.main, /*noun=*/false, lo, hi, &found)) {
    DemandOf(rules, a, state, vi, found);
    BlameOf(rules, a, state, vi);
    return;
  }
  for (uint32_t t : found.match.consumed) state->consumed[t] = true;
  for (uint32_t t = v.main; t < found.trigger_end; ++t) state->consumed[t] = true;
  if (found.code.empty() || DeniesAClause(rules, *a, p, found) ||
      AsksAQuestion(rules, *a, p, found)) {
    // "Greece must return the boat, Turkey said": what is demanded
    // need not be codable for the demand to be.
    if (found.code.empty()) DemandOf(rules, a, state, vi, found);
    return;
  }
  const Roles roles = VerbRoles(rules, state->matcher, *a, p, found, hi);
  found.code = RequestCode(rules, state->matcher, *a, p, found.code);
  if (JoinToll(rules, a, state, vi, found.code)) return;
  if (rules.conventions().needs_noun_after_verb && roles.target < 0 && roles.compound < 0 &&
      !NounAfterVerb(rules, *a, p, hi)) {
    return;
  }
  const size_t before = a->events.size();
  EmitEvents(rules, a, state, found, roles, vi, v.sentence, v.main);
  if (a->events.size() > before)
    (rules.IsViolent(a->events.back().cameo) ? state->violent : state->reaction)[vi] = true;
  DemandOf(rules, a, state, vi, found);
}

}  // namespace

void VerbEvents(const EventRules& rules, Analysis* a, ExtractionState* state, uint32_t sentence) {
  for (uint32_t p = a->sentence_phrase_begin[sentence]; p < a->sentence_phrase_begin[sentence + 1];
       ++p) {
    if (a->phrases[p].type == PhraseType::kVerb) CodeVerb(rules, a, state, p);
  }
}

}  // namespace palmyra
