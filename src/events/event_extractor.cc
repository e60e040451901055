#include "events/event_extractor.h"

#include <algorithm>
#include <bitset>
#include <optional>
#include <tuple>

#include "core/strings.h"
#include "events/cameo_table.h"
#include "syntax/clauses.h"

namespace palmyra {
namespace {

// Longest evidence span kept whole; longer ones shrink to the trigger's clause.
constexpr uint32_t kMaxEvidenceTokens = 60;

// Actors numbered kNewActor, kNewActor - 1, ... in Emit are PETRARCH's new
// actors: phrases that name no known actor, coded by their words.
constexpr int32_t kNewActor = -2;

// The words of noun phrase p and of an "of" phrase after it, upper case and
// in quotes as PETRARCH writes a new actor ("\"THE MINISTRY OF MAGIC\""),
// without possessive endings; empty when they are more than `limit`.
std::string NewActorWords(const Analysis& a, uint32_t p, uint32_t phrases_end, int limit) {
  std::vector<uint32_t> parts{p};
  if (p + 2 < phrases_end && a.phrases[p + 1].type == PhraseType::kPreposition &&
      a.Key(a.phrases[p + 1].head) == "of" && a.phrases[p + 2].type == PhraseType::kNoun) {
    parts.push_back(p + 1);
    parts.push_back(p + 2);
  }
  std::string out;
  int words = 0;
  for (uint32_t q : parts) {
    for (uint32_t t = a.phrases[q].begin; t < a.phrases[q].end; ++t) {
      const Token& token = a.tokens[t];
      if (token.tag == PosTag::POS || IsPunctuation(token.tag)) continue;
      if (++words > limit) return "";
      out += out.empty() ? "\"" : " ";
      out += AsciiUppercase(a.Form(token));
    }
  }
  return out.empty() ? out : out + "\"";
}

bool IsHardBoundary(std::string_view f) { return f == ";" || f == ":" || f == "--"; }

// 1-20 for a CAMEO code; 0 for codes of other schemes ("075A").
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

int CameoRoot(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return 0;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root <= 20 ? root : 0;
}

}  // namespace

EventExtractor::EventExtractor(const PatternDictionary* dictionary, const SyntaxLexicon* lexicon,
                               const ActorCodes* codes, const ModalityCodes* modality_codes)
    : dictionary_(dictionary), lexicon_(lexicon), codes_(codes), modality_codes_(modality_codes) {
  light_verbs_ = dictionary->SynsetId("LIGHTVERB");
  light_heads_ = dictionary->SynsetId("LIGHTHEAD");
  instruments_ = dictionary->SynsetId("INSTRUMENT");
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
}

bool EventExtractor::Best(const PatternMatcher& matcher, const Analysis& a, uint32_t t, bool noun,
                          uint32_t lo, uint32_t hi, Found* found) const {
  std::vector<int32_t> triggers;
  dictionary_->TriggersAt(a, t, noun, &triggers);
  std::stable_sort(triggers.begin(), triggers.end(), [&](int32_t x, int32_t y) {
    return dictionary_->trigger(x).words.size() > dictionary_->trigger(y).words.size();
  });
  const uint32_t sentence_end = a.sentences[a.phrases[matcher.PhraseAt(t)].sentence].token_end;
  bool any = false;
  for (int32_t id : triggers) {
    const Trigger& trigger = dictionary_->trigger(id);
    const uint32_t end = matcher.MatchTrigger(trigger, t, sentence_end);
    if (end == 0) continue;
    const PatternBlock& block = dictionary_->block(trigger.block);
    if (!any) {
      found->code = trigger.has_code ? trigger.code : block.code;
      found->alternate = trigger.has_code ? trigger.alternate : block.alternate;
      found->rule = trigger.rule;
      found->specificity = -1;
      found->trigger_end = end;
      found->block = trigger.block;
      any = true;
    }
    for (int32_t pid : block.patterns) {
      const Pattern& pattern = dictionary_->pattern(pid);
      if (pattern.specificity <= found->specificity) continue;
      PatternMatch m;
      // The verb's words before it ("wire" of "wire tap") belong to it.
      const uint32_t begin = t - static_cast<uint32_t>(trigger.before.size());
      if (matcher.Match(pattern, begin, end, lo, std::max(hi, end), &m)) {
        // TABARI's [+++]: the pattern matches but the verb keeps its own code.
        const bool keep = pattern.code == "+++";
        found->code = keep ? (trigger.has_code ? trigger.code : block.code) : pattern.code;
        found->alternate =
            keep ? (trigger.has_code ? trigger.alternate : block.alternate) : pattern.alternate;
        found->rule = pattern.rule;
        found->specificity = pattern.specificity;
        found->match = std::move(m);
        found->trigger_end = end;
        found->block = trigger.block;
      }
    }
  }
  return any;
}

bool EventExtractor::OwnedBySubject(const Analysis& a, const PhraseActor& x, uint32_t verb_phrase,
                                    int32_t subject) {
  // "Mordor and Bree welcomed their resumption of ties with Osgiliath": a
  // thing of the subject's, named through a possessive, is not whom the
  // verb acts on.
  if (subject < 0 || x.pronoun < 0 || a.tokens[x.pronoun].tag != PosTag::PRP_S || x.antecedent < 0)
    return false;
  const PhraseActor& owner = a.actors[x.antecedent];
  if (owner.code != x.code) return false;  // "its troops": the owner's forces
  if (owner.phrase == static_cast<uint32_t>(subject)) return true;
  // One of the subject's conjuncts or complements ("the ambassadors of
  // Arnor and Gondor presented their credentials"): noun phrases,
  // prepositions, commas and "and" up to the verb.
  if (owner.phrase < static_cast<uint32_t>(subject) || owner.phrase >= verb_phrase) return false;
  for (uint32_t q = static_cast<uint32_t>(subject); q < verb_phrase; ++q) {
    if (a.phrases[q].type == PhraseType::kVerb) return false;
  }
  return true;
}

bool EventExtractor::IsObjectOf(const Analysis& a, const VerbGroup& v, uint32_t p, uint32_t pb,
                                uint32_t pe) const {
  if (v.object < 0) return false;
  const uint32_t object = static_cast<uint32_t>(v.object);
  if (object == p) return true;
  const auto list = CoordinatedPhrases(a, object, pb, pe);
  if (std::find(list.begin(), list.end(), p) != list.end()) return true;
  // "hundreds of strikes": the counted noun is the real object.
  const Token& head = a.tokens[a.phrases[object].head];
  return p == object + 2 && a.phrases[object + 1].type == PhraseType::kPreposition &&
         a.Key(a.phrases[object + 1].head) == "of" &&
         (head.tag == PosTag::CD || lexicon_->Is(head.lemma, WordRole::kQuantity));
}

bool EventExtractor::IsLightVerb(const Analysis& a, const PatternMatcher& matcher,
                                 const VerbGroup& v) const {
  uint32_t end;
  return matcher.MatchSynset(light_verbs_, v.main, v.end + 2, &end);
}

bool EventExtractor::InSet(const std::vector<int32_t>& set, const Token& t) const {
  return std::find(set.begin(), set.end(), t.word_id) != set.end();
}

int32_t EventExtractor::PrepositionalTarget(const Analysis& a, const PatternMatcher& matcher,
                                            uint32_t from, uint32_t to, bool noun,
                                            bool* locative) const {
  *locative = false;
  if (from >= to || from >= a.tokens.size()) return -1;
  for (int32_t p = matcher.PhraseAt(from); p >= 0 && p < static_cast<int32_t>(a.phrases.size());
       ++p) {
    const Phrase& ph = a.phrases[p];
    if (ph.begin >= to) break;
    if (ph.type == PhraseType::kVerb) {
      // Look past an infinitive ("offered to negotiate with Armenia").
      if (a.verb_groups[ph.verb_group].kind == ClauseKind::kInfinitive) continue;
      break;
    }
    if (ph.type == PhraseType::kOther && IsHardBoundary(a.Form(ph.head))) break;
    if (ph.type != PhraseType::kPreposition || p + 1 >= static_cast<int32_t>(a.phrases.size()))
      continue;
    const Phrase& np = a.phrases[p + 1];
    if (np.type != PhraseType::kNoun || np.begin >= to || a.ActorOf(p + 1) == nullptr) continue;
    // Does the preposition introduce a target ("against", "on") or a place ("in")?
    if (InSet(noun ? noun_target_prepositions_ : target_prepositions_, a.tokens[ph.head]))
      return p + 1;
    if (InSet(locative_prepositions_, a.tokens[ph.head])) *locative = true;
  }
  return -1;
}

EventExtractor::ModalityFlags EventExtractor::ModalityOf(const Analysis& a, int32_t vi) const {
  const VerbGroup& g = a.verb_groups[vi];
  ModalityFlags f;
  f.negated = g.negated;
  f.hypothetical = g.hypothetical;
  f.future = g.future;
  f.reported = g.reported_by >= 0 || g.according_to >= 0 ||
               (a.tokens[g.main].flags & kTokInQuote) != 0 || Accuser(a, vi) >= 0;
  // "would" in reported speech is the future seen from the past.
  if (f.hypothetical && f.reported) {
    bool only_would = true;
    for (uint32_t i = g.begin; i < g.end; ++i) {
      if (a.tokens[i].tag == PosTag::MD && a.Key(i) != "would" && a.Key(i) != "'d")
        only_would = false;
    }
    if (only_would && g.kind != ClauseKind::kConditional) {
      f.hypothetical = false;
      f.future = true;
    }
  }
  // Infinitives, participles and complements take the modality their
  // governor gives them: "refused to withdraw", "threatened to attack",
  // "plans to attack", "demanded that Israel withdraw".
  const VerbGroup* walk = &g;
  for (int depth = 0; depth < 4 && walk->governor >= 0; ++depth) {
    const bool complement = walk->kind == ClauseKind::kComplement;
    if (walk->kind != ClauseKind::kInfinitive && walk->kind != ClauseKind::kParticiple &&
        !complement)
      break;
    const VerbGroup& gov = a.verb_groups[walk->governor];
    const std::string_view lemma = a.tokens[gov.main].lemma;
    if (complement) {
      if (lexicon_->Is(lemma, WordRole::kHypotheticalGovernor) ||
          lexicon_->Is(lemma, WordRole::kObjectControl)) {
        f.hypothetical = true;
      }
      break;
    }
    if (lexicon_->Is(lemma, WordRole::kNegativeGovernor) ||
        lexicon_->Is(lemma, WordRole::kDenial)) {
      f.negated = true;
    } else if (lexicon_->Is(lemma, WordRole::kHypotheticalGovernor) ||
               lexicon_->Is(lemma, WordRole::kObjectControl)) {
      f.hypothetical = true;
    } else if (lexicon_->Is(lemma, WordRole::kFutureGovernor)) {
      f.future = true;
    }
    f.negated |= gov.negated;
    f.hypothetical |= gov.hypothetical;
    f.future |= gov.future;
    walk = &gov;
  }
  return f;
}

std::string EventExtractor::Requested(const Analysis& a, const PatternMatcher& matcher,
                                      const std::string& code, const VerbGroup& asked,
                                      uint32_t lo) const {
  if (code != "100" && code != "020") return code;  // already specific
  if (asked.negated) return code;  // "demanded that Israel not ..." has no code of its own
  Found what;
  const uint32_t hi = std::max<uint32_t>(static_cast<uint32_t>(asked.clause_end), asked.end);
  if (!Best(matcher, a, asked.main, /*noun=*/false, lo, hi, &what) || what.code.empty()) {
    // "urged Moscow to extend the agreement": the object names it.
    what.code.clear();
    if (asked.object >= 0) {
      const Phrase& object = a.phrases[asked.object];
      for (uint32_t t = object.begin; t <= object.head && what.code.empty(); ++t) {
        Found noun;
        if (Best(matcher, a, t, /*noun=*/true, lo, hi, &noun) &&
            noun.trigger_end == object.head + 1) {
          what = std::move(noun);
        }
      }
    }
    if (what.code.empty()) return code;
  }
  const std::string demand = modality_codes_->Recode(ModalityCodes::Kind::kObligation, what.code);
  if (demand.size() < 3 || !StartsWith(demand, "10")) return code;
  // An appeal (02x) mirrors the demand (10x): 1056 -> 0256.
  return code == "020" ? "02" + demand.substr(2) : demand;
}

std::string EventExtractor::DomesticTarget(const PhraseActor& source, const PhraseActor& target,
                                           int root, const std::string& target_code) const {
  // "Russian police arrested the opposition leader": the state represses at
  // home; "Iraqis protested against the government": people protest their own.
  if (source.country.empty() || !target.country.empty() || target.sector.empty() ||
      target_code != target.code) {
    return target_code;
  }
  const bool state = codes_->HasTag(source.sector, "state");
  const bool repression = root == 17 && state && codes_->HasTag(target.sector, "civic");
  const bool protest = root == 14 && !state && codes_->HasTag(target.sector, "authority");
  return repression || protest ? source.country + target.code : target_code;
}

void EventExtractor::MergeWeaponSubjects(Analysis* a) const {
  // "Russian airstrikes killed 20 civilians": the airstrikes and the killing
  // are one event, RUS -> CVL, coded as the more specific of the two (195).
  std::vector<bool> drop(a->events.size(), false);
  for (size_t i = 0; i < a->events.size(); ++i) {
    EventCandidate& verb = a->events[i];
    const int root = CameoRoot(verb.cameo);
    if (verb.verb_group < 0 || root < 18 || root > 20) continue;
    const VerbGroup& v = a->verb_groups[verb.verb_group];
    if (v.main != verb.trigger || v.subject < 0 || v.passive) continue;
    const uint32_t head = a->phrases[v.subject].head;
    // Events are made sentence by sentence: look only at this sentence's.
    size_t j = i;
    while (j > 0 && a->events[j - 1].sentence == verb.sentence) --j;
    for (; j < a->events.size() && a->events[j].sentence == verb.sentence; ++j) {
      EventCandidate& noun = a->events[j];
      if (j == i || drop[j] || noun.trigger != head || !noun.target_code.empty()) continue;
      const int noun_root = CameoRoot(noun.cameo);
      if (noun_root < 18 || noun_root > 20) continue;
      // The noun's code says how; a generic killing or attack takes it.
      if ((verb.cameo == "180" || verb.cameo == "190") && noun.cameo.size() >= verb.cameo.size() &&
          noun.cameo != "190") {
        verb.cameo = noun.cameo;
        verb.rule = noun.rule;
      }
      verb.evidence_begin = std::min(verb.evidence_begin, noun.evidence_begin);
      drop[j] = true;
    }
  }
  RemoveMarked(drop, &a->events);
}

void EventExtractor::DropSubsumed(Analysis* a) {
  // "The army killed 15 militants in the fighting": "MIL -> - 190" from the
  // fighting says less than "MIL -> REB 190" from the killing, in the same
  // sentence; keep the one that says more.
  auto subsumes = [](const EventCandidate& big, const EventCandidate& small) {
    if (big.sentence != small.sentence || big.cameo != small.cameo) return false;
    const bool source = small.source_code.empty() || small.source_code == big.source_code;
    const bool target = small.target_code.empty() || small.target_code == big.target_code;
    const bool less = (small.source_code.empty() && !big.source_code.empty()) ||
                      (small.target_code.empty() && !big.target_code.empty());
    return source && target && less;
  };
  // Events are made sentence by sentence: compare within each run.
  std::vector<bool> drop(a->events.size(), false);
  for (size_t begin = 0, end; begin < a->events.size(); begin = end) {
    end = begin + 1;
    while (end < a->events.size() && a->events[end].sentence == a->events[begin].sentence) ++end;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = begin; j < end && !drop[i]; ++j) {
        if (i != j && !drop[j] && subsumes(a->events[j], a->events[i])) drop[i] = true;
      }
    }
  }
  RemoveMarked(drop, &a->events);
}

