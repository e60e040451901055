#include "entities/actor_composer.h"

#include <algorithm>

#include "core/strings.h"

namespace palmyra {
namespace {

bool IsPersonalPronoun(const Analysis& a, uint32_t i) { return a.tokens[i].tag == PosTag::PRP; }
bool IsPossessivePronoun(const Analysis& a, uint32_t i) { return a.tokens[i].tag == PosTag::PRP_S; }

}  // namespace

void ActorComposer::Describe(PhraseActor* actor) const {
  actor->country = std::string(codes_->Country(actor->code));
  actor->sector = std::string(codes_->Sector(actor->code));
}

void ActorComposer::Compose(Analysis* a) const {
  a->actors.clear();
  std::vector<int32_t> mention_at(a->tokens.size(), -1);
  for (size_t m = 0; m < a->mentions.size(); ++m) {
    for (uint32_t t = a->mentions[m].begin; t < a->mentions[m].end; ++t) {
      mention_at[t] = static_cast<int32_t>(m);
    }
  }
  std::vector<bool> consumed(a->mentions.size(), false);
  std::vector<int32_t> mentions;
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    for (uint32_t p = a->sentence_phrase_begin[s]; p < a->sentence_phrase_begin[s + 1]; ++p) {
      const Phrase& ph = a->phrases[p];
      if (ph.type != PhraseType::kNoun) continue;
      mentions.clear();
      for (uint32_t t = ph.begin; t < ph.end; ++t) {
        const int32_t m = mention_at[t];
        if (m >= 0 && !consumed[m] && (mentions.empty() || mentions.back() != m)) {
          mentions.push_back(m);
        }
      }
      ComposePhrase(a, p, mentions, &consumed);
    }
    LinkOfPhrases(a, s);
    LinkAppositions(a, s);
    ShareCountryAcrossAnd(a, s);
  }
}

