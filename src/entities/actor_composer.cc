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

ActorComposer::PhraseParts ActorComposer::SortMentions(const Analysis& a, uint32_t p,
                                                       const std::vector<int32_t>& mentions) const {
  const Phrase& ph = a.phrases[p];
  PhraseParts parts;
  for (int32_t m : mentions) {
    const Mention& mention = a.mentions[m];
    switch (mention.kind) {
      case MentionKind::kPerson:
        if (parts.person < 0) parts.person = m;
        break;
      case MentionKind::kOrganization:
        parts.organizations.push_back(m);
        break;
      case MentionKind::kCountry:
      case MentionKind::kDemonym:
      case MentionKind::kCapital:
        parts.countries.push_back(m);
        break;
      case MentionKind::kAgent:
        parts.agents.push_back(m);
        if (ph.head >= mention.begin && ph.head < mention.end) parts.head_agent = m;
        break;
      case MentionKind::kPronoun:
        break;
    }
  }
  // A possessive pronoun ("its jets") or a personal pronoun ("he").
  for (uint32_t t = ph.begin; t < ph.end; ++t) {
    if (IsPossessivePronoun(a, t) || (IsPersonalPronoun(a, t) && t == ph.head)) {
      parts.pronoun = static_cast<int32_t>(t);
      break;
    }
  }
  return parts;
}

void ActorComposer::DecideRole(const Analysis& a, const Phrase& ph, const Date* date,
                               PhraseParts* parts) const {
  // The role: the head's agent, unless it is generic ("official") and a more
  // specific agent modifies it ("military official"); else the last agent
  // ("Foreign Minister Sergei Lavrov").
  const auto& agents = parts->agents;
  const int32_t head_agent = parts->head_agent;
  auto generic = [&](int32_t m) { return dictionary_->entry(a.mentions[m].entry).generic; };
  parts->role_agent = agents.empty() ? -1 : agents.back();
  if (head_agent >= 0) {
    parts->role_agent = head_agent;
    for (auto it = agents.rbegin(); generic(head_agent) && it != agents.rend(); ++it) {
      if (*it != head_agent && !generic(*it)) {
        parts->role_agent = *it;
        break;
      }
    }
  }
  if (parts->role_agent >= 0)
    parts->role = dictionary_->CodeOn(a.mentions[parts->role_agent].entry, date);
  // A people without a state of its own: "Kurdish forces" are rebels, not
  // an army; "the Kurds", "Kurdish women" civilians.
  for (int32_t m : agents) {
    const ActorEntry& e = dictionary_->entry(a.mentions[m].entry);
    if (!e.homelands.empty()) parts->ethnic = &e;
  }
  if (parts->ethnic != nullptr && codes_->HasTag(parts->role, "state") &&
      codes_->HasTag(parts->role, "armed")) {
    parts->role = "REB";
  }
  // Agents that put their role first ([NGO~]) and are not the phrase's role
  // agent still do: "an MSF Arnor diplomat" is NGO + ARN + GOV.
  for (int32_t m : agents) {
    if (m != parts->role_agent && dictionary_->entry(a.mentions[m].entry).agent_prefix)
      parts->prefixes += dictionary_->CodeOn(a.mentions[m].entry, date);
  }
  parts->role_first = parts->role_agent >= 0 &&
                      dictionary_->entry(a.mentions[parts->role_agent].entry).agent_prefix;
  if (head_agent >= 0) {
    const Mention& h = a.mentions[head_agent];
    parts->plural = dictionary_->RoleOfName(h.name) == NameRole::kPlural ||
                    a.tokens[ph.head].tag == PosTag::NNS || a.tokens[ph.head].tag == PosTag::NNPS;
    parts->individual = dictionary_->entry(h.entry).individual && !parts->plural;
  }
}

void ActorComposer::AddActor(Analysis* a, PhraseActor x, int32_t deciding) const {
  x.mention = deciding;
  if (deciding >= 0) x.rule = dictionary_->entry(a->mentions[deciding].entry).rule;
  // A name that stands for several actors ("LORIEN [ELR/GAL]"): one actor
  // each.
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
}

