#include "events/event_cleanup.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace palmyra {
namespace {

// Removes the events marked in `drop`, keeping the order of the rest.
void RemoveMarked(const std::vector<bool>& drop, std::vector<EventCandidate>* events) {
  size_t kept = 0;
  for (size_t i = 0; i < events->size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) (*events)[kept] = std::move((*events)[i]);
    ++kept;
  }
  events->resize(kept);
}

// Events are made sentence by sentence: [begin, end) of the run of events
// of the sentence of event i.
std::pair<size_t, size_t> SentenceRun(const std::vector<EventCandidate>& events, size_t i) {
  size_t begin = i, end = i + 1;
  while (begin > 0 && events[begin - 1].sentence == events[i].sentence) --begin;
  while (end < events.size() && events[end].sentence == events[i].sentence) ++end;
  return {begin, end};
}

// The noun phrase that holds token t, or -1.
int32_t NounPhraseOf(const Analysis& a, uint32_t sentence, uint32_t t) {
  const uint32_t s = sentence;
  for (uint32_t p = a.sentence_phrase_begin[s]; p < a.sentence_phrase_begin[s + 1]; ++p) {
    if (a.phrases[p].begin <= t && t < a.phrases[p].end)
      return a.phrases[p].type == PhraseType::kNoun ? static_cast<int32_t>(p) : -1;
  }
  return -1;
}

// Whether noun phrase q names what the clause of verb group v did its deed
// with or in: its subject ("Russian airstrikes killed"), its agent ("hit by
// a Turkish airstrike") or a phrase after "in", "by", "during", "with" in
// its clause ("killed in an airstrike").
bool IsMeansOf(const Analysis& a, const VerbGroup& v, int32_t q) {
  if (q < 0) return false;
  if ((q == v.subject && !v.passive) || q == v.by_agent) return true;
  const Phrase& np = a.phrases[q];
  if (np.begin < v.end || np.begin >= static_cast<uint32_t>(v.clause_end) || q == 0) return false;
  const Phrase& before = a.phrases[q - 1];
  if (before.type != PhraseType::kPreposition) return false;
  const std::string_view prep = a.Key(before.head);
  return prep == "in" || prep == "by" || prep == "during" || prep == "with";
}

// Whether relative clause v tells more of noun phrase p: its antecedent is
// p or a phrase of p's prepositional chain ("the chemical attack on Douma,
// which killed 50 people").
bool DescribesNoun(const Analysis& a, const VerbGroup& v, int32_t p) {
  if (p < 0 || (v.kind != ClauseKind::kRelative && v.kind != ClauseKind::kReducedRelative) ||
      v.subject < p) {
    return false;
  }
  for (int32_t q = p + 1; q <= v.subject; ++q) {
    const PhraseType t = a.phrases[q].type;
    if (t != PhraseType::kNoun && t != PhraseType::kPreposition) return false;
  }
  return true;
}

// How y tells part of the happening x tells.
enum class Part { kNone, kMeans, kCoordinated, kToll, kPurpose };

// Whether y tells part of the happening x tells, and x should absorb it:
// a weapon or attack named as the means of a violent verb, or a violent
// reduced relative on that means ("a missile fired by jets"), a violent verb
// coordinated with another that shares its subject ("killed 12 people and
// injured 40"), a relative clause that tells the toll of a violent noun
// or of what a violent verb struck, or a violent infinitive that tells what
// the violence was for ("fought alongside the army to push Isis out").
Part PartOf(const EventRules& rules, const Analysis& a, const EventCandidate& x,
            const EventCandidate& y) {
  if (x.sentence != y.sentence || x.trigger == y.trigger || !rules.IsViolent(x.cameo) ||
      !rules.IsViolent(y.cameo)) {
    return Part::kNone;
  }
  if (!x.noun && x.verb_group >= 0) {
    const VerbGroup& v = a.verb_groups[x.verb_group];
    if (v.main != x.trigger) return Part::kNone;
    if (y.noun)
      return IsMeansOf(a, v, NounPhraseOf(a, y.sentence, y.trigger)) ? Part::kMeans : Part::kNone;
    if (y.verb_group < 0) return Part::kNone;
    const VerbGroup& w = a.verb_groups[y.verb_group];
    // "killed by a missile fired by Russian jets": the firing is the means.
    const int32_t doer = v.passive ? v.by_agent : v.subject;
    if (w.main == y.trigger && w.kind == ClauseKind::kReducedRelative && w.subject >= 0 &&
        w.subject == doer) {
      return Part::kMeans;
    }
    if (y.verb_group <= x.verb_group) return Part::kNone;
    // "bombed the hospital, which killed 12", "launched a chemical attack
    // on Douma, which killed 43".
    if (w.main == y.trigger && DescribesNoun(a, w, v.object)) return Part::kToll;
    if (w.main == y.trigger && w.kind == ClauseKind::kInfinitive && w.governor == x.verb_group &&
        w.subject == v.subject && !v.passive) {
      return Part::kPurpose;
    }
    const bool coordinated = w.coordinated && w.main == y.trigger && w.subject == v.subject &&
                             (y.source_code.empty() || y.source_code == x.source_code);
    return coordinated ? Part::kCoordinated : Part::kNone;
  }
  if (x.noun && !y.noun && y.verb_group >= 0) {
    const VerbGroup& w = a.verb_groups[y.verb_group];
    const bool toll =
        w.main == y.trigger && DescribesNoun(a, w, NounPhraseOf(a, x.sentence, x.trigger));
    return toll ? Part::kToll : Part::kNone;
  }
  return Part::kNone;
}