void ActorComposer::ComposePhrase(Analysis* a, uint32_t p, const std::vector<int32_t>& mentions,
                                  std::vector<bool>* consumed) const {
  const Phrase& ph = a->phrases[p];
  const Date* date = a->has_reference_date ? &a->reference_date : nullptr;
  int32_t person = -1, head_agent = -1;
  std::vector<int32_t> organizations, countries, agents;
  for (int32_t m : mentions) {
    (*consumed)[m] = true;
    const Mention& mention = a->mentions[m];
    switch (mention.kind) {
      case MentionKind::kPerson:
        if (person < 0) person = m;
        break;
      case MentionKind::kOrganization:
        organizations.push_back(m);
        break;
      case MentionKind::kCountry:
      case MentionKind::kDemonym:
      case MentionKind::kCapital:
        countries.push_back(m);
        break;
      case MentionKind::kAgent:
        agents.push_back(m);
        if (ph.head >= mention.begin && ph.head < mention.end) head_agent = m;
        break;
      case MentionKind::kPronoun:
        break;
    }
  }
  // A possessive pronoun ("its jets") or a personal pronoun ("he").
  int32_t pronoun = -1;
  for (uint32_t t = ph.begin; t < ph.end; ++t) {
    if (IsPossessivePronoun(*a, t) || (IsPersonalPronoun(*a, t) && t == ph.head)) {
      pronoun = static_cast<int32_t>(t);
      break;
    }
  }
  if (mentions.empty() && pronoun < 0) return;

  // The role: the head's agent, unless it is generic ("official") and a more
  // specific agent modifies it ("military official"); else the last agent
  // ("Foreign Minister Sergei Lavrov").
  std::string role;
  bool individual = false, plural = false;
  const int32_t role_agent = [&]() -> int32_t {
    if (head_agent >= 0) {
      if (dictionary_->entry(a->mentions[head_agent].entry).generic) {
        for (auto it = agents.rbegin(); it != agents.rend(); ++it) {
          if (*it != head_agent && !dictionary_->entry(a->mentions[*it].entry).generic) return *it;
        }
      }
      return head_agent;
    }
    return agents.empty() ? -1 : agents.back();
  }();
  if (role_agent >= 0) role = dictionary_->CodeOn(a->mentions[role_agent].entry, date);
  // A people without a state of its own: "Kurdish forces" are rebels, not
  // an army; "the Kurds", "Kurdish women" civilians.
  const ActorEntry* ethnic = nullptr;
  for (int32_t m : agents) {
    const ActorEntry& e = dictionary_->entry(a->mentions[m].entry);
    if (!e.homelands.empty()) ethnic = &e;
  }
  if (ethnic != nullptr && codes_->HasTag(role, "state") && codes_->HasTag(role, "armed"))
    role = "REB";
  // Agents that put their role first ([NGO~]) and are not the phrase's role
  // agent still do: "an MSF Arnor diplomat" is NGO + ARN + GOV.
  std::string prefixes;
  for (int32_t m : agents) {
    if (m != role_agent && dictionary_->entry(a->mentions[m].entry).agent_prefix)
      prefixes += dictionary_->CodeOn(a->mentions[m].entry, date);
  }
  if (head_agent >= 0) {
    const Mention& h = a->mentions[head_agent];
    plural = dictionary_->RoleOfName(h.name) == NameRole::kPlural ||
             a->tokens[ph.head].tag == PosTag::NNS || a->tokens[ph.head].tag == PosTag::NNPS;
    individual = dictionary_->entry(h.entry).individual && !plural;
  }

  PhraseActor actor;
  actor.phrase = p;
  actor.end = ph.end;
  actor.begin = ph.end;
  for (int32_t m : mentions) actor.begin = std::min(actor.begin, a->mentions[m].begin);
  if (pronoun >= 0) actor.begin = std::min(actor.begin, static_cast<uint32_t>(pronoun));
  actor.definite = a->Key(ph.begin) == "the";
  actor.individual = individual;
  actor.plural = plural;

  auto finish = [&](PhraseActor x, int32_t deciding) {
    x.mention = deciding;
    if (deciding >= 0) x.rule = dictionary_->entry(a->mentions[deciding].entry).rule;
    // A name that stands for several actors ("LORIEN [ELR/GAL]"): one
    // actor each.
    if (x.code.find('/') != std::string::npos) {
      const std::string codes = x.code;
      for (std::string_view part : Split(codes, '/')) {
        if (part.empty()) continue;
        PhraseActor y = x;
        y.code = std::string(part);
        Describe(&y);
        a->actors.push_back(std::move(y));
      }
      return;
    }
    Describe(&x);
    a->actors.push_back(std::move(x));
  };

  if (person >= 0) {
    // "President Vladimir Putin"; but "Assad's forces" are the forces of Assad's country.
    const Mention& m = a->mentions[person];
    actor.code = dictionary_->CodeOn(m.entry, date);
    actor.individual = true;
    if (role_agent >= 0 && !codes_->HasRole(actor.code) && !role.empty()) {
      actor.code = dictionary_->entry(a->mentions[role_agent].entry).agent_prefix
                       ? role + actor.code
                       : actor.code + role;
    }
    if (m.end <= ph.possessor_end && head_agent >= 0 && m.end <= a->mentions[head_agent].begin) {
      actor.code = std::string(codes_->Country(actor.code)) + role;
      actor.individual = individual;
    }
    finish(std::move(actor), person);
    return;
  }
  // Several names joined by a conjunction share the agent: "Hungarian and
  // Romanian officials", "Isis and IS fighters". Otherwise the first counts.
  auto coordinated = [&](const std::vector<int32_t>& list) {
    std::vector<int32_t> out{list[0]};
    for (size_t i = 1; i < list.size(); ++i) {
      const uint32_t begin = a->mentions[list[i]].begin;
      if (begin > 0 && a->tokens[begin - 1].tag == PosTag::CC) out.push_back(list[i]);
    }
    return out;
  };
  if (!organizations.empty()) {
    for (int32_t o : coordinated(organizations)) {
      const Mention& m = a->mentions[o];
      PhraseActor x = actor;
      x.code = dictionary_->CodeOn(m.entry, date);
      x.end = std::max(x.end, m.end);  // "Islamic State of Iraq and the Levant"
      // "UN peacekeepers", "Prime Minister Romendacil" (a name coded by its
      // country alone): a name without a role takes its agent's.
      if (role_agent >= 0 && !codes_->HasRole(x.code) && !role.empty()) {
        x.code = dictionary_->entry(a->mentions[role_agent].entry).agent_prefix
                     ? role + x.code
                     : prefixes + x.code + role;
      }
      finish(std::move(x), o);
    }
    return;
  }
  if (!countries.empty()) {
    const std::vector<int32_t> list = coordinated(countries);
    for (int32_t c : list) {
      const Mention& m = a->mentions[c];
      PhraseActor x = actor;
      const std::string& country = dictionary_->CodeOn(m.entry, date);
      std::string r = role;
      if (r.empty() && m.kind == MentionKind::kCapital) r = "GOV";  // "Moscow said"
      const bool prefix =
          role_agent >= 0 && dictionary_->entry(a->mentions[role_agent].entry).agent_prefix;
      x.code = prefix ? r + country : prefixes + country + r;
      x.place_like =
          agents.empty() && (m.kind == MentionKind::kCountry || m.kind == MentionKind::kCapital);
      if (m.kind == MentionKind::kDemonym && agents.empty()) {
        x.plural = dictionary_->RoleOfName(m.name) == NameRole::kPeople;
        x.people = x.plural;  // "Iraqis": the country, or its civilians when acted upon
      }
      finish(std::move(x), role_agent >= 0 ? role_agent : c);
      // The code is decided by the country; the rule names the country entry.
      a->actors.back().rule = dictionary_->entry(m.entry).rule;
      a->actors.back().mention = c;
    }
    return;
  }
  if (!agents.empty() || pronoun >= 0) {
    // "the convoy", "positions": words that name an actor only when someone
    // owns them ("Russian positions", "its convoy").
    if (pronoun < 0 && role_agent >= 0 &&
        dictionary_->entry(a->mentions[role_agent].entry).modified) {
      bool other = false;
      for (int32_t m : agents) other |= !dictionary_->entry(a->mentions[m].entry).modified;
      if (!other) return;
    }
    // "the rebels", "its jets", "he": the country comes from coreference;
    // a people's, from the article, when it lives there.
    actor.code = role;
    actor.pronoun = pronoun;
    if (ethnic != nullptr) {
      for (const std::string& c : ethnic->homelands)
        actor.homelands += (actor.homelands.empty() ? "" : ",") + c;
    }
    actor.settlement = role_agent >= 0 && dictionary_->entry(a->mentions[role_agent].entry).place;
    finish(std::move(actor), role_agent);
  }
}