// Several names joined by a conjunction share the agent: "Hungarian and
// Romanian officials", "Isis and IS fighters". Otherwise the first counts.
std::vector<int32_t> ActorComposer::Coordinated(const Analysis& a,
                                                const std::vector<int32_t>& list) {
  std::vector<int32_t> out{list[0]};
  for (size_t i = 1; i < list.size(); ++i) {
    const uint32_t begin = a.mentions[list[i]].begin;
    if (begin > 0 && a.tokens[begin - 1].tag == PosTag::CC) out.push_back(list[i]);
  }
  return out;
}

void ActorComposer::ComposePhrase(Analysis* a, uint32_t p, const std::vector<int32_t>& mentions,
                                  std::vector<bool>* consumed) const {
  const Phrase& ph = a->phrases[p];
  const Date* date = a->has_reference_date ? &a->reference_date : nullptr;
  for (int32_t m : mentions) (*consumed)[m] = true;
  PhraseParts parts = SortMentions(*a, p, mentions);
  if (mentions.empty() && parts.pronoun < 0) return;
  DecideRole(*a, ph, date, &parts);
  PhraseActor actor;
  actor.phrase = p;
  actor.end = ph.end;
  actor.begin = ph.end;
  for (int32_t m : mentions) actor.begin = std::min(actor.begin, a->mentions[m].begin);
  if (parts.pronoun >= 0) actor.begin = std::min(actor.begin, static_cast<uint32_t>(parts.pronoun));
  actor.definite = a->Key(ph.begin) == "the";
  actor.individual = parts.individual;
  actor.plural = parts.plural;
  if (parts.person >= 0) {
    ComposePerson(a, ph, date, parts, std::move(actor));
  } else if (!parts.organizations.empty()) {
    for (int32_t o : Coordinated(*a, parts.organizations)) {
      const Mention& m = a->mentions[o];
      PhraseActor x = actor;
      x.code = dictionary_->CodeOn(m.entry, date);
      x.end = std::max(x.end, m.end);  // "Islamic State of Iraq and the Levant"
      // "UN peacekeepers", "Prime Minister Romendacil" (a name coded by its
      // country alone): a name without a role takes its agent's.
      if (parts.role_agent >= 0 && !codes_->HasRole(x.code) && !parts.role.empty())
        x.code = parts.role_first ? parts.role + x.code : parts.prefixes + x.code + parts.role;
      AddActor(a, std::move(x), o);
    }
  } else if (!parts.countries.empty()) {
    ComposeCountries(a, date, parts, actor);
  } else if (!parts.agents.empty() || parts.pronoun >= 0) {
    ComposeAgents(a, parts, std::move(actor));
  }
}

// "former president", "ex-minister", "the late king": a title held once.
bool FormerTitle(const Analysis& a, const Phrase& ph) {
  for (uint32_t t = ph.begin; t < ph.end; ++t) {
    const std::string_view w = a.Key(t);
    if (w == "former" || w == "ex" || w == "late" || w == "then" || StartsWith(w, "ex-"))
      return true;
  }
  return false;
}

void ActorComposer::ComposePerson(Analysis* a, const Phrase& ph, const Date* date,
                                  const PhraseParts& parts, PhraseActor actor) const {
  // "President Vladimir Putin"; but "Assad's forces" are the forces of
  // Assad's country.
  const Mention& m = a->mentions[parts.person];
  actor.code = dictionary_->CodeOn(m.entry, date);
  actor.individual = true;
  if (parts.role_agent >= 0 && !codes_->HasRole(actor.code) && !parts.role.empty())
    actor.code = parts.role_first ? parts.role + actor.code : actor.code + parts.role;
  // "Shadow home secretary David Davis": a title the text gives the person
  // says what they are now, better than a table of terms (unless it is a
  // past one: "former president"). A title of the role the person has
  // keeps their code whole: "EC President Barroso" is the Commission's.
  const std::string_view country = codes_->Country(actor.code);
  if (parts.role_agent >= 0 && !parts.role.empty() && !parts.role_first && !country.empty() &&
      codes_->HasRole(actor.code) && codes_->Sector(actor.code) != parts.role &&
      !dictionary_->entry(a->mentions[parts.role_agent].entry).generic && !FormerTitle(*a, ph)) {
    actor.code = std::string(country) + parts.role;
  }
  if (m.end <= ph.possessor_end && parts.head_agent >= 0 &&
      m.end <= a->mentions[parts.head_agent].begin) {
    actor.code = std::string(codes_->Country(actor.code)) + parts.role;
    actor.individual = parts.individual;
  }
  AddActor(a, std::move(actor), parts.person);
}

