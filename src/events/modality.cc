#include "events/modality.h"

namespace palmyra {
namespace {

// "would" in reported speech is the future seen from the past: "he said
// they would attack".
bool OnlyFutureInPast(const EventRules& rules, const Analysis& a, const VerbGroup& g) {
  for (uint32_t i = g.begin; i < g.end; ++i) {
    if (a.tokens[i].tag == PosTag::MD && !rules.lexicon().Is(a.Key(i), WordRole::kFutureInPast)) {
      return false;
    }
  }
  return true;
}

// An infinitive after a noun of intention, possibility or refusal: "plans
// to withdraw" are for the future, "a threat to attack" may not happen,
// "its refusal to end its backing" does not.
void NounGoverned(const EventRules& rules, const Analysis& a, const VerbGroup& g,
                  ModalityFlags* f) {
  if (g.kind != ClauseKind::kInfinitive || g.phrase == 0) return;
  const Phrase& before = a.phrases[g.phrase - 1];
  if (before.type != PhraseType::kNoun || before.end != g.begin) return;
  const std::string_view lemma = a.tokens[before.head].lemma;
  f->future |= rules.lexicon().Is(lemma, WordRole::kFutureNoun);
  f->hypothetical |= rules.lexicon().Is(lemma, WordRole::kHypotheticalNoun);
  f->negated |= rules.lexicon().Is(lemma, WordRole::kNegativeNoun);
}

// Infinitives, participles and complements take the modality their
// governor gives them: "refused to withdraw", "threatened to attack",
// "plans to attack", "demanded that Israel withdraw".
void Inherit(const EventRules& rules, const Analysis& a, const VerbGroup& g, ModalityFlags* f) {
  const SyntaxLexicon& lexicon = rules.lexicon();
  NounGoverned(rules, a, g, f);
  const VerbGroup* walk = &g;
  for (int depth = 0; depth < 4 && walk->governor >= 0; ++depth) {
    const bool complement = walk->kind == ClauseKind::kComplement;
    if (walk->kind != ClauseKind::kInfinitive && walk->kind != ClauseKind::kParticiple &&
        !complement)
      break;
    const VerbGroup& gov = a.verb_groups[walk->governor];
    const std::string_view lemma = a.tokens[gov.main].lemma;
    const bool maybe = lexicon.Is(lemma, WordRole::kHypotheticalGovernor) ||
                       lexicon.Is(lemma, WordRole::kObjectControl);
    if (complement) {
      // "demanded that Israel withdraw"; "denied that its jets had bombed".
      f->hypothetical |= maybe;
      f->denied |= lexicon.Is(lemma, WordRole::kDenial);
      f->negated |= f->denied;
      break;
    }
    if (lexicon.Is(lemma, WordRole::kNegativeGovernor) || lexicon.Is(lemma, WordRole::kDenial)) {
      f->negated = true;
      f->denied |= lexicon.Is(lemma, WordRole::kDenial);
    } else if (maybe) {
      f->hypothetical = true;
    } else if (lexicon.Is(lemma, WordRole::kFutureGovernor)) {
      f->future = true;
    }
    f->negated |= gov.negated;
    f->hypothetical |= gov.hypothetical;
    f->future |= gov.future;
    walk = &gov;
  }
}

}  // namespace

ModalityFlags ModalityOf(const EventRules& rules, const Analysis& a, int32_t vi) {
  const VerbGroup& g = a.verb_groups[vi];
  ModalityFlags f;
  f.negated = g.negated;
  f.hypothetical = g.hypothetical;
  f.future = g.future;
  f.reported = g.reported_by >= 0 || g.according_to >= 0 ||
               (a.tokens[g.main].flags & kTokInQuote) != 0 || Accuser(rules, a, vi) >= 0;
  if (f.hypothetical && f.reported && g.kind != ClauseKind::kConditional &&
      OnlyFutureInPast(rules, a, g)) {
    f.hypothetical = false;
    f.future = true;
  }
  Inherit(rules, a, g, &f);
  // "Nigeria will withdraw its force unless the president ...": a finite
  // verb's clause followed by one opening with "unless", with no other
  // finite verb or clause opener ("that", "who") between them.
  for (uint32_t p = g.phrase + 1; g.finite && p < a.sentence_phrase_begin[g.sentence + 1]; ++p) {
    const Phrase& ph = a.phrases[p];
    if (ph.type != PhraseType::kVerb) {
      if (rules.lexicon().Is(a.Key(ph.head), WordRole::kRelative)) break;
      continue;
    }
    const VerbGroup& w = a.verb_groups[ph.verb_group];
    if (w.kind == ClauseKind::kConditional) {
      f.ultimatum = (w.governor == vi || w.governor < 0) && w.opener >= 0 &&
                    rules.lexicon().Is(a.Key(a.phrases[w.opener].head), WordRole::kUltimatum);
      break;
    }
    if (w.finite) break;
  }
  // "Unless talks resume, Israel will attack": or a main clause after one
  // right before it.
  for (uint32_t p = g.phrase;
       g.kind == ClauseKind::kMain && p-- > a.sentence_phrase_begin[g.sentence] && !f.ultimatum;) {
    if (a.phrases[p].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[p].verb_group];
    if (w.kind != ClauseKind::kConditional) break;
    f.ultimatum = (w.governor == vi || w.governor < 0) && w.opener >= 0 &&
                  rules.lexicon().Is(a.Key(a.phrases[w.opener].head), WordRole::kUltimatum);
  }
  return f;
}

int32_t Accuser(const EventRules& rules, const Analysis& a, int32_t vi) {
  if (vi < 0) return -1;
  const VerbGroup& g = a.verb_groups[vi];
  if (g.kind != ClauseKind::kParticiple || g.governor < 0) return -1;
  const VerbGroup& gov = a.verb_groups[g.governor];
  if (!rules.lexicon().Is(a.tokens[gov.main].lemma, WordRole::kAllegation) || gov.subject < 0)
    return -1;
  return gov.subject;
}

int32_t AttributionOf(const EventRules& rules, const Analysis& a, int32_t vi) {
  if (vi < 0) return -1;
  // "Kyiv accused Russia of blocking inspections": Kyiv says so.
  if (const int32_t accuser = Accuser(rules, a, vi); accuser >= 0) return accuser;
  const VerbGroup& g = a.verb_groups[vi];
  if (g.reported_by >= 0) return a.verb_groups[g.reported_by].subject;
  if (g.according_to >= 0) return g.according_to;
  return -1;
}

std::string RecodeByModality(const EventRules& rules, const std::string& code, bool has_source,
                             ModalityFlags* flags) {
  using Kind = ModalityCodes::Kind;
  // "will attack unless ...", "won't back the bid unless ...": conflict, or
  // cooperation withheld, unless something happens is a threat (what
  // happened is the threat): material conflict's threat code from the
  // future table (19 is 138), else a threat not specified (130).
  // Cooperation offered on a condition stays what it is.
  const int quad = CameoTable::QuadClass(code);
  if (flags->ultimatum && has_source && (flags->negated || quad >= 3)) {
    std::string threat = quad == 4 ? rules.modality_codes().Recode(Kind::kFuture, code) : "";
    if (threat.empty()) threat = "130";
    flags->future = flags->hypothetical = flags->negated = false;
    return threat;
  }
  if (flags->negated && !flags->denied) {
    const std::string recoded = rules.modality_codes().Recode(Kind::kNegated, code);
    if (recoded.empty()) return code;
    flags->negated = false;  // the refusal itself is what happened, now
    flags->future = false;
    return recoded;
  }
  if (flags->future && !flags->hypothetical && has_source && rules.conventions().future_as_intent) {
    const std::string recoded = rules.modality_codes().Recode(Kind::kFuture, code);
    if (!recoded.empty()) return recoded;
  }
  return code;
}

}  // namespace palmyra