void ActorComposer::LinkOfPhrases(Analysis* a, uint32_t s) const {
  // "the president of Armenia", "forces of the Syrian government", "the
  // leader of Hamas": an agent without a country takes its complement's.
  const uint32_t pb = a->sentence_phrase_begin[s], pe = a->sentence_phrase_begin[s + 1];
  const auto first =
      std::lower_bound(a->actors.begin(), a->actors.end(), pb,
                       [](const PhraseActor& y, uint32_t value) { return y.phrase < value; });
  std::vector<PhraseActor> added;  // one more for each further conjunct
  for (size_t i = static_cast<size_t>(first - a->actors.begin()); i < a->actors.size(); ++i) {
    PhraseActor& x = a->actors[i];
    if (x.phrase >= pe) break;
    if (!x.country.empty() || x.code.empty() || x.pronoun >= 0) continue;
    const uint32_t of = x.phrase + 1;
    if (of + 1 >= pe || a->phrases[of].type != PhraseType::kPreposition) continue;
    const std::string_view prep = a->Key(a->phrases[of].head);
    const PhraseActor* y = a->ActorOf(of + 1);
    if (y == nullptr || y->country.empty()) continue;
    // "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in
    // Fornost and Gondor": each conjunct gives the agent its own actor.
    const PhraseActor before_link = x;
    std::vector<const PhraseActor*> more;
    for (uint32_t q = of + 2; q + 1 < pe;) {
      const Phrase& sep = a->phrases[q];
      const std::string_view word = a->Key(sep.head);
      if (sep.type != PhraseType::kOther || (word != "," && word != "and" && word != "or")) break;
      uint32_t next = q + 1;
      if (word == "," && next + 1 < pe && a->phrases[next].type == PhraseType::kOther &&
          (a->Key(a->phrases[next].head) == "and" || a->Key(a->phrases[next].head) == "or")) {
        ++next;
      }
      const PhraseActor* z =
          a->phrases[next].type == PhraseType::kNoun ? a->ActorOf(next) : nullptr;
      if (z == nullptr || z->country.empty()) break;
      more.push_back(z);
      q = next + 1;
    }
    // "rebels in the Ivory Coast", "refugees from Syria": a country's place
    // (a country, or what a dictionary codes as one alone: "Soldiers from
    // Gondor" with GONDOR [GON]).
    if ((prep == "in" || prep == "from") && (y->place_like || y->code == y->country)) {
      std::vector<const PhraseActor*> places{y};
      for (const PhraseActor* z : more) {
        if (z->place_like || z->code == z->country) places.push_back(z);
      }
      // "Lawmakers and officials in Fornost and Gondor": the agents joined
      // to this one take the same countries.
      std::vector<size_t> agents{i};
      for (uint32_t q = x.phrase; q >= pb + 2;) {
        const Phrase& sep = a->phrases[q - 1];
        const std::string_view word = a->Key(sep.head);
        if (sep.type != PhraseType::kOther || (word != "," && word != "and")) break;
        const auto [lo, hi] = a->ActorsOf(q - 2);
        if (lo == hi) break;
        for (size_t k = lo; k < hi; ++k) {
          const PhraseActor& w = a->actors[k];
          if (w.country.empty() && !w.code.empty() && w.pronoun < 0) agents.push_back(k);
        }
        q -= 2;
      }
      for (size_t k : agents) {
        const PhraseActor unlinked = a->actors[k];
        for (size_t n = 0; n < places.size(); ++n) {
          PhraseActor w = unlinked;
          w.code = places[n]->country + unlinked.code;
          w.rule = places[n]->rule;
          Describe(&w);
          if (n == 0) {
            a->actors[k] = std::move(w);
          } else {
            added.push_back(std::move(w));
          }
        }
      }
      continue;
    }
    // "the spokesman for the UN Secretary-General": who a person speaks for.
    if (prep != "of" && !(prep == "for" && x.individual)) continue;
    x.code = codes_->HasRole(y->code) || y->individual ? y->code : y->code + x.code;
    x.end = a->phrases[of + 1].end;
    x.rule = y->rule;
    x.individual = x.individual && !y->individual;
    Describe(&x);
    if (prep != "of") continue;
    for (const PhraseActor* z : more) {
      PhraseActor w = before_link;
      w.code = codes_->HasRole(z->code) || z->individual ? z->code : z->code + before_link.code;
      w.rule = z->rule;
      w.individual = before_link.individual && !z->individual;
      Describe(&w);
      added.push_back(std::move(w));
    }
  }
  if (added.empty()) return;
  // The sentence's actors are the last ones; keep them sorted by phrase.
  const size_t offset = static_cast<size_t>(first - a->actors.begin());
  a->actors.insert(a->actors.end(), added.begin(), added.end());
  std::stable_sort(a->actors.begin() + offset, a->actors.end(),
                   [](const PhraseActor& x, const PhraseActor& y) { return x.phrase < y.phrase; });
}

