#include "decide/candidate_features.h"

#include <algorithm>

namespace palmyra {
namespace {

std::string_view MentionName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kCountry:
      return "country";
    case MentionKind::kDemonym:
      return "demonym";
    case MentionKind::kCapital:
      return "capital";
    case MentionKind::kOrganization:
      return "organization";
    case MentionKind::kPerson:
      return "person";
    case MentionKind::kAgent:
      return "agent";
    case MentionKind::kPronoun:
      return "pronoun";
  }
  return "agent";
}

// "0", "1", "2", "3+" and the like: n against ascending bounds.
std::string Bucket(int n, std::initializer_list<int> bounds) {
  int last = 0;
  for (int b : bounds) {
    if (n < b)
      return last + 1 == b ? std::to_string(last)
                           : std::to_string(last) + "-" + std::to_string(b - 1);
    last = b;
  }
  return std::to_string(last) + "+";
}

// An actor's sector as a feature: a country named alone is a state ("Russia
// attacked"), apart from an actor with neither ("-").
std::string SectorName(const PhraseActor& x) {
  if (!x.sector.empty()) return x.sector;
  return x.country.empty() ? "-" : "STATE";
}

// How an actor was named: "none", "coref", or the kind of the mention that
// named it; with its sector ("agent:MIL") and whether it has a country.
void ActorFeatures(const Analysis& a, const char* role, int32_t index, const std::string& code,
                   std::vector<std::string>* out) {
  const std::string r(role);
  if (index < 0) {
    out->push_back(r + (code.empty() ? "=none" : "=unnamed"));
    return;
  }
  const PhraseActor& x = a.actors[index];
  std::string how = "agent";
  if (x.antecedent >= 0 || x.pronoun >= 0) {
    how = "coref";
  } else if (x.mention >= 0) {
    how = std::string(MentionName(a.mentions[x.mention].kind));
  }
  const std::string sector = SectorName(x);
  out->push_back(r + "=" + how);
  out->push_back(r + "-sector=" + sector);
  out->push_back(r + "=" + how + ":" + sector);
  if (x.country.empty()) out->push_back(r + "-no-country");
  if (x.definite) out->push_back(r + "-definite");
}

// The tense of a verb group from its first verb or modal.
std::string_view Tense(const Analysis& a, const VerbGroup& g) {
  for (uint32_t t = g.begin; t < g.end; ++t) {
    switch (a.tokens[t].tag) {
      case PosTag::VBD:
        return "past";
      case PosTag::VBZ:
      case PosTag::VBP:
        return "present";
      case PosTag::MD:
        return "modal";
      case PosTag::VBG:
        return "gerund";
      case PosTag::VBN:
        return "participle";
      case PosTag::VB:
        return "base";
      default:
        break;
    }
  }
  return "none";
}

// What a noun trigger's phrase opens with: its determiner, "possessive", or "none".
std::string Determiner(const Analysis& a, const Phrase& np) {
  if (np.possessor_end != np.begin) return "possessive";
  const Token& first = a.tokens[np.begin];
  if (first.tag == PosTag::PRP_S) return "possessive";
  if (first.tag == PosTag::DT || first.tag == PosTag::PDT) return std::string(a.Key(np.begin));
  if (first.tag == PosTag::CD) return "number";
  return "none";
}

// The phrase holding token t (phrases are in text order).
int32_t PhraseOf(const Analysis& a, uint32_t sentence, uint32_t t) {
  const uint32_t pb = a.sentence_phrase_begin[sentence], pe = a.sentence_phrase_begin[sentence + 1];
  for (uint32_t p = pb; p < pe; ++p) {
    if (a.phrases[p].begin <= t && t < a.phrases[p].end) return static_cast<int32_t>(p);
  }
  return -1;
}

// "events/verbs/19_fight.txt:102" -> "verbs/19_fight".
std::string RuleFile(const std::string& rule) {
  std::string file = rule.substr(0, rule.rfind(':'));
  if (file.rfind("events/", 0) == 0) file = file.substr(7);
  if (file.size() > 4 && file.compare(file.size() - 4, 4, ".txt") == 0)
    file.resize(file.size() - 4);
  return file.empty() ? "-" : file;
}