bool EventExtractor::IsArmed(const PhraseActor& x) const {
  return codes_->HasTag(x.sector, "armed") || codes_->HasTag(x.country, "armed");
}

bool EventExtractor::IsOwnForce(const Analysis& a, const PhraseActor& source,
                                const PhraseActor& target) const {
  if (target.country.empty() || target.country != source.country) return false;
  if (target.pronoun >= 0 && a.tokens[target.pronoun].tag == PosTag::PRP_S) return true;
  return target.antecedent >= 0 && target.code == source.code;
}

int32_t EventExtractor::Accuser(const Analysis& a, int32_t vi) const {
  if (vi < 0) return -1;
  const VerbGroup& g = a.verb_groups[vi];
  if (g.kind != ClauseKind::kParticiple || g.governor < 0) return -1;
  const VerbGroup& gov = a.verb_groups[g.governor];
  if (!lexicon_->Is(a.tokens[gov.main].lemma, WordRole::kAllegation) || gov.subject < 0) return -1;
  return gov.subject;
}

int32_t EventExtractor::AttributionOf(const Analysis& a, int32_t vi) const {
  if (vi < 0) return -1;
  // "Kyiv accused Russia of blocking inspections": Kyiv says so.
  if (const int32_t accuser = Accuser(a, vi); accuser >= 0) return accuser;
  const VerbGroup& g = a.verb_groups[vi];
  if (g.reported_by >= 0) return a.verb_groups[g.reported_by].subject;
  if (g.according_to >= 0) return g.according_to;
  return -1;
}