void ActorComposer::ShareCountryAcrossAnd(Analysis* a, uint32_t s) const {
  // "Danish media and government": a bare agent joined by "and" to an
  // actor named by its country takes that country.
  const uint32_t pb = a->sentence_phrase_begin[s], pe = a->sentence_phrase_begin[s + 1];
  for (uint32_t p = pb + 2; p < pe; ++p) {
    const Phrase& ph = a->phrases[p];
    if (ph.type != PhraseType::kNoun || ph.end - ph.begin != 1) continue;
    const Phrase& cc = a->phrases[p - 1];
    if (cc.type != PhraseType::kOther || a->Key(cc.head) != "and") continue;
    const PhraseActor* y = a->ActorOf(p - 2);
    if (y == nullptr || y->country.empty() || y->pronoun >= 0 || y->antecedent >= 0) continue;
    // The country is named at the start of the first conjunct ("Danish").
    const uint32_t start = a->phrases[p - 2].begin;
    const bool country_first =
        std::any_of(a->mentions.begin(), a->mentions.end(), [&](const Mention& m) {
          return m.begin == start && m.kind != MentionKind::kAgent &&
                 m.kind != MentionKind::kPronoun && m.kind != MentionKind::kPerson;
        });
    if (!country_first) continue;
    const auto [lo, hi] = a->ActorsOf(p);
    for (size_t k = lo; k < hi; ++k) {
      PhraseActor& x = a->actors[k];
      if (!x.country.empty() || x.code.empty() || x.pronoun >= 0 || !codes_->IsRole(x.code))
        continue;
      x.code = y->country + x.code;
      x.rule = y->rule;
      Describe(&x);
    }
  }
}