void TriggerFeatures(const Analysis& a, const EventCandidate& c, std::vector<std::string>* out) {
  const std::string root = c.cameo.substr(0, 2);
  const std::string lemma(a.tokens[c.trigger].lemma);
  out->push_back("root=" + root);
  out->push_back("code=" + c.cameo);
  out->push_back("lemma=" + lemma);
  out->push_back("lemma*root=" + lemma + "|" + root);
  out->push_back("rule-file=" + RuleFile(c.rule));
  out->push_back(c.specificity < 0 ? "pattern=default"
                                   : "pattern=" + Bucket(c.specificity, {1, 2, 4}));
  if (c.pattern_code != c.cameo) out->push_back("recoded");
  out->push_back(c.noun ? "trigger=noun" : "trigger=verb");
  if (!c.noun) return;
  const int32_t p = PhraseOf(a, c.sentence, c.trigger);
  if (p < 0) return;
  const Phrase& np = a.phrases[p];
  const std::string det = Determiner(a, np);
  out->push_back("determiner=" + det);
  out->push_back("determiner*root=" + det + "|" + root);
  if (a.tokens[np.head].tag == PosTag::NNS) out->push_back("plural");
  if (np.head != c.trigger) out->push_back("noun-modifier");
  const uint32_t pb = a.sentence_phrase_begin[c.sentence];
  if (static_cast<uint32_t>(p) > pb && a.phrases[p - 1].type == PhraseType::kPreposition) {
    out->push_back("after-preposition=" + std::string(a.Key(a.phrases[p - 1].head)));
  }
}

void ClauseFeatures(const Analysis& a, const EventCandidate& c, std::vector<std::string>* out) {
  const std::string root = c.cameo.substr(0, 2);
  const std::string modality(ModalityName(c.modality));
  out->push_back("modality=" + modality);
  out->push_back("modality*root=" + modality + "|" + root);
  if (c.attribution >= 0) out->push_back("attributed");
  if (a.tokens[c.trigger].flags & kTokInQuote) out->push_back("in-quote");
  if (c.verb_group < 0) {
    out->push_back("clause=none");
    return;
  }
  const VerbGroup& g = a.verb_groups[c.verb_group];
  const std::string clause(ClauseKindName(g.kind));
  out->push_back("clause=" + clause);
  out->push_back("clause*root=" + clause + "|" + root);
  out->push_back("tense=" + std::string(Tense(a, g)));
  if (g.passive) out->push_back("passive");
  if (g.negated) out->push_back("negated");
  if (g.coordinated) out->push_back("coordinated");
  if (g.reported_by >= 0) out->push_back("speech-frame");
  if (g.according_to >= 0) out->push_back("according-to");
  if (g.speech) out->push_back("speech-verb");
  if (g.governor >= 0) {
    const std::string governor(a.tokens[a.verb_groups[g.governor].main].lemma);
    out->push_back("governor=" + governor);
  }
  if (c.noun) {
    // Where the noun stands in the clause of its verb.
    const int32_t p = PhraseOf(a, c.sentence, c.trigger);
    if (p == g.subject) out->push_back("noun-is=subject");
    if (p == g.object) out->push_back("noun-is=object");
    if (g.main < c.trigger && g.object != p) out->push_back("noun-is=after-verb");
    if (c.trigger < g.begin && g.subject != p) out->push_back("noun-is=before-verb");
  }
}

// A phrase's head word, or "actor" when the phrase names one.
std::string HeadWord(const Analysis& a, int32_t phrase) {
  if (phrase < 0) return "none";
  if (a.ActorOf(static_cast<uint32_t>(phrase)) != nullptr) return "actor";
  return std::string(a.tokens[a.phrases[phrase].head].lemma);
}