void EventExtractor::Emit(Analysis* a, Context* context, const Found& found, const Roles& roles,
                          int32_t vg, uint32_t sentence, uint32_t trigger) const {
  const uint32_t pb = a->sentence_phrase_begin[sentence];
  const uint32_t pe = a->sentence_phrase_begin[sentence + 1];
  // PETRARCH's new_actor_length: a phrase naming no known actor, of up to
  // that many words, is an actor coded by its own words. Such actors are
  // numbered -2, -3, ... (kNewActor - k) here.
  std::vector<std::string> new_actors;
  auto named = [](int32_t i) { return i >= 0 || i <= kNewActor; };
  auto actors_of = [&](int32_t phrase) {
    std::vector<int32_t> out;
    if (phrase < 0) return out;
    for (uint32_t p : CoordinatedPhrases(*a, static_cast<uint32_t>(phrase), pb, pe)) {
      auto [lo, hi] = a->ActorsOf(p);
      // PETRARCH: a noun phrase that names no one stands for the actor of
      // its "of" phrase ("goats of Gondor" is Gondor).
      if (lo == hi && petrarch_ && p + 2 < pe &&
          a->phrases[p + 1].type == PhraseType::kPreposition &&
          a->Key(a->phrases[p + 1].head) == "of") {
        std::tie(lo, hi) = a->ActorsOf(p + 2);
      }
      if (lo == hi && new_actor_length_ > 0) {
        std::string words = NewActorWords(*a, p, pe, new_actor_length_);
        if (!words.empty()) {
          out.push_back(kNewActor - static_cast<int32_t>(new_actors.size()));
          new_actors.push_back(std::move(words));
        }
      }
      for (size_t i = lo; i < hi; ++i) out.push_back(static_cast<int32_t>(i));
    }
    return out;
  };
  std::vector<std::pair<int32_t, int32_t>> pairs;
  int32_t source_phrase = roles.source;
  if (roles.compound >= 0) {
    const std::vector<int32_t> all = actors_of(roles.compound);
    for (int32_t x : all) {
      for (int32_t y : all) {
        if (x != y) pairs.push_back({x, y});
      }
    }
    // "He met Tebboune": a single actor where partners may stand is the source.
    if (all.size() == 1 && source_phrase < 0) source_phrase = roles.compound;
  }
  if (pairs.empty()) {
    std::vector<int32_t> sources = actors_of(source_phrase);
    std::vector<int32_t> targets =
        roles.target_locative ? std::vector<int32_t>{} : actors_of(roles.target);
    // "Armenia and Azerbaijan resumed talks": meeting, negotiating, agreeing
    // and cooperating with no one else named is done with each other.
    const int mutual_root = CameoRoot(found.code);
    if (targets.empty() && sources.size() >= 2 && roles.target < 0 &&
        (mutual_root == 3 || mutual_root == 4 || mutual_root == 6 ||
         StartsWith(found.code, "057"))) {
      for (int32_t x : sources) {
        for (int32_t y : sources) {
          if (x != y && x >= 0 && y >= 0 && a->actors[x].code != a->actors[y].code)
            pairs.push_back({x, y});
        }
      }
    }
    if (sources.empty() && targets.empty() && !roles.actorless_ok) return;
    if (pairs.empty()) {
      if (sources.empty()) sources.push_back(-1);
      if (targets.empty()) targets.push_back(-1);
      for (int32_t x : sources) {
        for (int32_t y : targets) {
          if (x >= 0 && x == y) continue;
          pairs.push_back({x, y});
        }
      }
    }
  }
  // An intention or a threat needs someone who intends or threatens.
  const bool roles_have_source =
      std::any_of(pairs.begin(), pairs.end(), [](const auto& p) { return p.first >= 0; });
  ModalityFlags flags;
  if (vg >= 0) {
    flags = ModalityOf(*a, vg);
  } else {
    flags.reported = (a->tokens[trigger].flags & kTokInQuote) != 0;
  }
  // CAMEO codes intended and refused cooperation as intent and rejection.
  std::string code = found.code;
  const int root = CameoRoot(code);
  if (flags.negated && root >= 3 && root <= 8) {
    const std::string recoded = modality_codes_->Recode(ModalityCodes::Kind::kNegated, code);
    if (!recoded.empty()) {
      code = recoded;
      flags.negated = false;  // the refusal itself is what happened, now
      flags.future = false;
    }
  } else if (flags.future && !flags.negated && !flags.hypothetical && roles_have_source &&
             ((root >= 4 && root <= 8) || root >= 14)) {
    const std::string recoded = modality_codes_->Recode(ModalityCodes::Kind::kFuture, code);
    if (!recoded.empty()) code = recoded;
  }
  const Modality modality = flags.Resolve();
  const int32_t attribution = AttributionOf(*a, vg);
  const Sentence& s = a->sentences[sentence];
  for (const auto& pair : pairs) {
    const int32_t x = pair.first;
    int32_t y = pair.second;
    // The source's own forces are not its target: "China put its troops on
    // alert", "the Pentagon deployed more troops".
    // "militants attacked their convoy": no one is violent to itself.
    const bool self_violence = x >= 0 && y >= 0 && root >= 18 && root <= 20 &&
                               a->actors[y].pronoun >= 0 &&
                               a->tokens[a->actors[y].pronoun].tag == PosTag::PRP_S &&
                               a->actors[y].code == a->actors[x].code;
    if (self_violence || (x >= 0 && y >= 0 && IsOwnForce(*a, a->actors[x], a->actors[y]))) {
      if (pairs.size() > 1) continue;
      y = -1;
    }
    EventCandidate c;
    c.sentence = sentence;
    c.trigger = trigger;
    c.noun = found.noun;
    c.specificity = found.specificity;
    c.verb_group = vg;
    c.source = std::max(x, -1);
    c.target = std::max(y, -1);
    if (x >= 0) c.source_code = a->actors[x].code;
    if (x <= kNewActor) c.source_code = new_actors[kNewActor - x];
    if (y <= kNewActor) c.target_code = new_actors[kNewActor - y];
    if (y >= 0) {
      const PhraseActor& t = a->actors[y];
      // A country or capital that is acted upon materially (bombed, given
      // aid) is the country, not its government; spoken to, it is the government.
      const int quad = CameoTable::QuadClass(code);
      c.target_code =
          t.place_like && !t.country.empty() && (quad == 2 || quad == 4) ? t.country : t.code;
    }
    if (x >= 0 && y >= 0 && c.source_code == c.target_code &&
        a->actors[x].phrase == a->actors[y].phrase) {
      continue;
    }
    if (x >= 0 && y >= 0)
      c.target_code = DomesticTarget(a->actors[x], a->actors[y], root, c.target_code);

    // Violence between companies, courts or journalists is a figure of
    // speech ("Yukos fought the bid", "hit the competitiveness of ...").
    if ((root >= 18 && root <= 20) && (x >= 0 || y >= 0)) {
      bool civil_only = true;
      for (int32_t i : {x, y}) {
        if (i >= 0 && !codes_->IsNonviolent(a->actors[i].sector)) civil_only = false;
      }
      if (civil_only) continue;
    }
    c.cameo = code;
    c.pattern_code = found.code;
    // Killing armed men is combat, not violence against civilians: "troops
    // killed 15 Boko Haram fighters", "militants killed two soldiers".
    if (code == "180" && y >= 0 && IsArmed(a->actors[y])) c.cameo = "190";
    c.rule = found.rule;
    c.modality = modality;
    c.attribution = attribution;
    // Evidence: from the first to the last of trigger and actors.
    uint32_t begin = trigger, end = std::max(found.trigger_end, trigger + 1);
    for (int32_t i : {x, y}) {
      if (i < 0) continue;
      begin = std::min(begin, a->actors[i].begin);
      end = std::max(end, a->actors[i].end);
    }
    if (end - begin > kMaxEvidenceTokens && vg >= 0) {
      begin = std::min(trigger, a->verb_groups[vg].begin);
      end = std::max(end, static_cast<uint32_t>(a->verb_groups[vg].clause_end));
      end = std::min(end, begin + kMaxEvidenceTokens);
    }
    c.evidence_begin = std::max(begin, s.token_begin);
    c.evidence_end = std::min(end, s.token_end);
    // One event per (source, target, code) in a sentence.
    bool duplicate = false;
    for (auto e = a->events.rbegin(); e != a->events.rend() && e->sentence == sentence; ++e) {
      if (e->cameo == c.cameo && e->source_code == c.source_code &&
          e->target_code == c.target_code) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    // PETRARCH's [A:B]: B is what the target does in turn ("arrived in
    // Gondor" [032:033]: a visit by the source, hosting by the target).
    std::optional<EventCandidate> reciprocal;
    if (!found.alternate.empty() && named(x) && named(y)) {
      reciprocal = c;
      std::swap(reciprocal->source, reciprocal->target);
      std::swap(reciprocal->source_code, reciprocal->target_code);
      reciprocal->cameo = reciprocal->pattern_code = found.alternate;
    }
    a->events.push_back(std::move(c));
    context->roots_seen.set(root);
    if (reciprocal) {
      const bool known =
          std::any_of(a->events.begin(), a->events.end(), [&](const EventCandidate& e) {
            return e.sentence == sentence && e.cameo == reciprocal->cameo &&
                   e.source_code == reciprocal->source_code &&
                   e.target_code == reciprocal->target_code;
          });
      if (!known) a->events.push_back(std::move(*reciprocal));
    }
  }
}

void EventExtractor::VerbEvents(Analysis* a, Context* context, uint32_t sentence) const {
  const PatternMatcher& matcher = context->matcher;
  std::vector<bool>* consumed = &context->consumed;
  const Sentence& s = a->sentences[sentence];
  for (uint32_t p = a->sentence_phrase_begin[sentence]; p < a->sentence_phrase_begin[sentence + 1];
       ++p) {
    const Phrase& ph = a->phrases[p];
    if (ph.type != PhraseType::kVerb) continue;
    const int32_t vi = ph.verb_group;
    const VerbGroup& v = a->verb_groups[vi];
    if ((*consumed)[v.main] || (v.speech && !petrarch_)) continue;
    // PETRARCH codes a subordinate clause ("after crowds burned down its
    // embassy") only when the clause above it gave no event.
    if (petrarch_ && v.kind == ClauseKind::kSubordinate &&
        std::any_of(a->events.begin(), a->events.end(), [&](const EventCandidate& e) {
          return e.sentence == sentence && e.verb_group >= 0 &&
                 a->verb_groups[e.verb_group].kind != ClauseKind::kSubordinate &&
                 !a->verb_groups[e.verb_group].speech;
        })) {
      continue;
    }
    uint32_t hi = std::max<uint32_t>(static_cast<uint32_t>(v.clause_end), v.end);
    if (petrarch_) {
      // PETRARCH reads a pattern's words on through the clauses the verb
      // governs ("allowed that Mordor isn't a really pleasant place").
      for (uint32_t q = p + 1; q < a->sentence_phrase_begin[sentence + 1]; ++q) {
        if (a->phrases[q].type != PhraseType::kVerb) continue;
        const VerbGroup& w = a->verb_groups[a->phrases[q].verb_group];
        if (w.governor == vi) hi = std::max<uint32_t>(hi, static_cast<uint32_t>(w.clause_end));
      }
    }
    Found found;
    if (!Best(matcher, *a, v.main, /*noun=*/false, s.token_begin, hi, &found)) {
      DemandOf(a, context, vi, sentence, found);  // "Y must ensure security, X said"
      continue;
    }
    for (uint32_t t : found.match.consumed) (*consumed)[t] = true;
    for (uint32_t t = v.main; t < found.trigger_end; ++t) (*consumed)[t] = true;
    if (found.code.empty()) continue;
    int32_t bound_source = found.match.source, bound_target = found.match.target;
    // PETRARCH reads a passive without a "by" agent as it would an active
    // clause: "The Philippines was criticized over its dispute with
    // Eriador" is PHL -> ERI.
    const bool passive = v.passive && !(petrarch_ && v.by_agent < 0);
    if (passive) std::swap(bound_source, bound_target);
    Roles roles;
    roles.compound = found.match.compound;
    roles.source = bound_source >= 0 ? bound_source : passive ? v.by_agent : v.subject;
    // PETRARCH: when a pattern names the clause's subject as the target ("-
    // NOTED + *": "X noted that Y regretted ..."), the source is the
    // subject of the clause above.
    if (petrarch_ && bound_source < 0 && bound_target >= 0 && roles.source == bound_target &&
        v.governor >= 0) {
      roles.source = a->verb_groups[v.governor].subject;
    }
    const bool request = StartsWith(found.code, "02") || StartsWith(found.code, "10");
    // "called on the government", "fired at the convoy": a trigger that ends
    // in a preposition has its target right after it.
    int32_t after_trigger = -1;
    if (found.trigger_end > v.main + 1 && found.trigger_end < s.token_end) {
      const PosTag last = a->tokens[found.trigger_end - 1].tag;
      const int32_t q = matcher.PhraseAt(found.trigger_end);
      if ((last == PosTag::IN || last == PosTag::TO) && q >= 0 &&
          a->phrases[q].begin == found.trigger_end &&
          a->ActorOf(static_cast<uint32_t>(q)) != nullptr) {
        after_trigger = q;
      }
    }
    if (bound_target >= 0) {
      roles.target = bound_target;
    } else if (after_trigger >= 0 && !passive) {
      roles.target = after_trigger;
    } else if (passive) {
      roles.target = v.subject;
    } else if (v.object >= 0 && a->ActorOf(v.object) != nullptr &&
               a->phrases[v.object].head >= found.trigger_end &&
               !OwnedBySubject(*a, *a->ActorOf(v.object), p, v.subject)) {
      roles.target = v.object;  // not when the trigger holds it: "deployed troops to X"
    } else {
      // "demanded the release of X", "condemned the killing of civilians",
      // "demanded an admission by Moscow": the actor of the object's complement.
      if (v.object >= 0 &&
          static_cast<uint32_t>(v.object) + 2 < a->sentence_phrase_begin[sentence + 1] &&
          a->phrases[v.object + 1].type == PhraseType::kPreposition) {
        const std::string_view prep = a->Key(a->phrases[v.object + 1].head);
        if ((prep == "of" || (request && prep == "by")) && a->ActorOf(v.object + 2) != nullptr) {
          roles.target = v.object + 2;
        }
      }
      if (roles.target < 0) {
        bool locative = false;
        roles.target =
            PrepositionalTarget(*a, matcher, found.trigger_end, hi, /*noun=*/false, &locative);
        // "criticized over its territorial dispute with Eriador": not a
        // thing of the subject's.
        const PhraseActor* found_target =
            roles.target >= 0 ? a->ActorOf(static_cast<uint32_t>(roles.target)) : nullptr;
        if (found_target != nullptr && OwnedBySubject(*a, *found_target, p, roles.source)) {
          roles.target = -1;
        }
        // "fighting between the army and rebels": both sides, with no source.
        const int32_t s_phrase = passive ? v.by_agent : v.subject;
        if (roles.target > 0 && a->Key(a->phrases[roles.target - 1].head) == "between" &&
            (s_phrase < 0 || a->ActorOf(static_cast<uint32_t>(s_phrase)) == nullptr) &&
            roles.compound < 0) {
          roles.compound = roles.target;
          roles.target = -1;
        }
      }
      // PETRARCH: the first actor after the verb in the rest of the sentence
      // ("allowed that Mordor isn't ...", "expressed hopes that Osgiliath
      // could be drawn ..."), except who speaks in a later speech frame
      // ("..., a senior official said").
      if (roles.target < 0 && petrarch_) {
        const uint32_t pe = a->sentence_phrase_begin[sentence + 1];
        auto speaker = [&](uint32_t q) {
          for (uint32_t r = q + 1; r < pe; ++r) {
            if (a->phrases[r].type != PhraseType::kVerb) continue;
            const VerbGroup& w = a->verb_groups[a->phrases[r].verb_group];
            if (w.speech && w.subject == static_cast<int32_t>(q)) return true;
          }
          return false;
        };
        for (uint32_t q = p + 1; q < pe; ++q) {
          if (a->phrases[q].type == PhraseType::kNoun && a->phrases[q].begin >= found.trigger_end &&
              a->ActorOf(q) != nullptr && static_cast<int32_t>(q) != roles.source && !speaker(q) &&
              !OwnedBySubject(*a, *a->ActorOf(q), p, roles.source)) {
            roles.target = static_cast<int32_t>(q);
            break;
          }
        }
        // With new_actor_length, the first noun phrase after the verb in its
        // clause ("left for the Ministry of Magic") when it is short enough.
        for (uint32_t q = p + 1; roles.target < 0 && new_actor_length_ > 0 && q < pe; ++q) {
          const Phrase& np = a->phrases[q];
          if (np.begin >= hi) break;
          const bool in_pattern =
              std::any_of(found.match.consumed.begin(), found.match.consumed.end(),
                          [&](uint32_t t) { return t >= np.begin && t < np.end; });
          if (np.type != PhraseType::kNoun || np.begin < found.trigger_end || in_pattern) continue;
          if (a->ActorOf(q) == nullptr && !NewActorWords(*a, q, pe, new_actor_length_).empty())
            roles.target = static_cast<int32_t>(q);
          break;
        }
      }
      // "threatened to ban opposition candidates": the infinitive's object.
      if (roles.target < 0) {
        for (uint32_t q = p + 1; q < a->sentence_phrase_begin[sentence + 1]; ++q) {
          if (a->phrases[q].type != PhraseType::kVerb) continue;
          const VerbGroup& w = a->verb_groups[a->phrases[q].verb_group];
          if (w.governor == vi && w.kind == ClauseKind::kInfinitive && w.object >= 0 &&
              a->ActorOf(w.object) != nullptr) {
            roles.target = w.object;
            break;
          }
        }
      }
    }
    // PETRARCH: a compound after the verb with a subject before it ("Eriador
    // agrees with the Philippines and France", "- * WITH %") is the
    // subject's partners: one event from the subject to each.
    if (petrarch_ && roles.compound > static_cast<int32_t>(p) && roles.source >= 0 &&
        a->ActorOf(static_cast<uint32_t>(roles.source)) != nullptr) {
      roles.target = roles.compound;
      roles.compound = -1;
    }
    if (roles.compound >= 0 && bound_source < 0) roles.source = -1;
    // "were killed in Russian airstrikes": without an agent, the owner of
    // the weapon the pattern names is the source.
    if (roles.source < 0 && v.passive && roles.compound < 0) {
      for (uint32_t t : found.match.consumed) {
        const int32_t q = matcher.PhraseAt(t);
        if (q < 0 || a->phrases[q].head != t) continue;
        if (const PhraseActor* owner = a->ActorOf(static_cast<uint32_t>(q));
            owner != nullptr && owner->begin < t) {
          roles.source = q;
          break;
        }
      }
    }
    // "issued a declaration demanding ...": the participle's agent is the
    // subject of the verb whose object it describes.
    if ((roles.source < 0 || a->ActorOf(roles.source) == nullptr) && !v.passive &&
        v.kind == ClauseKind::kReducedRelative && v.subject >= 0) {
      for (uint32_t q = a->sentence_phrase_begin[sentence]; q < p; ++q) {
        if (a->phrases[q].type != PhraseType::kVerb) continue;
        const VerbGroup& w = a->verb_groups[a->phrases[q].verb_group];
        if (w.object == v.subject) roles.source = w.passive ? w.by_agent : w.subject;
      }
    }
    // "demanded that Israel withdraw", "urged that ...": the one asked is the
    // subject of the clause that says what is asked.
    if (request) {
      for (uint32_t q = p + 1; q < a->sentence_phrase_begin[sentence + 1]; ++q) {
        if (a->phrases[q].type != PhraseType::kVerb) continue;
        const VerbGroup& w = a->verb_groups[a->phrases[q].verb_group];
        if (w.governor != vi ||
            (w.kind != ClauseKind::kComplement && w.kind != ClauseKind::kInfinitive)) {
          continue;
        }
        if ((roles.target < 0 || a->ActorOf(roles.target) == nullptr) &&
            w.kind == ClauseKind::kComplement && w.subject >= 0 &&
            a->ActorOf(w.subject) != nullptr) {
          roles.target = w.subject;
        }
        // What is asked decides the kind of demand: "demanded that Russia
        // withdraw its troops" is a demand for de-escalation (1056).
        found.code = Requested(*a, matcher, found.code, w, s.token_begin);
        break;
      }
    }
    // "A car bomb exploded", "thousands were arrested": violent events are
    // coded even when no actor is named, unless the subject is a name
    // Palmyra does not know ("Chelsea attacked").
    if (found.block >= 0 && dictionary_->block(found.block).actorless && v.subject >= 0) {
      const Token& head = a->tokens[a->phrases[v.subject].head];
      uint32_t end;
      const bool instrument = matcher.MatchSynset(instruments_, a->phrases[v.subject].head,
                                                  a->phrases[v.subject].head + 1, &end);
      const std::string_view key = a->Key(head);
      const bool someone = head.tag == PosTag::CD ||
                           lexicon_->Is(head.lemma, WordRole::kQuantity) || key == "he" ||
                           key == "she" || key == "they" || key == "thousands" ||
                           key == "hundreds" || key == "dozens" || key == "scores";
      roles.actorless_ok = instrument || (v.passive && someone);
    }
    // "ambushed a convoy, killing six soldiers and wounding 20": the
    // participles tell the toll of the attack, not new attacks.
    const int root = CameoRoot(found.code);
    if (v.kind == ClauseKind::kParticiple && v.governor >= 0 && context->violent[v.governor] &&
        root >= 18 && root <= 20) {
      context->violent[vi] = true;
      // The attack's evidence takes in its toll.
      const uint32_t toll_end =
          std::min<uint32_t>(std::max<uint32_t>(v.clause_end, v.end), s.token_end);
      for (auto e = a->events.rbegin(); e != a->events.rend() && e->sentence == sentence; ++e) {
        if (e->verb_group != v.governor) continue;
        e->evidence_end =
            std::max(e->evidence_end, std::min(toll_end, e->evidence_begin + kMaxEvidenceTokens));
      }
      continue;
    }
    // PETRARCH reads the first noun phrase after the verb as an unknown
    // target, and codes nothing without one: "a Bree official said on
    // Saturday" (BREGOV ---), but not "... said today", whose bare time word
    // is an adverbial.
    if (petrarch_ && roles.target < 0 && roles.compound < 0) {
      bool noun_after = false;
      for (uint32_t q = p + 1; q < a->sentence_phrase_begin[sentence + 1] && !noun_after; ++q) {
        const Phrase& np = a->phrases[q];
        if (np.begin >= hi) break;
        if (np.type != PhraseType::kNoun) continue;
        const bool adverbial = np.end == np.begin + 1 &&
                               lexicon_->Is(a->tokens[np.head].lemma, WordRole::kTime) &&
                               a->phrases[q - 1].type != PhraseType::kPreposition;
        noun_after = !adverbial;
      }
      if (!noun_after) continue;
    }
    const size_t before = a->events.size();
    Emit(a, context, found, roles, vi, sentence, v.main);
    if (a->events.size() > before) {
      (CameoRoot(a->events.back().cameo) < 18 ? context->reaction : context->violent)[vi] = true;
    }
    DemandOf(a, context, vi, sentence, found);
  }
}

void EventExtractor::DemandOf(Analysis* a, Context* context, int32_t vi, uint32_t sentence,
                              const Found& found) const {
  // "Sudan must return the helicopter, Russia said": Russia demands it of Sudan.
  const VerbGroup& v = a->verb_groups[vi];
  if (!v.obligation || v.negated || (v.reported_by < 0 && v.according_to < 0)) return;
  const int32_t speaker = AttributionOf(*a, vi);
  const int32_t obliged = v.passive ? v.by_agent : v.subject;
  if (speaker < 0 || obliged < 0 || a->ActorOf(speaker) == nullptr ||
      a->ActorOf(obliged) == nullptr) {
    return;
  }
  Found demand = found;
  demand.code = found.code.empty()
                    ? ""
                    : modality_codes_->Recode(ModalityCodes::Kind::kObligation, found.code);
  if (demand.code.empty()) demand.code = "100";
  if (demand.rule.empty()) demand.rule = "obligation";
  demand.specificity = 0;
  demand.trigger_end = v.main + 1;
  Roles roles;
  roles.source = speaker;
  roles.target = obliged;
  Emit(a, context, demand, roles, /*verb_group=*/-1, sentence, v.main);
}

void EventExtractor::NounEvents(Analysis* a, Context* context, uint32_t sentence) const {
  const PatternMatcher& matcher = context->matcher;
  std::vector<bool>* consumed = &context->consumed;
  const Sentence& s = a->sentences[sentence];
  const uint32_t pb = a->sentence_phrase_begin[sentence];
  const uint32_t pe = a->sentence_phrase_begin[sentence + 1];
  for (uint32_t p = pb; p < pe; ++p) {
    const Phrase& ph = a->phrases[p];
    if (ph.type != PhraseType::kNoun) continue;
    // The verb group whose clause holds this phrase, and whether the phrase
    // is the object of a light verb ("launched airstrikes").
    int32_t vg = -1;
    bool light_object = false;
    for (uint32_t q = pb; q < pe; ++q) {
      if (a->phrases[q].type != PhraseType::kVerb) continue;
      const VerbGroup& v = a->verb_groups[a->phrases[q].verb_group];
      if (v.begin < ph.begin && static_cast<uint32_t>(v.clause_end) >= ph.end) {
        vg = a->phrases[q].verb_group;
        light_object = IsObjectOf(*a, v, p, pb, pe) && IsLightVerb(*a, matcher, v);
      } else if (vg < 0 && v.begin >= ph.end) {
        vg = a->phrases[q].verb_group;  // the phrase is this verb's subject
        break;
      }
    }
    const uint32_t hi =
        vg >= 0 ? std::max<uint32_t>(a->verb_groups[vg].clause_end, ph.end) : s.token_end;
    for (uint32_t t = ph.begin; t <= ph.head; ++t) {
      if ((*consumed)[t]) continue;
      Found found;
      if (!Best(matcher, *a, t, /*noun=*/true, s.token_begin, hi, &found)) continue;
      found.noun = true;
      // The trigger must end at the head noun, or before a head that only
      // carries it ("a mediation effort", "the peace process").
      if (found.trigger_end != ph.head + 1) {
        uint32_t end;
        if (found.trigger_end != ph.head ||
            !matcher.MatchSynset(light_heads_, ph.head, ph.head + 1, &end)) {
          continue;
        }
      }
      for (uint32_t u : found.match.consumed) (*consumed)[u] = true;
      for (uint32_t u = t; u < found.trigger_end; ++u) (*consumed)[u] = true;
      if (found.code.empty()) break;
      Roles roles;
      roles.compound = found.match.compound;
      if (found.match.source >= 0) {
        roles.source = found.match.source;
      } else if (light_object) {
        const VerbGroup& v = a->verb_groups[vg];
        roles.source = v.passive ? v.by_agent : v.subject;
      } else if (const PhraseActor* own = a->ActorOf(p); own != nullptr && own->begin < ph.head) {
        roles.source = static_cast<int32_t>(p);  // "Russian airstrikes", "the rebels' attack"
      } else if (p + 2 < pe && a->phrases[p + 1].type == PhraseType::kPreposition &&
                 a->Key(a->phrases[p + 1].head) == "by" && a->ActorOf(p + 2) != nullptr) {
        roles.source = static_cast<int32_t>(p + 2);  // "airstrikes by the coalition"
      } else if (vg >= 0 && context->reaction[vg] && a->verb_groups[vg].begin < ph.begin) {
        // "apologised for the genocide", "condemned the attack": an event
        // spoken about, coded (if at all) where it is reported.
        break;
      } else if (vg >= 0 && p > pb && a->phrases[p - 1].type == PhraseType::kPreposition &&
                 InSet(purpose_prepositions_, a->tokens[a->phrases[p - 1].head])) {
        // "returned to Geneva for talks", "took part in the offensive".
        const VerbGroup& v = a->verb_groups[vg];
        if (v.begin < ph.begin) roles.source = v.passive ? v.by_agent : v.subject;
      }
      if (found.match.target >= 0) {
        roles.target = found.match.target;
      } else {
        bool locative = false;
        roles.target = PrepositionalTarget(*a, matcher, ph.end, hi, /*noun=*/true, &locative);
        // "talks between A and B": both take part.
        if (roles.target >= 0 && roles.target > 0 &&
            a->Key(a->phrases[roles.target - 1].head) == "between" && roles.compound < 0) {
          roles.compound = roles.target;
          roles.target = -1;
        }
      }
      if (roles.source == roles.target) roles.target = -1;
      // "an explosion", "bombings": a new violent event even without actors;
      // "the explosion" usually refers back to one already coded.
      if (found.block >= 0 && dictionary_->block(found.block).actorless) {
        const std::string_view det = a->Key(ph.begin);
        const bool definite = det == "the" || det == "this" || det == "that" || det == "these" ||
                              det == "those" || a->tokens[ph.begin].tag == PosTag::PRP_S ||
                              ph.possessor_end != ph.begin;
        // "the explosion" after an explosion was coded refers back to it.
        roles.actorless_ok = !definite || !context->roots_seen.test(CameoRoot(found.code));
      }
      Emit(a, context, found, roles, vg, sentence, ph.head);
      break;
    }
  }
}

void EventExtractor::Extract(Analysis* a) const {
  a->events.clear();
  Context context(dictionary_, a);
  // PETRARCH matches a pattern's nouns as written: "RESOLUTION" is not
  // "resolutions".
  context.matcher.MatchPluralsAsWritten(petrarch_);
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    VerbEvents(a, &context, s);
    NounEvents(a, &context, s);
  }
  MergeWeaponSubjects(a);
  DropSubsumed(a);
  std::stable_sort(a->events.begin(), a->events.end(),
                   [](const EventCandidate& x, const EventCandidate& y) {
                     if (x.sentence != y.sentence) return x.sentence < y.sentence;
                     if (x.evidence_begin != y.evidence_begin)
                       return x.evidence_begin < y.evidence_begin;
                     return x.trigger < y.trigger;
                   });
}

}  // namespace palmyra