void ActorComposer::LinkAppositions(Analysis* a, uint32_t s) const {
  // "Sergei Lavrov, the Russian foreign minister," and "the Russian foreign
  // minister, Sergei Lavrov,": the named and the described are one actor.
  const uint32_t pb = a->sentence_phrase_begin[s], pe = a->sentence_phrase_begin[s + 1];
  std::vector<PhraseActor> added;
  for (uint32_t p = pb; p + 2 < pe; ++p) {
    if (a->phrases[p].type != PhraseType::kNoun || a->phrases[p + 2].type != PhraseType::kNoun ||
        a->Form(a->phrases[p + 1].head) != ",") {
      continue;
    }
    // The second may carry its complements: "Stephane Dujarric, spokesman
    // for the UN Secretary-General, said".
    uint32_t after = p + 3;
    while (after + 1 < pe && a->phrases[after].type == PhraseType::kPreposition &&
           a->phrases[after + 1].type == PhraseType::kNoun) {
      after += 2;
    }
    const bool closed = after >= pe || a->Form(a->phrases[after].head) == "," ||
                        a->phrases[after].type == PhraseType::kVerb;
    if (!closed) continue;
    const PhraseActor* first = a->ActorOf(p);
    const PhraseActor* second = a->ActorOf(p + 2);
    const bool first_proper = IsProperNoun(a->tokens[a->phrases[p].head].tag);
    const bool second_proper = IsProperNoun(a->tokens[a->phrases[p + 2].head].tag);
    const PhraseActor* known = nullptr;
    uint32_t unknown = 0;
    if (first == nullptr && second != nullptr && first_proper && !second->country.empty()) {
      known = second, unknown = p;
    } else if (second == nullptr && first != nullptr && second_proper && !first->country.empty()) {
      known = first, unknown = p + 2;
    }
    if (known == nullptr || !known->individual) continue;
    PhraseActor x = *known;
    x.phrase = unknown;
    x.begin = a->phrases[unknown].begin;
    x.end = a->phrases[unknown].end;
    x.place_like = false;
    added.push_back(std::move(x));
  }
  if (added.empty()) return;
  // The sentence's actors are the last ones; keep them sorted by phrase.
  const auto first =
      std::lower_bound(a->actors.begin(), a->actors.end(), pb,
                       [](const PhraseActor& y, uint32_t value) { return y.phrase < value; });
  const size_t offset = static_cast<size_t>(first - a->actors.begin());
  a->actors.insert(a->actors.end(), added.begin(), added.end());
  std::stable_sort(a->actors.begin() + offset, a->actors.end(),
                   [](const PhraseActor& x, const PhraseActor& y) { return x.phrase < y.phrase; });
}

}  // namespace palmyra
