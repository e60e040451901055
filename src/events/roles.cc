#include "events/roles.h"

#include <algorithm>

#include "core/strings.h"
#include "syntax/clauses.h"

namespace palmyra {
namespace {

bool IsHardBoundary(std::string_view f) { return f == ";" || f == ":" || f == "--"; }

uint32_t SentencePhraseEnd(const Analysis& a, uint32_t sentence) {
  return a.sentence_phrase_begin[sentence + 1];
}

// Whether phrase q, before phrase pe, is the preposition `word` ("of", "by").
bool PrepositionIs(const Analysis& a, uint32_t q, uint32_t pe, std::string_view word) {
  return q < pe && a.phrases[q].type == PhraseType::kPreposition &&
         a.Key(a.phrases[q].head) == word;
}

// The first prepositional object after token `from` (before `to`) whose
// preposition may introduce a target; *locative when a place preposition
// ("in") came first.
int32_t PrepositionalTarget(const EventRules& rules, const Analysis& a,
                            const PatternMatcher& matcher, uint32_t from, uint32_t to, bool noun,
                            bool* locative) {
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
    if (rules.IsTargetPreposition(a.tokens[ph.head], noun)) return p + 1;
    if (rules.IsLocativePreposition(a.tokens[ph.head])) *locative = true;
  }
  return -1;
}

// "called on the government", "fired at the convoy": a trigger that ends in
// a preposition has its target right after it; -1 when none.
int32_t AfterTrigger(const PatternMatcher& matcher, const Analysis& a, const VerbGroup& v,
                     const TriggerMatch& found) {
  const Sentence& s = a.sentences[v.sentence];
  if (found.trigger_end <= v.main + 1 || found.trigger_end >= s.token_end) return -1;
  const PosTag last = a.tokens[found.trigger_end - 1].tag;
  const int32_t q = matcher.PhraseAt(found.trigger_end);
  if ((last == PosTag::IN || last == PosTag::TO) && q >= 0 &&
      a.phrases[q].begin == found.trigger_end && a.ActorOf(static_cast<uint32_t>(q)) != nullptr &&
      !OwnedBySubject(a, *a.ActorOf(static_cast<uint32_t>(q)), v.phrase, v.subject)) {
    return q;
  }
  return -1;
}

// "withdrew its troops from Syria", "positioned forces in bases in Syria",
// "pulled them out of Afghanistan": where one's own forces go, stay or leave
// is a place, not a target (phrase q follows a preposition); whom they
// surrender to is one ("surrendered to the army").
bool WhereForcesGo(const EventRules& rules, const Analysis& a, std::string_view code, uint32_t q) {
  if (q == 0 || !rules.Has(code, CameoTrait::kOwnForces)) return false;
  const Phrase& before = a.phrases[q - 1];
  if (before.type != PhraseType::kPreposition) return false;
  const Token& t = a.tokens[before.head];
  if (rules.IsLocativePreposition(t)) return true;
  const PhraseActor* x = a.ActorOf(q);
  const bool place = x != nullptr && (x->place_like || x->settlement);
  return place &&
         (rules.IsDestinationPreposition(t) ||
          (a.Key(before.head) == "of" && before.head > 0 && a.Key(before.head - 1) == "out"));
}

// A target that is where the event's own forces go is its place.
void PlaceNotTarget(const EventRules& rules, const Analysis& a, const TriggerMatch& found,
                    Roles* roles) {
  if (roles->target < 0 || !WhereForcesGo(rules, a, found.code, roles->target)) return;
  roles->place = roles->target;
  roles->target = -1;
}

// "the withdrawal of Russian troops": whose forces move (the armed actor of
// the noun's "of" phrase) are who moves them; -1 when none.
int32_t ForcesOf(const EventRules& rules, const Analysis& a, const TriggerMatch& found, uint32_t p,
                 uint32_t pe) {
  if (!rules.Has(found.code, CameoTrait::kOwnForces) || p + 2 >= pe ||
      !PrepositionIs(a, p + 1, pe, "of") || a.phrases[p + 1].begin != a.phrases[p].end) {
    return -1;
  }
  const PhraseActor* forces = a.ActorOf(p + 2);
  return forces != nullptr && rules.IsArmed(*forces) ? static_cast<int32_t>(p + 2) : -1;
}

// PETRARCH: the first actor after the verb in the rest of the sentence
// ("allowed that Mordor isn't ...", "expressed hopes that Osgiliath could be
// drawn ..."), except who speaks in a later speech frame ("..., a senior
// official said"); with new_actor_length, the first short noun phrase after
// the verb in its clause ("left for the Ministry of Magic").
// Phrase q is the verb of a clause of its own after verb group vi's: an
// adverbial one ("before fleeing towards the border"), or a finite clause
// vi does not govern ("..., while the agency said").
bool OpensOtherClause(const Analysis& a, uint32_t q, int32_t vi) {
  if (a.phrases[q].type != PhraseType::kVerb) return false;
  const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
  if (w.kind == ClauseKind::kSubordinate || w.kind == ClauseKind::kConditional) return true;
  return w.finite && w.governor != vi;
}

int32_t FirstActorAfterVerb(const EventRules& rules, const Analysis& a, uint32_t p,
                            const TriggerMatch& found, uint32_t hi, int32_t source,
                            int32_t* place) {
  const uint32_t pe = SentencePhraseEnd(a, a.phrases[p].sentence);
  auto speaker = [&](uint32_t q) {
    for (uint32_t r = q + 1; r < pe; ++r) {
      if (a.phrases[r].type != PhraseType::kVerb) continue;
      const VerbGroup& w = a.verb_groups[a.phrases[r].verb_group];
      if (w.speech && w.subject == static_cast<int32_t>(q)) return true;
    }
    return false;
  };
  for (uint32_t q = p + 1; q < pe; ++q) {
    if (rules.conventions().first_actor_in_own_clause &&
        (a.phrases[q].begin >= hi || OpensOtherClause(a, q, a.phrases[p].verb_group)))
      break;
    // Not a partner: "fought alongside the SDF", "on the side of the
    // regime", "on behalf of Tehran". (Whatever the tagger made of it:
    // "alongside/RB".)
    const bool non_target =
        rules.IsNonTargetPreposition(a.tokens[a.phrases[q - 1].head]) ||
        (q >= 2 && PrepositionIs(a, q - 1, pe, "of") &&
         a.phrases[q - 2].type == PhraseType::kNoun &&
         rules.lexicon().Is(a.tokens[a.phrases[q - 2].head].lemma, WordRole::kSideNoun));
    if (a.phrases[q].type == PhraseType::kNoun && a.phrases[q].begin >= found.trigger_end &&
        a.ActorOf(q) != nullptr && static_cast<int32_t>(q) != source && !speaker(q) &&
        !non_target && !OwnedBySubject(a, *a.ActorOf(q), p, source)) {
      if (!WhereForcesGo(rules, a, found.code, q)) return static_cast<int32_t>(q);
      if (*place < 0) *place = static_cast<int32_t>(q);
    }
  }
  const int limit = rules.conventions().new_actor_length;
  for (uint32_t q = p + 1; limit > 0 && q < pe; ++q) {
    const Phrase& np = a.phrases[q];
    if (np.begin >= hi) break;
    const bool in_pattern = std::any_of(found.match.consumed.begin(), found.match.consumed.end(),
                                        [&](uint32_t t) { return t >= np.begin && t < np.end; });
    if (np.type != PhraseType::kNoun || np.begin < found.trigger_end || in_pattern) continue;
    if (a.ActorOf(q) == nullptr && !NewActorWords(a, q, pe, limit).empty())
      return static_cast<int32_t>(q);
    return -1;
  }
  return -1;
}

// The verb groups that verb group vi governs, in text order after phrase p.
template <typename Fn>
void ForEachGoverned(const Analysis& a, uint32_t p, int32_t vi, Fn fn) {
  const uint32_t pe = SentencePhraseEnd(a, a.phrases[p].sentence);
  for (uint32_t q = p + 1; q < pe; ++q) {
    if (a.phrases[q].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
    if (w.governor == vi && fn(w)) return;
  }
}

// The target when neither a pattern, the object nor a preposition after the
// trigger names one: the actor of the object's "of" phrase ("demanded the
// release of X"), a prepositional object, PETRARCH's first actor after the
// verb, or the object of an infinitive ("threatened to ban opposition
// candidates"). May turn "between A and B" into a compound.
void OtherTarget(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                 uint32_t p, const TriggerMatch& found, uint32_t hi, bool passive, Roles* roles) {
  const VerbGroup& v = a.verb_groups[a.phrases[p].verb_group];
  const uint32_t pe = SentencePhraseEnd(a, v.sentence);
  const bool request = rules.Has(found.code, CameoTrait::kRequest);
  if (v.object >= 0 && static_cast<uint32_t>(v.object) + 2 < pe &&
      a.phrases[v.object + 1].type == PhraseType::kPreposition) {
    const std::string_view prep = a.Key(a.phrases[v.object + 1].head);
    if ((prep == "of" || (request && prep == "by")) && a.ActorOf(v.object + 2) != nullptr)
      roles->target = v.object + 2;
  }
  if (roles->target < 0) {
    bool locative = false;
    roles->target =
        PrepositionalTarget(rules, a, matcher, found.trigger_end, hi, /*noun=*/false, &locative);
    // "criticized over its territorial dispute with Eriador": not a thing
    // of the subject's.
    const PhraseActor* target =
        roles->target >= 0 ? a.ActorOf(static_cast<uint32_t>(roles->target)) : nullptr;
    if (target != nullptr && OwnedBySubject(a, *target, p, roles->source)) roles->target = -1;
    // "fighting between the army and rebels": both sides, with no source.
    const int32_t subject = passive ? v.by_agent : v.subject;
    if (roles->target > 0 && a.Key(a.phrases[roles->target - 1].head) == "between" &&
        (subject < 0 || a.ActorOf(static_cast<uint32_t>(subject)) == nullptr) &&
        roles->compound < 0) {
      roles->compound = roles->target;
      roles->target = -1;
    }
  }
  if (roles->target < 0 && rules.conventions().first_actor_after_verb)
    roles->target = FirstActorAfterVerb(rules, a, p, found, hi, roles->source, &roles->place);
  if (roles->target < 0) {
    ForEachGoverned(a, p, a.phrases[p].verb_group, [&](const VerbGroup& w) {
      if (w.kind != ClauseKind::kInfinitive || w.object < 0 || a.ActorOf(w.object) == nullptr)
        return false;
      roles->target = w.object;
      return true;
    });
  }
}

// Who acts when the clause names no one: the owner of the weapon a passive
// pattern names ("were killed in Russian airstrikes"), or, for a reduced
// relative ("issued a declaration demanding ..."), the subject of the verb
// whose object it describes.
void ImplicitSource(const PatternMatcher& matcher, const Analysis& a, uint32_t p,
                    const TriggerMatch& found, Roles* roles) {
  const VerbGroup& v = a.verb_groups[a.phrases[p].verb_group];
  if (roles->source < 0 && v.passive && roles->compound < 0) {
    for (uint32_t t : found.match.consumed) {
      const int32_t q = matcher.PhraseAt(t);
      if (q < 0 || a.phrases[q].head != t) continue;
      if (const PhraseActor* owner = a.ActorOf(static_cast<uint32_t>(q));
          owner != nullptr && owner->begin < t) {
        roles->source = q;
        break;
      }
    }
  }
  if ((roles->source < 0 || a.ActorOf(roles->source) == nullptr) && !v.passive &&
      v.kind == ClauseKind::kReducedRelative && v.subject >= 0) {
    for (uint32_t q = a.sentence_phrase_begin[v.sentence]; q < p; ++q) {
      if (a.phrases[q].type != PhraseType::kVerb) continue;
      const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
      if (w.object == v.subject) roles->source = w.passive ? w.by_agent : w.subject;
    }
  }
}

// "demanded that Israel withdraw", "urged that ...": the one asked is the
// subject of the clause that says what is asked.
void AskedTarget(const EventRules& rules, const Analysis& a, uint32_t p, const TriggerMatch& found,
                 Roles* roles) {
  if (!rules.Has(found.code, CameoTrait::kRequest)) return;
  ForEachGoverned(a, p, a.phrases[p].verb_group, [&](const VerbGroup& w) {
    if (w.kind != ClauseKind::kComplement && w.kind != ClauseKind::kInfinitive) return false;
    if ((roles->target < 0 || a.ActorOf(roles->target) == nullptr) &&
        w.kind == ClauseKind::kComplement && w.subject >= 0 && a.ActorOf(w.subject) != nullptr) {
      roles->target = w.subject;
    }
    return true;
  });
}

// "A car bomb exploded", "thousands were arrested": violent events are coded
// even when no actor is named, unless the subject is a name Palmyra does
// not know ("Chelsea attacked").
bool VerbActorlessOk(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                     const VerbGroup& v, const TriggerMatch& found) {
  if (found.block < 0 || !rules.dictionary().block(found.block).actorless || v.subject < 0)
    return false;
  const uint32_t head = a.phrases[v.subject].head;
  uint32_t end;
  const bool instrument = matcher.MatchSynset(rules.instruments(), head, head + 1, &end);
  const Token& h = a.tokens[head];
  const bool someone = h.tag == PosTag::CD || rules.lexicon().Is(h.lemma, WordRole::kQuantity) ||
                       rules.lexicon().Is(a.Key(head), WordRole::kSomeone);
  return instrument || (v.passive && someone);
}

// Whether the verb's event needs a known actor to be an event at all: it
// has no subject, object or agent ("if required"), or its agent is a name
// no dictionary knows ("Chelsea attacked relentlessly", "Yukos fought").
bool VerbNeedsActor(const Analysis& a, const VerbGroup& v) {
  if (v.subject < 0 && v.object < 0 && v.by_agent < 0) return true;
  const int32_t agent = v.passive ? v.by_agent : v.subject;
  if (agent < 0 || a.ActorOf(static_cast<uint32_t>(agent)) != nullptr) return false;
  return IsProperNoun(a.tokens[a.phrases[agent].head].tag);
}

// "members of Congress urged ...", "tens of thousands of Turks", "12 of the
// soldiers": a phrase naming part of a group, or a number of it, that names
// no actor itself stands for the group after its "of"; else p.
int32_t ThroughPartOf(const EventRules& rules, const Analysis& a, int32_t p) {
  if (p < 0 || a.ActorOf(static_cast<uint32_t>(p)) != nullptr) return p;
  const uint32_t q = static_cast<uint32_t>(p);
  const uint32_t pe = SentencePhraseEnd(a, a.phrases[q].sentence);
  if (q + 2 >= pe || a.phrases[q + 1].type != PhraseType::kPreposition ||
      a.Key(a.phrases[q + 1].head) != "of" || a.ActorOf(q + 2) == nullptr ||
      !(rules.lexicon().Is(a.tokens[a.phrases[q].head].lemma, WordRole::kPartOf) ||
        rules.lexicon().Is(a.tokens[a.phrases[q].head].lemma, WordRole::kQuantity) ||
        a.tokens[a.phrases[q].head].tag == PosTag::CD)) {
    return p;
  }
  return static_cast<int32_t>(q + 2);
}

// "killed by a missile fired by Russian jets", "a bomb dropped by a
// helicopter killed ten": a weapon (&INSTRUMENT) as the doer, used by an
// actor in a reduced relative clause, stands for that actor. p when there
// is none.
int32_t ThroughMeans(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                     int32_t p) {
  if (p < 0 || a.ActorOf(static_cast<uint32_t>(p)) != nullptr) return p;
  const uint32_t head = a.phrases[p].head;
  uint32_t end;
  if (!matcher.MatchSynset(rules.instruments(), head, head + 1, &end)) return p;
  const uint32_t s = a.phrases[p].sentence;
  for (uint32_t q = a.sentence_phrase_begin[s]; q < a.sentence_phrase_begin[s + 1]; ++q) {
    if (a.phrases[q].type != PhraseType::kVerb) continue;
    const VerbGroup& w = a.verb_groups[a.phrases[q].verb_group];
    if (w.kind == ClauseKind::kReducedRelative && w.passive && w.subject == p && w.by_agent >= 0 &&
        a.ActorOf(static_cast<uint32_t>(w.by_agent)) != nullptr) {
      return w.by_agent;
    }
  }
  return p;
}

// "Trump's decision to withdraw", "UK efforts to extradite": an infinitive
// right after a noun phrase whose owner is an actor is that actor's doing,
// not that of the clause above ("he was responding to Trump's decision to
// withdraw"). -1 when there is none.
int32_t NounOwner(const Analysis& a, const VerbGroup& v) {
  if (v.kind != ClauseKind::kInfinitive || v.phrase == 0) return -1;
  const uint32_t np = v.phrase - 1;
  const Phrase& before = a.phrases[np];
  if (before.type != PhraseType::kNoun || before.end != v.begin) return -1;
  const PhraseActor* owner = a.ActorOf(np);
  if (owner == nullptr || owner->begin >= before.head) return -1;
  return static_cast<int32_t>(np);
}

// Whether the noun phrase p is the object of a preposition of time
// (&TIMEPREP): "after talks", "during the meeting", "ahead of a meeting".
bool IsTimeAdjunct(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                   uint32_t p, uint32_t pb) {
  if (p <= pb || a.phrases[p - 1].type != PhraseType::kPreposition) return false;
  const uint32_t head = a.phrases[p - 1].head;
  uint32_t end = 0;
  // One word ("after"), or two ending in the preposition ("ahead of").
  return matcher.MatchSynset(rules.time_prepositions(), head, head + 1, &end) ||
         (head > 0 && matcher.MatchSynset(rules.time_prepositions(), head - 1, head + 1, &end) &&
          end == head + 1);
}

// Whether phrase p is an actor named as such: the actor is the phrase's head
// ("the hospital", "Trump"), not a modifier of something else ("the New
// Zealand scrum method"), and not "it".
bool IsNamedActor(const Analysis& a, int32_t p) {
  if (p < 0) return false;
  const PhraseActor* x = a.ActorOf(static_cast<uint32_t>(p));
  if (x == nullptr) return false;
  const uint32_t head = a.phrases[p].head;
  if (x->pronoun >= 0) return a.Key(static_cast<uint32_t>(x->pronoun)) != "it";
  return x->begin <= head && head < x->end;
}

// The actor of the "by" phrase of the noun at phrase p, right after it or
// after its "of" phrase: "airstrikes by the coalition", "the takeover of
// the area by jihadists"; -1 when none.
int32_t ByAgentOfNoun(const Analysis& a, uint32_t p, uint32_t pe) {
  uint32_t q = p + 1;
  if (PrepositionIs(a, q, pe, "of") && q + 1 < pe && a.phrases[q + 1].type == PhraseType::kNoun)
    q += 2;
  if (PrepositionIs(a, q, pe, "by") && q + 1 < pe && a.ActorOf(q + 1) != nullptr) {
    return static_cast<int32_t>(q + 1);
  }
  return -1;
}

// "the strikes were aimed at government forces", "raids targeting rebels",
// "the attacks, directed against Kurdish fighters": whom the noun event at
// phrase p is aimed at, named by a verb of aiming whose subject it is; -1
// when none.
int32_t AimedAt(const EventRules& rules, const Analysis& a, uint32_t p) {
  const uint32_t sentence = a.phrases[p].sentence;
  const uint32_t pe = SentencePhraseEnd(a, sentence);
  for (uint32_t r = a.sentence_phrase_begin[sentence]; r < pe; ++r) {
    if (a.phrases[r].type != PhraseType::kVerb) continue;
    const VerbGroup& v = a.verb_groups[a.phrases[r].verb_group];
    if (v.subject != static_cast<int32_t>(p) ||
        !rules.lexicon().Is(a.tokens[v.main].lemma, WordRole::kAimVerb)) {
      continue;
    }
    if (!v.passive) {
      return v.object >= 0 && a.ActorOf(v.object) != nullptr ? v.object : -1;
    }
    const uint32_t q = v.phrase + 1;
    if (q + 1 < pe && a.phrases[q].type == PhraseType::kPreposition &&
        (a.Key(a.phrases[q].head) == "at" || a.Key(a.phrases[q].head) == "against") &&
        a.ActorOf(q + 1) != nullptr) {
      return static_cast<int32_t>(q + 1);
    }
  }
  return -1;
}

}  // namespace

Roles VerbRoles(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                uint32_t p, const TriggerMatch& found, uint32_t hi) {
  const Conventions& conventions = rules.conventions();
  const int32_t vi = a.phrases[p].verb_group;
  const VerbGroup& v = a.verb_groups[vi];
  int32_t bound_source = found.match.source, bound_target = found.match.target;
  const bool passive = v.passive && !(conventions.agentless_passive_as_active && v.by_agent < 0);
  if (passive) {
    // The passive swaps subject and object, not what a preposition after
    // the verb introduces: "staff were withdrawn from Syria" (- * (FROM +)).
    auto prepositional = [&](int32_t q) {
      return q > static_cast<int32_t>(p) && a.phrases[q - 1].type == PhraseType::kPreposition &&
             a.Key(a.phrases[q - 1].head) != "by";
    };
    const int32_t s0 = bound_source, t0 = bound_target;
    bound_source = t0 >= 0 && !prepositional(t0) ? t0 : prepositional(s0) ? s0 : -1;
    bound_target = s0 >= 0 && !prepositional(s0) ? s0 : prepositional(t0) ? t0 : -1;
  }
  Roles roles;
  roles.compound = found.match.compound;
  // Partners before the verb are not those before its own subject ("the US
  // armed the militias Turkey is battling").
  if (roles.compound >= 0 && roles.compound < v.subject && v.subject < static_cast<int32_t>(p)) {
    const uint32_t pb = a.sentence_phrase_begin[v.sentence];
    const auto subjects = CoordinatedPhrases(a, static_cast<uint32_t>(v.subject), pb,
                                             SentencePhraseEnd(a, v.sentence));
    if (std::find(subjects.begin(), subjects.end(), static_cast<uint32_t>(roles.compound)) ==
        subjects.end()) {
      roles.compound = -1;
    }
  }
  roles.source = bound_source >= 0 ? bound_source : passive ? v.by_agent : v.subject;
  if (bound_source < 0 && !passive) {
    if (const int32_t owner = NounOwner(a, v); owner >= 0) roles.source = owner;
  }
  if (bound_source < 0) roles.source = ThroughMeans(rules, matcher, a, roles.source);
  if (conventions.source_from_clause_above && bound_source < 0 && bound_target >= 0 &&
      roles.source == bound_target && v.governor >= 0) {
    roles.source = a.verb_groups[v.governor].subject;
  }
  const int32_t after_trigger = AfterTrigger(matcher, a, v, found);
  if (bound_target >= 0) {
    roles.target = bound_target;
  } else if (after_trigger >= 0 && !passive) {
    roles.target = after_trigger;
  } else if (passive) {
    roles.target = v.subject;
  } else if (v.object >= 0 && a.ActorOf(v.object) != nullptr &&
             (a.phrases[v.object].head >= found.trigger_end || v.object == found.object_inside) &&
             !OwnedBySubject(a, *a.ActorOf(v.object), p, v.subject)) {
    // Not when the trigger holds it ("deployed troops to X"); when it
    // stands between the verb and its particle, yes ("pushed Isis out").
    roles.target = v.object;
  } else {
    OtherTarget(rules, matcher, a, p, found, hi, passive, &roles);
    // "Raqqa fell to the Taliban": the source a pattern names after the
    // verb is not its target too.
    if (bound_source >= 0 && roles.target == bound_source) roles.target = -1;
  }
  if (conventions.compound_after_verb_is_target && roles.compound > static_cast<int32_t>(p) &&
      roles.source >= 0 && a.ActorOf(static_cast<uint32_t>(roles.source)) != nullptr) {
    roles.target = roles.compound;
    roles.compound = -1;
  }
  if (roles.compound >= 0 && bound_source < 0) roles.source = -1;
  PlaceNotTarget(rules, a, found, &roles);
  roles.target_is_object = roles.target >= 0 && roles.target == v.object && !passive;
  roles.target_is_patient = roles.target >= 0 && roles.target == (passive ? v.subject : v.object);
  roles.source = ThroughPartOf(rules, a, roles.source);
  roles.target = ThroughPartOf(rules, a, roles.target);
  ImplicitSource(matcher, a, p, found, &roles);
  AskedTarget(rules, a, p, found, &roles);
  roles.actorless_ok = VerbActorlessOk(rules, matcher, a, v, found);
  roles.needs_actor = !roles.actorless_ok && VerbNeedsActor(a, v);
  return roles;
}

bool NounRoles(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
               uint32_t p, int32_t vg, bool light_object, bool reaction, const TriggerMatch& found,
               uint32_t hi, Roles* roles) {
  const Phrase& ph = a.phrases[p];
  const uint32_t pb = a.sentence_phrase_begin[ph.sentence], pe = SentencePhraseEnd(a, ph.sentence);
  roles->compound = found.match.compound;
  // "Navalny's arrest": a person named before an act done to people is
  // whom it is done to ("Russia's arrest of ...", "Erdogan's arrests":
  // who does it).
  const PhraseActor* own = a.ActorOf(p);
  const bool owner_named = own != nullptr && own->begin < ph.head;
  bool owner_suffers = owner_named && own->individual && a.tokens[ph.head].tag == PosTag::NN &&
                       rules.IsPatientNoun(a.tokens[ph.head]) &&
                       !(p + 2 < pe && PrepositionIs(a, p + 1, pe, "of"));
  // "the Madrid bombing", "the Berlin blockade": a capital named before an
  // act of force, without "'s", is where it strikes, not who strikes
  // ("the Moscow talks" take place there, and the host usually takes part).
  const bool forceful = rules.IsViolent(found.code) || rules.Has(found.code, CameoTrait::kCoercion);
  const bool owner_is_place = forceful && owner_named && own->mention >= 0 && own->pronoun < 0 &&
                              ph.possessor_end == ph.begin &&
                              a.mentions[own->mention].kind == MentionKind::kCapital;
  owner_suffers |= owner_is_place;
  if (found.match.source >= 0) {
    roles->source = found.match.source;
  } else if (light_object) {
    const VerbGroup& v = a.verb_groups[vg];
    roles->source = v.passive ? v.by_agent : v.subject;
  } else if (owner_named && !owner_suffers) {
    roles->source = static_cast<int32_t>(p);  // "Russian airstrikes", "the rebels' attack"
  } else if (const int32_t agent = ByAgentOfNoun(a, p, pe); agent >= 0) {
    roles->source = agent;  // "airstrikes by the coalition"
  } else if (vg >= 0 && reaction && a.verb_groups[vg].begin < ph.begin) {
    // "apologised for the genocide", "condemned the attack": an event
    // spoken about, coded (if at all) where it is reported.
    return false;
  } else if (vg >= 0 && rules.Has(found.code, CameoTrait::kMutual) &&
             IsTimeAdjunct(rules, matcher, a, p, pb) &&
             IsNamedActor(a, a.verb_groups[vg].passive ? a.verb_groups[vg].by_agent
                                                       : a.verb_groups[vg].subject)) {
    // "after talks with the board, the hospital called off its plan",
    // "Trump said ahead of a meeting with lawmakers": who acts then took
    // part.
    const VerbGroup& v = a.verb_groups[vg];
    roles->source = v.passive ? v.by_agent : v.subject;
  } else if (vg >= 0 && p > pb && a.phrases[p - 1].type == PhraseType::kPreposition &&
             rules.IsPurposePreposition(a.tokens[a.phrases[p - 1].head]) &&
             !(rules.IsViolent(found.code) && a.Key(a.phrases[p - 1].head) == "for")) {
    // "returned to Geneva for talks", "took part in the offensive"; but who
    // braces for strikes does not strike.
    const VerbGroup& v = a.verb_groups[vg];
    if (v.begin < ph.begin) roles->source = v.passive ? v.by_agent : v.subject;
  }
  if (roles->source < 0) roles->source = ForcesOf(rules, a, found, p, pe);
  if (found.match.target >= 0) {
    roles->target = found.match.target;
  } else if (owner_suffers) {
    roles->target = static_cast<int32_t>(p);
  } else {
    bool locative = false;
    roles->target = PrepositionalTarget(rules, a, matcher, ph.end, hi, /*noun=*/true, &locative);
    // "the arrest of two journalists", "the bombing of villages in Idlib":
    // what a coercive or violent act's "of" names is what it is done to.
    if (roles->target < 0 && forceful && p + 2 < pe && PrepositionIs(a, p + 1, pe, "of") &&
        a.phrases[p + 1].begin == ph.end && a.ActorOf(p + 2) != nullptr &&
        static_cast<int32_t>(p + 2) != roles->source) {
      roles->target = static_cast<int32_t>(p + 2);
    }
    if (roles->target < 0) roles->target = AimedAt(rules, a, p);
    // "talks between A and B": both take part.
    if (roles->target > 0 && a.Key(a.phrases[roles->target - 1].head) == "between" &&
        roles->compound < 0) {
      roles->compound = roles->target;
      roles->target = -1;
    }
  }
  if (roles->source == roles->target) roles->target = -1;
  PlaceNotTarget(rules, a, found, roles);
  return true;
}

bool IsObjectOf(const EventRules& rules, const Analysis& a, const VerbGroup& v, uint32_t p) {
  if (v.object < 0) return false;
  const uint32_t object = static_cast<uint32_t>(v.object);
  if (object == p) return true;
  const uint32_t pb = a.sentence_phrase_begin[v.sentence], pe = SentencePhraseEnd(a, v.sentence);
  const auto list = CoordinatedPhrases(a, object, pb, pe);
  if (std::find(list.begin(), list.end(), p) != list.end()) return true;
  // "hundreds of strikes": the counted noun is the real object.
  const Token& head = a.tokens[a.phrases[object].head];
  return p == object + 2 && a.phrases[object + 1].type == PhraseType::kPreposition &&
         a.Key(a.phrases[object + 1].head) == "of" &&
         (head.tag == PosTag::CD || rules.lexicon().Is(head.lemma, WordRole::kQuantity));
}

bool IsLightVerb(const EventRules& rules, const PatternMatcher& matcher, const VerbGroup& v) {
  uint32_t end;
  return matcher.MatchSynset(rules.light_verbs(), v.main, v.end + 2, &end);
}

bool OwnedBySubject(const Analysis& a, const PhraseActor& x, uint32_t verb_phrase,
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

}  // namespace palmyra