// The words around the trigger and in its clause.
void ContextFeatures(const Analysis& a, const EventCandidate& c, std::vector<std::string>* out) {
  const Sentence& s = a.sentences[c.sentence];
  const std::string root = c.cameo.substr(0, 2);
  if (c.trigger > s.token_begin) out->push_back("previous=" + std::string(a.Key(c.trigger - 1)));
  if (c.trigger + 1 < s.token_end) out->push_back("next=" + std::string(a.Key(c.trigger + 1)));
  if (c.verb_group >= 0) {
    const VerbGroup& g = a.verb_groups[c.verb_group];
    for (uint32_t t = g.begin; t < g.end; ++t) {
      if (a.tokens[t].tag == PosTag::MD) out->push_back("modal=" + std::string(a.Key(t)));
    }
    if (!c.noun) {
      out->push_back("subject=" + HeadWord(a, g.passive ? g.by_agent : g.subject));
      out->push_back("object=" + HeadWord(a, g.passive ? g.subject : g.object));
    } else {
      out->push_back("clause-verb=" + std::string(a.tokens[g.main].lemma));
    }
  }
  if (c.noun) {
    const int32_t p = PhraseOf(a, c.sentence, c.trigger);
    if (p >= 0) {
      for (uint32_t t = a.phrases[p].begin; t < c.trigger; ++t) {
        if (IsProperNoun(a.tokens[t].tag)) {
          out->push_back("name-before-noun");
          break;
        }
      }
    }
  }
  const std::string source_sector = c.source >= 0 ? SectorName(a.actors[c.source]) : "none";
  const std::string target_sector = c.target >= 0 ? SectorName(a.actors[c.target]) : "none";
  out->push_back("root*source-sector=" + root + "|" + source_sector);
  out->push_back("root*target-sector=" + root + "|" + target_sector);
}

void SentenceFeatures(const Analysis& a, const EventCandidate& c, std::vector<std::string>* out) {
  const Sentence& s = a.sentences[c.sentence];
  if (s.headline) out->push_back("headline");
  out->push_back("sentence=" + Bucket(static_cast<int>(c.sentence), {1, 2, 5}));
  out->push_back("length=" + Bucket(static_cast<int>(s.token_end - s.token_begin), {12, 25, 40}));
  if (s.token_end > s.token_begin && a.Form(s.token_end - 1) == "?") out->push_back("question");
  const auto same = std::equal_range(
      a.events.begin(), a.events.end(), c,
      [](const EventCandidate& x, const EventCandidate& y) { return x.sentence < y.sentence; });
  const int in_sentence = static_cast<int>(same.second - same.first);
  out->push_back("events-in-sentence=" + Bucket(in_sentence, {2, 3, 5}));
  int same_type = 0;
  for (auto e = same.first; e != same.second; ++e)
    same_type += e->cameo.compare(0, 2, c.cameo, 0, 2) == 0;
  if (same_type > 1) out->push_back("same-root-in-sentence");
  if (c.date && c.date->historical) out->push_back("historical");
  if (c.date && !c.date->text.empty()) out->push_back("dated");
  if (!c.quantities.empty()) out->push_back("quantities");
  if (c.location) out->push_back("located");
}

}  // namespace

void CandidateFeatures(const Analysis& a, const EventCandidate& c, std::vector<std::string>* out) {
  out->clear();
  out->push_back("bias");
  TriggerFeatures(a, c, out);
  ClauseFeatures(a, c, out);
  ActorFeatures(a, "source", c.source, c.source_code, out);
  if (c.target < 0 && c.target_place >= 0) {
    out->push_back("target=place");
  } else {
    ActorFeatures(a, "target", c.target, c.target_code, out);
  }
  if (c.source < 0 && c.target < 0 && c.source_code.empty() && c.target_code.empty())
    out->push_back(c.actorless_ok ? "no-actors=plausible" : "no-actors");
  if (c.source >= 0 && c.target >= 0 && a.actors[c.source].country == a.actors[c.target].country &&
      !a.actors[c.source].country.empty()) {
    out->push_back("same-country");
  }
  ContextFeatures(a, c, out);
  SentenceFeatures(a, c, out);
}

}  // namespace palmyra