// x takes in y: the actors x lacks, the evidence and y's clause (whose
// tolls count for x), and the code that says more: a weapon's ("killed in
// an airstrike" is an air strike), or that of the verb that names the
// victims when x names none, or an assault's when x is a general fight
// ("stormed the village and killed ten civilians" is 180); the first
// verb's otherwise ("killed three and wounded five" is a killing).
void Absorb(const EventRules& rules, Part part, const EventCandidate& y, EventCandidate* x) {
  const bool generic = rules.Has(x->cameo, CameoTrait::kUnspecified);
  const bool takes_code =
      part == Part::kMeans
          ? generic && !rules.Has(y.cameo, CameoTrait::kUnspecified) &&
                y.cameo.size() >= x->cameo.size()
          : part == Part::kCoordinated && generic &&
                ((x->target_code.empty() && !y.target_code.empty()) ||
                 // Of two general codes, an assault (18) says more than a
                 // fight (19): who suffered it.
                 (rules.Has(y.cameo, CameoTrait::kUnspecified) && CameoTable::Root(y.cameo) == 18 &&
                  CameoTable::Root(x->cameo) == 19));
  if (takes_code) {
    x->cameo = y.cameo;
    x->rule = y.rule;
  }
  if (x->source < 0 && x->source_code.empty()) {
    x->source = y.source;
    x->source_code = y.source_code;
  }
  if (x->target < 0 && x->target_code.empty()) {
    x->target = y.target;
    x->target_code = y.target_code;
  }
  x->evidence_begin = std::min(x->evidence_begin, y.evidence_begin);
  x->evidence_end = std::max(x->evidence_end, y.evidence_end);
  if (y.verb_group >= 0) x->joined_groups.push_back(y.verb_group);
  x->joined_groups.insert(x->joined_groups.end(), y.joined_groups.begin(), y.joined_groups.end());
}

}  // namespace

void JoinHappenings(const EventRules& rules, Analysis* a) {
  std::vector<bool> drop(a->events.size(), false);
  for (size_t i = 0; i < a->events.size(); ++i) {
    if (drop[i]) continue;
    const auto [begin, end] = SentenceRun(a->events, i);
    for (size_t j = begin; j < end; ++j) {
      const Part part =
          j == i || drop[j] ? Part::kNone : PartOf(rules, *a, a->events[i], a->events[j]);
      if (part == Part::kNone) continue;
      // Every event of x's trigger (A -> B and B -> A) takes y in.
      for (size_t k = begin; k < end; ++k) {
        if (!drop[k] && a->events[k].trigger == a->events[i].trigger)
          Absorb(rules, part, a->events[j], &a->events[k]);
      }
      const uint32_t absorbed = a->events[j].trigger;
      for (size_t k = begin; k < end; ++k) {
        if (a->events[k].trigger == absorbed) drop[k] = true;
      }
    }
  }
  RemoveMarked(drop, &a->events);
}

void DropSubsumed(Analysis* a) {
  auto subsumes = [](const EventCandidate& big, const EventCandidate& small) {
    if (big.sentence != small.sentence || big.cameo != small.cameo) return false;
    const bool source = small.source_code.empty() || small.source_code == big.source_code;
    const bool target = small.target_code.empty() || small.target_code == big.target_code;
    const bool less = (small.source_code.empty() && !big.source_code.empty()) ||
                      (small.target_code.empty() && !big.target_code.empty());
    return source && target && less;
  };
  std::vector<bool> drop(a->events.size(), false);
  for (size_t begin = 0, end; begin < a->events.size(); begin = end) {
    end = SentenceRun(a->events, begin).second;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = begin; j < end && !drop[i]; ++j) {
        if (i != j && !drop[j] && subsumes(a->events[j], a->events[i])) drop[i] = true;
      }
    }
  }
  RemoveMarked(drop, &a->events);
}

