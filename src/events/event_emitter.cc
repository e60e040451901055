#include "events/event_emitter.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "events/modality.h"
#include "syntax/clauses.h"

namespace palmyra {
namespace {

// Codes of armed force: violence, and force posture done with one's own
// forces (cameo.tsv's traits).
bool MilitaryAct(const EventRules& rules, const std::string& cameo) {
  return rules.IsViolent(cameo) || rules.Has(cameo, CameoTrait::kOwnForces);
}

// Longest evidence span kept whole; longer ones shrink to the trigger's clause.
constexpr uint32_t kMaxEvidenceTokens = 60;

// Actors numbered kNewActor, kNewActor - 1, ... are PETRARCH's new actors:
// phrases that name no known actor, coded by their words.
constexpr int32_t kNewActor = -2;

bool Named(int32_t i) { return i >= 0 || i <= kNewActor; }

// The actors of an event's sides: indices into Analysis::actors, or new
// actors (kNewActor - k, words in `new_actors`).
class ActorSides {
 public:
  ActorSides(const EventRules& rules, const Analysis& a, uint32_t sentence)
      : rules_(rules),
        a_(a),
        pb_(a.sentence_phrase_begin[sentence]),
        pe_(a.sentence_phrase_begin[sentence + 1]) {}

  // The actors named by phrase `phrase` and the phrases coordinated with it.
  std::vector<int32_t> Of(int32_t phrase) {
    std::vector<int32_t> out;
    if (phrase < 0) return out;
    const Conventions& conventions = rules_.conventions();
    if (const int also = AlsoConjunct(a_, phrase, static_cast<int>(pe_)); also >= 0)
      together_.insert(static_cast<uint32_t>(also));
    for (uint32_t p : CoordinatedPhrases(a_, static_cast<uint32_t>(phrase), pb_, pe_)) {
      auto [lo, hi] = a_.ActorsOf(p);
      if (lo == hi && conventions.actor_of_of_phrase && p + 2 < pe_ &&
          a_.phrases[p + 1].type == PhraseType::kPreposition &&
          a_.Key(a_.phrases[p + 1].head) == "of") {
        std::tie(lo, hi) = a_.ActorsOf(p + 2);
      }
      if (lo == hi && conventions.new_actor_length > 0) {
        std::string words = NewActorWords(a_, p, pe_, conventions.new_actor_length);
        if (!words.empty()) {
          out.push_back(kNewActor - static_cast<int32_t>(new_actors_.size()));
          new_actors_.push_back(std::move(words));
        }
      }
      for (size_t i = lo; i < hi; ++i) out.push_back(static_cast<int32_t>(i));
    }
    return out;
  }
  const std::string& NewActor(int32_t i) const { return new_actors_[kNewActor - i]; }
  // Whether the actors stand on one side, one of them joined to the others
  // by "as well as" or "along with" ("US troops, as well as British forces,
  // fought"): then they do not act on each other.
  bool OneSide(const std::vector<int32_t>& actors) const {
    return std::any_of(actors.begin(), actors.end(), [&](int32_t x) {
      return x >= 0 && together_.count(a_.actors[x].phrase) > 0;
    });
  }