void ActorComposer::ComposeCountries(Analysis* a, const Date* date, const PhraseParts& parts,
                                     const PhraseActor& actor) const {
  for (int32_t c : Coordinated(*a, parts.countries)) {
    const Mention& m = a->mentions[c];
    PhraseActor x = actor;
    const std::string& country = dictionary_->CodeOn(m.entry, date);
    std::string r = parts.role;
    if (r.empty() && m.kind == MentionKind::kCapital) r = "GOV";  // "Moscow said"
    x.code = parts.role_first ? r + country : parts.prefixes + country + r;
    x.place_like = parts.agents.empty() &&
                   (m.kind == MentionKind::kCountry || m.kind == MentionKind::kCapital);
    if (m.kind == MentionKind::kDemonym && parts.agents.empty()) {
      x.plural = dictionary_->RoleOfName(m.name) == NameRole::kPeople;
      x.people = x.plural;  // "Iraqis": the country, or its civilians when acted upon
    }
    AddActor(a, std::move(x), parts.role_agent >= 0 ? parts.role_agent : c);
    // The code is decided by the country; the rule names the country entry.
    a->actors.back().rule = dictionary_->entry(m.entry).rule;
    a->actors.back().mention = c;
  }
}

void ActorComposer::ComposeAgents(Analysis* a, const PhraseParts& parts, PhraseActor actor) const {
  // "the convoy", "positions": words that name an actor only when someone
  // owns them ("Russian positions", "its convoy").
  auto modified = [&](int32_t m) { return dictionary_->entry(a->mentions[m].entry).modified; };
  if (parts.pronoun < 0 && parts.role_agent >= 0 && modified(parts.role_agent) &&
      std::all_of(parts.agents.begin(), parts.agents.end(), modified)) {
    return;
  }
  // "the rebels", "its jets", "he": the country comes from coreference;
  // a people's, from the article, when it lives there.
  actor.code = parts.role;
  actor.pronoun = parts.pronoun;
  if (parts.ethnic != nullptr) {
    for (const std::string& c : parts.ethnic->homelands)
      actor.homelands += (actor.homelands.empty() ? "" : ",") + c;
  }
  actor.settlement =
      parts.role_agent >= 0 && dictionary_->entry(a->mentions[parts.role_agent].entry).place;
  AddActor(a, std::move(actor), parts.role_agent);
}

// The further conjuncts after phrase of + 1 that name actors with a country:
// "the ambassadors of Arnor, Osgiliath and Gondor".
std::vector<const PhraseActor*> ActorComposer::MoreConjuncts(const Analysis& analysis, uint32_t of,
                                                             uint32_t pe) {
  const Analysis* a = &analysis;
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
    const PhraseActor* z = a->phrases[next].type == PhraseType::kNoun ? a->ActorOf(next) : nullptr;
    if (z == nullptr || z->country.empty()) break;
    more.push_back(z);
    q = next + 1;
  }
  return more;
}

void ActorComposer::LinkToPlaces(Analysis* a, uint32_t pb, size_t i, const PhraseActor* y,
                                 const std::vector<const PhraseActor*>& more,
                                 std::vector<PhraseActor>* added) const {
  const PhraseActor& x = a->actors[i];
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
        added->push_back(std::move(w));
      }
    }
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
    const std::vector<const PhraseActor*> more = MoreConjuncts(*a, of, pe);
    // "rebels in the Ivory Coast", "refugees from Syria": a country's place
    // (a country, or what a dictionary codes as one alone: "Soldiers from
    // Gondor" with GONDOR [GON]).
    if ((prep == "in" || prep == "from") && (y->place_like || y->code == y->country)) {
      LinkToPlaces(a, pb, i, y, more, &added);
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