namespace {

// What a sentence names: a hazard (a disaster, an accident, a disease) and
// an attack or its doers.
struct HazardWords {
  bool hazard = false;
  bool attack = false;
};

HazardWords HazardWordsOf(const EventRules& rules, const Analysis& a, uint32_t s) {
  const SyntaxLexicon& words = rules.lexicon();
  HazardWords found;
  const Sentence& sentence = a.sentences[s];
  for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
    const Token& token = a.tokens[t];
    const std::string_view key = a.Key(t);
    auto is = [&](WordRole role) { return words.Is(key, role) || words.Is(token.lemma, role); };
    if (is(WordRole::kAttackWord)) found.attack = true;
    if (IsVerb(token.tag) && is(WordRole::kHazardVerb)) found.hazard = true;  // "a bus crashed"
    if (!IsNoun(token.tag)) continue;
    if (is(WordRole::kHazard)) found.hazard = true;
    // "a fire", "the huge blaze"; not "opened fire", "came under fire".
    if (is(WordRole::kHazardAfterArticle) && t > sentence.token_begin) {
      const PosTag before = a.tokens[t - 1].tag;
      if (before == PosTag::DT || IsAdjective(before)) found.hazard = true;
    }
  }
  return found;
}

}  // namespace

void DropHazards(const EventRules& rules, Analysis* a) {
  std::vector<bool> drop(a->events.size(), false);
  std::vector<int8_t> cache(a->sentences.size() * 2, -1);  // per sentence: hazard, attack
  auto words = [&](uint32_t s) {
    if (cache[2 * s] < 0) {
      const HazardWords w = HazardWordsOf(rules, *a, s);
      cache[2 * s] = w.hazard;
      cache[2 * s + 1] = w.attack;
    }
    return HazardWords{cache[2 * s] == 1, cache[2 * s + 1] == 1};
  };
  for (size_t i = 0; i < a->events.size(); ++i) {
    const EventCandidate& c = a->events[i];
    // Violence, and destruction ("the fire destroyed the buildings").
    const CameoEntry* entry = rules.cameo().Find(c.cameo);
    const bool violent =
        rules.IsViolent(c.cameo) ||
        (entry != nullptr && (entry->plover_type == "ASSAULT" || entry->plover_mode == "destroy"));
    if (c.source >= 0 || !c.source_code.empty() || !violent) continue;
    const HazardWords own = words(c.sentence);
    if (own.attack) continue;
    // "A strong earthquake struck the province. Twenty people were killed."
    const bool hazard = own.hazard || (c.sentence > 0 && words(c.sentence - 1).hazard &&
                                       !words(c.sentence - 1).attack);
    if (hazard) drop[i] = true;
  }
  RemoveMarked(drop, &a->events);
}

void DropSportEvents(const EventRules& rules, Analysis* a) {
  if (a->events.empty()) return;
  const SyntaxLexicon& words = rules.lexicon();
  size_t sport = 0, attack = 0;
  std::vector<std::string_view> kinds;  // the different words of sport
  constexpr auto kSport = static_cast<uint64_t>(WordRole::kSport);
  constexpr auto kAttack = static_cast<uint64_t>(WordRole::kAttackWord);
  for (uint32_t t = 0; t < a->tokens.size(); ++t) {
    const std::string_view key = a->Key(t), lemma = a->tokens[t].lemma;
    const uint64_t roles = words.RolesOf(key) | (lemma != key ? words.RolesOf(lemma) : 0);
    if (roles & kAttack) ++attack;
    if (!(roles & kSport)) continue;
    ++sport;
    if (std::find(kinds.begin(), kinds.end(), lemma) == kinds.end()) kinds.push_back(lemma);
  }
  // An attack at a match is news of an attack: its words outnumber sport's.
  if (sport < 3 || kinds.size() < 2 || sport * 200 < a->tokens.size() || attack >= sport) return;
  const ActorCodes& codes = rules.codes();
  auto authority = [&](int32_t actor, const std::string& code) {
    const std::string& used = !code.empty() || actor < 0 ? code : a->actors[actor].code;
    return !used.empty() && codes.HasTag(codes.Sector(used), "authority");
  };
  std::vector<bool> drop(a->events.size(), false);
  for (size_t i = 0; i < a->events.size(); ++i) {
    const EventCandidate& c = a->events[i];
    drop[i] = !authority(c.source, c.source_code) && !authority(c.target, c.target_code);
  }
  RemoveMarked(drop, &a->events);
}

}  // namespace palmyra