 private:
  const EventRules& rules_;
  const Analysis& a_;
  uint32_t pb_, pe_;
  std::vector<std::string> new_actors_;
  std::set<uint32_t> together_;  // phrases joined by "as well as" or "along with"
};

// A state's armed forces: the army, the police, intelligence, not rebels.
bool StateForces(const EventRules& rules, const PhraseActor& x) {
  return rules.IsArmed(x) && rules.codes().HasTag(x.sector, "state");
}

// (source, target) pairs of actors (-1 for none), or none at all when the
// event names no one and may not be coded without actors.
std::vector<std::pair<int32_t, int32_t>> ActorPairs(const EventRules& rules, const Analysis& a,
                                                    const TriggerMatch& found, const Roles& roles,
                                                    ActorSides* sides) {
  std::vector<std::pair<int32_t, int32_t>> pairs;
  int32_t source_phrase = roles.source;
  if (roles.compound >= 0) {
    const std::vector<int32_t> all = sides->Of(roles.compound);
    // "US and British troops fought Isis": partners on one side act together
    // on the actor their verb names; only with no one else named ("Russia and
    // Ukraine fought") do they act on each other.
    // Only the verb's own object: not an actor named by a preposition
    // ("talks in Brussels") or further on ("agreed to hold joint patrols").
    const bool object = roles.target_is_object && roles.target != roles.compound;
    const std::vector<int32_t> others = object ? sides->Of(roles.target) : std::vector<int32_t>{};
    // Partners of one code are no sides, unless they are two people ("the
    // chancellor and the prime minister").
    auto sides_apart = [&](int32_t x, int32_t y) {
      const PhraseActor& p = a.actors[x];
      const PhraseActor& q = a.actors[y];
      return !others.empty() || p.code != q.code || (p.individual && q.individual);
    };
    if (!others.empty() || !sides->OneSide(all)) {
      for (int32_t x : all) {
        for (int32_t y : others.empty() ? all : others) {
          if (x != y && sides_apart(x, y)) pairs.push_back({x, y});
        }
      }
    }
    // "He met Tebboune": a single actor where partners may stand is the
    // source, and so are partners on one side ("US troops, as well as
    // British forces, fought").
    if (pairs.empty() && source_phrase < 0) source_phrase = roles.compound;
  }
  if (!pairs.empty()) return pairs;
  std::vector<int32_t> sources = sides->Of(source_phrase);
  std::vector<int32_t> targets = sides->Of(roles.target);
  // "Russian troops were deployed to the border": a country's forces
  // deployed or withdrawn by no one named are its own doing, the source.
  if (sources.empty() && roles.target_is_patient && !targets.empty() &&
      rules.Has(found.code, CameoTrait::kOwnForces) &&
      std::all_of(targets.begin(), targets.end(), [&](int32_t y) {
        return !a.actors[y].country.empty() && StateForces(rules, a.actors[y]);
      })) {
    sources.swap(targets);
  }
  // "Armenia and Azerbaijan resumed talks": meeting, negotiating, agreeing
  // and cooperating with no one else named is done with each other.
  if (targets.empty() && sources.size() >= 2 && roles.target < 0 &&
      rules.Has(found.code, CameoTrait::kMutual) && !sides->OneSide(sources)) {
    for (int32_t x : sources) {
      for (int32_t y : sources) {
        if (x != y && x >= 0 && y >= 0 && a.actors[x].code != a.actors[y].code)
          pairs.push_back({x, y});
      }
    }
    if (!pairs.empty()) return pairs;
  }
  // With no actor named, the event is still a candidate unless it refers
  // back to one already coded; whether the rules find it plausible ("a car
  // bomb exploded") is for the decision model to weigh.
  if (sources.empty() && targets.empty() && roles.needs_actor) return pairs;
  if (sources.empty()) sources.push_back(-1);
  if (targets.empty()) targets.push_back(-1);
  for (int32_t x : sources) {
    for (int32_t y : targets) {
      if (x >= 0 && x == y) continue;
      pairs.push_back({x, y});
    }
  }
  return pairs;
}

// The target's code with the source's country when the event is domestic by
// its nature and the target has no country: "Russian police arrested the
// opposition leader" (the state represses at home), "Iraqis protested
// against the government", "the opposition criticised the government"
// (people and civic bodies protest, criticise and defy their own).
std::string DomesticTarget(const EventRules& rules, const std::string& code,
                           const PhraseActor& source, const PhraseActor& target,
                           const std::string& target_code) {
  if (source.country.empty() || !target.country.empty() || target.sector.empty() ||
      target_code != target.code) {
    return target_code;
  }
  const ActorCodes& codes = rules.codes();
  const bool state = codes.HasTag(source.sector, "state");
  const bool repression =
      rules.Has(code, CameoTrait::kCoercion) && state && codes.HasTag(target.sector, "civic");
  // Only people and bodies with a sector of their own: "Germany" alone
  // stands for its government.
  const bool protest = rules.Has(code, CameoTrait::kProtest) && !state && !source.sector.empty() &&
                       codes.HasTag(target.sector, "authority");
  return repression || protest ? source.country + target.code : target_code;
}

// "Syrian rebels abducted a lawyer", "police beat protesters": those who
// fight where they belong strike people of their own country, unless a place
// says otherwise (the resolve stage decides); their country, else "".
std::string HomeCountry(const EventRules& rules, const std::string& code, const PhraseActor& source,
                        const PhraseActor& target) {
  const ActorCodes& codes = rules.codes();
  const bool local = (rules.IsViolent(code) || rules.Has(code, CameoTrait::kCoercion)) &&
                     codes.HasTag(source.sector, "local") && codes.HasTag(target.sector, "civic") &&
                     !source.country.empty() && !codes.IsInternational(source.country);
  return local ? source.country : "";
}

// Whether target y is the source x's own force ("China put its troops on
// alert", "Turkey deployed troops") or, for violence, itself ("militants
// attacked their convoy").
bool OwnSide(const EventRules& rules, const Analysis& a, const TriggerMatch& found, int32_t x,
             int32_t y) {
  if (x < 0 || y < 0) return false;
  const PhraseActor& source = a.actors[x];
  const PhraseActor& target = a.actors[y];
  const bool possessive = target.pronoun >= 0 && a.tokens[target.pronoun].tag == PosTag::PRP_S;
  if (rules.IsViolent(found.code) && possessive && target.code == source.code) return true;
  // "Turkey deployed troops to the border": an unnamed force, or one of its
  // own country, is its own.
  if (rules.Has(found.code, CameoTrait::kOwnForces) &&
      (target.country.empty() || target.country == source.country) && !source.country.empty() &&
      StateForces(rules, target))
    return true;
  // "Trump pulled US troops out": the country of one's own troops.
  if (rules.Has(found.code, CameoTrait::kOwnForces) && !source.country.empty() &&
      target.code == source.country)
    return true;
  // "The company agreed to change its practices": a possessive or pronoun
  // that stands for a source of no country is the source's own too.
  if (target.country.empty() && source.country.empty() && target.pronoun >= 0 &&
      target.antecedent >= 0 && target.code == source.code && (possessive || !source.individual))
    return true;
  if (target.country.empty() || target.country != source.country) return false;
  // "Russia said it would defend itself": a pronoun or description that
  // stands for the source (for a country or group, one of the same code).
  // A noun that took its country from the source ("Letwin accused the
  // chancellor") or a pronoun for another person of the same code is
  // someone else.
  const bool same = target.pronoun >= 0 && target.antecedent >= 0 && target.code == source.code &&
                    (!source.individual || target.antecedent == x ||
                     (source.antecedent >= 0 && target.antecedent == source.antecedent));
  return possessive || same;
}

// Evidence: from the first to the last of trigger, pattern words and
// actors, within the sentence; an overlong span shrinks to the trigger's
// clause.
void SetEvidence(const Analysis& a, const TriggerMatch& found, int32_t vg, uint32_t trigger,
                 int32_t x, int32_t y, EventCandidate* c) {
  uint32_t begin = trigger, end = std::max(found.trigger_end, trigger + 1);
  // The words the pattern matched are evidence too ("A car bombing killed").
  for (uint32_t t : found.match.consumed) {
    begin = std::min(begin, t);
    end = std::max(end, t + 1);
  }
  for (int32_t i : {x, y}) {
    if (i < 0) continue;
    begin = std::min(begin, a.actors[i].begin);
    end = std::max(end, a.actors[i].end);
  }
  if (end - begin > kMaxEvidenceTokens && vg >= 0) {
    begin = std::min(trigger, a.verb_groups[vg].begin);
    end = std::max(end, static_cast<uint32_t>(a.verb_groups[vg].clause_end));
    end = std::min(end, begin + kMaxEvidenceTokens);
  }
  // A pattern's preposition whose object is not the event's ("withdrew its
  // troops from", the place being no target) does not end it.
  const uint32_t trigger_end = std::max(found.trigger_end, trigger + 1);
  while (end > trigger_end &&
         (a.tokens[end - 1].tag == PosTag::IN || a.tokens[end - 1].tag == PosTag::TO)) {
    --end;
  }
  const Sentence& s = a.sentences[c->sentence];
  c->evidence_begin = std::max(begin, s.token_begin);
  c->evidence_end = std::min(end, s.token_end);
}

// Whether the sentence has an event of this code and these actors already.
bool Known(const Analysis& a, const EventCandidate& c) {
  for (auto e = a.events.rbegin(); e != a.events.rend() && e->sentence == c.sentence; ++e) {
    if (e->cameo == c.cameo && e->source_code == c.source_code && e->target_code == c.target_code) {
      return true;
    }
  }
  return false;
}

// The candidate for one pair of actors; nullopt when the pair says nothing.
std::optional<EventCandidate> PairEvent(const EventRules& rules, const Analysis& a,
                                        const ActorSides& sides, const EventCandidate& base,
                                        const TriggerMatch& found, int32_t x, int32_t y) {
  // "deployed in the town", "withdrew from the cities": a place where people
  // live is what an event strikes, not where it happens or whence it comes.
  if (y >= 0 && a.actors[y].settlement) {
    const uint32_t p = a.actors[y].phrase;
    if (p > 0 && a.phrases[p - 1].type == PhraseType::kPreposition &&
        !rules.IsTargetPreposition(a.tokens[a.phrases[p - 1].head], base.noun)) {
      y = -1;
    }
  }
  EventCandidate c = base;
  c.source = std::max(x, -1);
  c.target = std::max(y, -1);
  if (x >= 0) c.source_code = a.actors[x].code;
  if (x <= kNewActor) c.source_code = sides.NewActor(x);
  // "The Kurds fought Isis": a people without a state that fights or
  // attacks does so by its armed groups, rebels.
  if (x >= 0 && rules.IsViolent(c.cameo)) {
    const PhraseActor& s = a.actors[x];
    if (!s.homelands.empty() && s.sector == "CVL" && s.code.ends_with("CVL"))
      c.source_code = s.code.substr(0, s.code.size() - 3) + "REB";
  }
  // "a Russian counterattack", "the Turkish incursion", "Israeli
  // airstrikes": armed force named by a country's adjective is its military.
  if (x >= 0 && base.noun && MilitaryAct(rules, c.cameo)) {
    const PhraseActor& s = a.actors[x];
    if (s.code == s.country && s.mention >= 0 && a.mentions[s.mention].end <= base.trigger &&
        a.mentions[s.mention].kind == MentionKind::kDemonym &&
        !rules.codes().IsInternational(s.country)) {
      c.source_code = s.country + "MIL";
    }
  }
  if (y <= kNewActor) c.target_code = sides.NewActor(y);
  if (y >= 0) {
    const PhraseActor& t = a.actors[y];
    // A country or capital that is acted upon materially (bombed, given
    // aid) is the country, not its government; spoken to, it is the government.
    const int quad = CameoTable::QuadClass(c.cameo);
    const bool material = quad == 2 || quad == 4;
    c.target_code = t.place_like && !t.country.empty() && material ? t.country : t.code;
    // "killed dozens of Palestinians": a people acted upon are its civilians.
    if (t.people && material && t.code == t.country) c.target_code = t.country + "CVL";
  }
  if (x >= 0 && y >= 0 && c.source_code == c.target_code &&
      a.actors[x].phrase == a.actors[y].phrase) {
    return std::nullopt;
  }
  if (x >= 0 && y >= 0) {
    c.target_code = DomesticTarget(rules, found.code, a.actors[x], a.actors[y], c.target_code);
    c.home_country = HomeCountry(rules, found.code, a.actors[x], a.actors[y]);
  }
  // Violence between companies, courts or journalists is a figure of speech
  // ("Yukos fought the bid", "hit the competitiveness of ...").
  if (rules.IsViolent(found.code) && (x >= 0 || y >= 0)) {
    bool civil_only = true;
    for (int32_t i : {x, y}) {
      if (i >= 0 && !rules.codes().IsNonviolent(a.actors[i].sector)) civil_only = false;
    }
    if (civil_only) return std::nullopt;
  }
  // "Letwin attacked government red tape", "the judge clashed with
  // ministers", "took over from Jack Straw": fighting between a country's
  // government and its own government or civil bodies is politics.
  if (x >= 0 && y >= 0 && rules.Has(found.code, CameoTrait::kCombat)) {
    const PhraseActor& s = a.actors[x];
    const PhraseActor& t = a.actors[y];
    auto political = [&](const PhraseActor& z) {
      return z.sector == "GOV" || rules.codes().IsNonviolent(z.sector);
    };
    if (!s.country.empty() && s.country == t.country && political(s) && political(t) &&
        (s.sector == "GOV" || t.sector == "GOV"))
      return std::nullopt;
  }
  // Killing armed men is combat, not violence against civilians: "troops
  // killed 15 Boko Haram fighters", "militants killed two soldiers".
  if (c.cameo == "180" && y >= 0 && rules.IsArmed(a.actors[y])) c.cameo = "190";
  // "detained by Isis", "held by kidnappers": what a group outside any law
  // does to those it detains is abduction (181), not arrest.
  if (c.cameo.compare(0, 3, "173") == 0 && x >= 0) {
    const PhraseActor& s = a.actors[x];
    if (rules.codes().HasTag(s.country, "captor") || rules.codes().HasTag(s.sector, "captor"))
      c.cameo = "181";
  }
  return c;
}

}  // namespace

void EmitEvents(const EventRules& rules, Analysis* a, ExtractionState* state,
                const TriggerMatch& found, const Roles& roles, int32_t vg, uint32_t sentence,
                uint32_t trigger) {
  ActorSides sides(rules, *a, sentence);
  const std::vector<std::pair<int32_t, int32_t>> pairs =
      ActorPairs(rules, *a, found, roles, &sides);
  if (pairs.empty()) return;
  // An intention or a threat needs someone who intends or threatens.
  const bool has_source =
      std::any_of(pairs.begin(), pairs.end(), [](const auto& p) { return p.first >= 0; });
  ModalityFlags flags;
  if (vg >= 0) {
    flags = ModalityOf(rules, *a, vg);
  } else {
    flags.reported = (a->tokens[trigger].flags & kTokInQuote) != 0;
  }
  EventCandidate base;
  base.sentence = sentence;
  base.trigger = trigger;
  base.noun = found.noun;
  base.specificity = found.specificity;
  base.verb_group = vg;
  base.actorless_ok = roles.actorless_ok;
  base.place_phrase = roles.place;
  base.cameo = RecodeByModality(rules, found.code, has_source, &flags);
  base.pattern_code = found.code;
  base.rule = found.rule;
  base.modality = flags.Resolve();
  base.attribution = AttributionOf(rules, *a, vg);
  for (auto [x, y] : pairs) {
    if (OwnSide(rules, *a, found, x, y)) {
      if (pairs.size() > 1) continue;
      y = -1;
    }
    std::optional<EventCandidate> c = PairEvent(rules, *a, sides, base, found, x, y);
    if (!c) continue;
    SetEvidence(*a, found, vg, trigger, x, y, &*c);
    if (Known(*a, *c)) continue;
    // PETRARCH's [A:B]: B is what the target does in turn ("arrived in
    // Gondor" [032:033]: a visit by the source, hosting by the target).
    std::optional<EventCandidate> reciprocal;
    if (!found.alternate.empty() && Named(x) && Named(y)) {
      reciprocal = *c;
      std::swap(reciprocal->source, reciprocal->target);
      std::swap(reciprocal->source_code, reciprocal->target_code);
      reciprocal->cameo = reciprocal->pattern_code = found.alternate;
    }
    a->events.push_back(std::move(*c));
    if (const CameoEntry* e = rules.cameo().Find(found.code)) state->See(e->plover_type);
    if (reciprocal && !Known(*a, *reciprocal)) a->events.push_back(std::move(*reciprocal));
  }
}

}  // namespace palmyra
