#include "entities/coreference.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

// Whether `code` is one of the comma-separated `list`.
bool InList(const std::string& list, const std::string& code) {
  return !list.empty() && ("," + list + ",").find("," + code + ",") != std::string::npos;
}

}  // namespace

Result<std::unique_ptr<Coreference>> Coreference::Load(const std::string& data_dir,
                                                       const ActorComposer* composer,
                                                       const ActorCodes* codes) {
  std::unique_ptr<Coreference> coreference(new Coreference());
  coreference->composer_ = composer;
  coreference->codes_ = codes;
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/actors/anaphora.txt", [&](std::string_view line, int) {
        const auto fields = SplitWhitespace(line);
        Coreference& c = *coreference;
        const std::pair<std::string_view, StringTable*> kinds[] = {
            {"country", &c.country_nouns_},
            {"organization", &c.organization_nouns_},
            {"person", &c.person_nouns_},
            {"collective", &c.collective_nouns_},
            {"national", &c.national_nouns_},
            {"person-pronoun", &c.person_pronouns_},
            {"thing-pronoun", &c.thing_pronouns_},
            {"group-pronoun", &c.group_pronouns_},
            {"speaker-pronoun", &c.speaker_pronouns_}};
        StringTable* table = nullptr;
        for (const auto& [name, t] : kinds) {
          if (fields[0] == name) table = t;
        }
        if (table == nullptr) return DataError("expected a kind of word and words");
        for (size_t i = 1; i < fields.size(); ++i) table->Add(fields[i]);
        return Status::Ok();
      }));
  return coreference;
}

int32_t Coreference::Antecedent(const Analysis& a, const std::vector<int32_t>& history,
                                uint32_t phrase, Want want) const {
  const uint32_t sentence = a.phrases[phrase].sentence;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    const PhraseActor& y = a.actors[*it];
    if (y.phrase >= phrase) continue;
    if (a.phrases[y.phrase].sentence + kWindow < sentence) break;
    const MentionKind kind = y.mention >= 0 ? a.mentions[y.mention].kind : MentionKind::kPronoun;
    const bool organization = kind == MentionKind::kOrganization;
    const bool bare_country = y.code == y.country && y.code.size() == 3 &&
                              (kind == MentionKind::kCountry || kind == MentionKind::kCapital ||
                               kind == MentionKind::kDemonym);
    bool ok = false;
    switch (want) {
      case Want::kPerson:
        ok = y.individual;
        break;
      case Want::kThing:
        ok = !y.individual && !y.plural;
        break;
      case Want::kGroup:
        ok = !y.individual && !y.settlement;  // "they" are not "the town"
        break;
      case Want::kCountry:
        ok = bare_country;
        break;
      case Want::kOrganization:
        ok = organization;
        break;
      case Want::kAny:
        ok = true;
        break;
    }
    if (ok) return *it;
  }
  return -1;
}

void Coreference::LinkCollectives(Analysis* a) const {
  std::vector<PhraseActor> added;
  for (uint32_t p = 0; p + 2 < a->phrases.size(); ++p) {
    const Phrase& ph = a->phrases[p];
    if (ph.type != PhraseType::kNoun || a->ActorOf(p) != nullptr) continue;
    const Token& head = a->tokens[ph.head];
    if (head.tag != PosTag::CD && collective_nouns_.Find(head.lemma) == StringTable::kNotFound &&
        collective_nouns_.Find(a->Key(head)) == StringTable::kNotFound) {
      continue;
    }
    if (a->phrases[p + 1].type != PhraseType::kPreposition ||
        a->Key(a->phrases[p + 1].head) != "of") {
      continue;
    }
    const auto [lo, hi] = a->ActorsOf(p + 2);
    for (size_t i = lo; i < hi; ++i) {
      PhraseActor x = a->actors[i];
      x.phrase = p;
      x.begin = ph.begin;
      x.end = a->phrases[p + 2].end;
      // "thousands of Iraqis protested": a people counted are civilians.
      if (x.people && x.code == x.country) {
        x.code += "CVL";
        composer_->Describe(&x);
      }
      x.place_like = false;
      x.plural = true;
      x.individual = false;
      added.push_back(std::move(x));
    }
  }
  if (added.empty()) return;
  a->actors.insert(a->actors.end(), added.begin(), added.end());
  std::stable_sort(a->actors.begin(), a->actors.end(),
                   [](const PhraseActor& x, const PhraseActor& y) { return x.phrase < y.phrase; });
}

const PhraseActor* Coreference::Speaker(const Analysis& a, uint32_t token) const {
  // The speech verb outside the quotation, in the sentence of the pronoun or
  // one of the next two (a quotation may run over several sentences).
  uint32_t s = a.phrases[0].sentence;
  for (uint32_t k = 0; k < a.sentences.size(); ++k) {
    if (token >= a.sentences[k].token_begin && token < a.sentences[k].token_end) s = k;
  }
  for (uint32_t k = s; k < a.sentences.size() && k <= s + 2; ++k) {
    for (uint32_t p = a.sentence_phrase_begin[k]; p < a.sentence_phrase_begin[k + 1]; ++p) {
      if (a.phrases[p].type != PhraseType::kVerb) continue;
      const VerbGroup& v = a.verb_groups[a.phrases[p].verb_group];
      if (!v.speech || (a.tokens[v.main].flags & kTokInQuote) || v.subject < 0) continue;
      const PhraseActor* who = a.ActorOf(static_cast<uint32_t>(v.subject));
      if (who != nullptr && !who->code.empty()) return who;  // pronouns are resolved by now
    }
  }
  return nullptr;
}

void Coreference::AssignHomeCountry(Analysis* a) const {
  // The country most actors of the article belong to, if more than half do.
  std::vector<std::pair<std::string, int>> counts;
  int total = 0;
  for (const PhraseActor& x : a->actors) {
    if (x.code.empty() || x.country.empty() || codes_->IsInternational(x.country)) continue;
    ++total;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& c) { return c.first == x.country; });
    if (it == counts.end()) {
      counts.push_back({x.country, 1});
    } else {
      ++it->second;
    }
  }
  // The dateline's country when the article names it again ("ANKARA - Turkey
  // offered ..."); else the country of more than half the actors.
  std::string home;
  for (const auto& [country, n] : counts) {
    if (country == a->home_country) home = country;
  }
  const auto top = std::max_element(counts.begin(), counts.end(), [](const auto& p, const auto& q) {
    return p.second < q.second;
  });
  if (home.empty() && top != counts.end() && top->second >= 2 && 2 * top->second > total)
    home = top->first;
  if (home.empty()) return;
  // "The UN mission in Mali called on the government": the Malian
  // government; "Kurdish forces" in an article on Syria are Syrian.
  for (PhraseActor& x : a->actors) {
    if (x.code.empty() || !x.country.empty() || x.pronoun >= 0) continue;
    const std::string_view head = a->tokens[a->phrases[x.phrase].head].lemma;
    const bool national = x.definite && national_nouns_.Find(head) != StringTable::kNotFound;
    const bool people_of_home = InList(x.homelands, home);
    if (!national && !people_of_home) continue;
    x.code = home + x.code;
    composer_->Describe(&x);
  }
}

void Coreference::AssignSentenceCountry(Analysis* a) const {
  // "Mr Letwin accused the chancellor", "members of Congress urged the
  // Pentagon", "Taliban fighters ambushed an army convoy": an institution of
  // no named country, in a sentence whose actors all belong to one country,
  // is that country's. Only a state's institutions (government, parliament,
  // courts, parties, unions, forces): civilians, rebels or journalists are
  // often of another. A country or capital named alone lends its country to
  // forces only ("Turkey dispatched troops"): "the foreign minister urged
  // Moscow" is some other country's minister.
  static constexpr std::string_view kInstitutions[] = {"GOV", "LEG", "JUD", "OPP", "PTY", "LAB"};
  static constexpr std::string_view kForces[] = {"MIL", "COP", "SPY"};
  auto in = [](const auto& list, std::string_view sector) {
    return std::find(std::begin(list), std::end(list), sector) != std::end(list);
  };
  size_t first = 0;
  while (first < a->actors.size()) {
    const uint32_t s = a->phrases[a->actors[first].phrase].sentence;
    size_t end = first;
    std::string country;
    bool several = false, only_states = true;
    for (; end < a->actors.size() && a->phrases[a->actors[end].phrase].sentence == s; ++end) {
      const PhraseActor& x = a->actors[end];
      if (x.code.empty() || x.country.empty() || codes_->IsInternational(x.country)) continue;
      if (!country.empty() && x.country != country) several = true;
      country = x.country;
      if (!x.place_like && x.code != x.country) only_states = false;
    }
    if (!country.empty() && !several) {
      for (size_t i = first; i < end; ++i) {
        PhraseActor& x = a->actors[i];
        if (x.code.empty() || !x.country.empty() || x.pronoun >= 0 || x.antecedent >= 0 ||
            !codes_->IsRole(x.code) ||
            !(in(kForces, x.sector) || (!only_states && in(kInstitutions, x.sector)))) {
          continue;
        }
        x.code = country + x.code;
        composer_->Describe(&x);
      }
    }
    first = end;
  }
}

void Coreference::Resolve(Analysis* a) const {
  LinkCollectives(a);
  AddDescriptions(a);
  std::vector<int32_t> history;  // resolved actors, in document order
  std::vector<size_t> speakers;  // "we" and "I" in quotations, resolved last
  for (size_t i = 0; i < a->actors.size(); ++i) {
    PhraseActor& x = a->actors[i];
    if (x.pronoun >= 0) {
      const std::optional<Want> want = Wanted(*a, x);
      if (!want) {
        speakers.push_back(i);
        continue;
      }
      ResolvePronoun(a, history, *want, static_cast<int32_t>(i));
    } else if (IsPersonNoun(*a, x)) {
      ResolvePersonNoun(a, history, static_cast<int32_t>(i));
    } else if (x.country.empty() && !x.code.empty()) {
      GiveCountry(a, history, static_cast<int32_t>(i));
    }
    if (!x.code.empty()) history.push_back(static_cast<int32_t>(i));
  }
  // "'We will not accept blackmail,' he said": the speaker may be a pronoun
  // resolved only now.
  for (size_t i : speakers) ResolveSpeaker(a, &a->actors[i]);
  AssignHomeCountry(a);
  AssignSentenceCountry(a);
  DropUnresolved(a);
}

void Coreference::AddDescriptions(Analysis* a) const {
  // Descriptions ("the group", "the country") get an (empty) actor so that
  // they are resolved in document order with the rest.
  std::vector<PhraseActor> added;
  for (uint32_t p = 0; p < a->phrases.size(); ++p) {
    const Phrase& ph = a->phrases[p];
    if (ph.type != PhraseType::kNoun || a->ActorOf(p) != nullptr) continue;
    const std::string_view det = a->Key(ph.begin);
    if (det != "the" && det != "this" && det != "that") continue;
    const std::string_view head = a->tokens[ph.head].lemma;
    if (country_nouns_.Find(head) == StringTable::kNotFound &&
        organization_nouns_.Find(head) == StringTable::kNotFound) {
      continue;
    }
    if (ph.end - ph.begin > 3) continue;  // "the group's leader" etc. are not descriptions
    if (p + 1 < a->phrases.size() && a->phrases[p + 1].type == PhraseType::kPreposition &&
        a->Key(a->phrases[p + 1].head) == "of") {
      continue;  // "the movement of workers"
    }
    PhraseActor x;
    x.phrase = p;
    x.begin = ph.begin;
    x.end = ph.end;
    x.definite = true;
    x.pronoun = static_cast<int32_t>(ph.head);
    added.push_back(std::move(x));
  }
  if (added.empty()) return;
  a->actors.insert(a->actors.end(), added.begin(), added.end());
  std::stable_sort(a->actors.begin(), a->actors.end(),
                   [](const PhraseActor& x, const PhraseActor& y) { return x.phrase < y.phrase; });
}

std::optional<Coreference::Want> Coreference::Wanted(const Analysis& a,
                                                     const PhraseActor& x) const {
  const std::string_view word = a.Key(static_cast<uint32_t>(x.pronoun));
  const std::string_view lemma = a.tokens[x.pronoun].lemma;
  if (person_pronouns_.Find(word) != StringTable::kNotFound) return Want::kPerson;
  if (thing_pronouns_.Find(word) != StringTable::kNotFound) return Want::kThing;
  if (group_pronouns_.Find(word) != StringTable::kNotFound) return Want::kGroup;
  if (country_nouns_.Find(lemma) != StringTable::kNotFound) return Want::kCountry;
  if (organization_nouns_.Find(lemma) != StringTable::kNotFound) return Want::kOrganization;
  return std::nullopt;
}

void Coreference::ResolvePronoun(Analysis* a, const std::vector<int32_t>& history, Want want,
                                 int32_t i) const {
  PhraseActor& x = a->actors[i];
  const bool possessive = a->tokens[x.pronoun].tag == PosTag::PRP_S;
  int32_t y = Antecedent(*a, history, x.phrase, want);
  // "Turkish officials said two of its soldiers were killed": a possessive
  // before a role of its own needs only a country, which a group also has.
  if (y < 0 && possessive && !x.code.empty() && want == Want::kThing)
    y = Antecedent(*a, history, x.phrase, Want::kGroup);
  if (y < 0) {
    x.code.clear();
    return;
  }
  const PhraseActor& ante = a->actors[y];
  if (possessive && !x.code.empty()) {
    // "its jets": the antecedent's country with the phrase's own role; an
    // organisation's members stay the organisation.
    const bool organization =
        ante.mention >= 0 && a->mentions[ante.mention].kind == MentionKind::kOrganization;
    x.code = organization || ante.country.empty() ? ante.code : ante.country + x.code;
  } else {
    x.code = ante.code;
    x.individual = ante.individual;
  }
  x.antecedent = y;
  x.rule = ante.rule;
  x.mention = ante.mention;
  composer_->Describe(&x);
}

void Coreference::ResolveSpeaker(Analysis* a, PhraseActor* x) const {
  // "'We will not negotiate,' the prime minister said": in a quotation,
  // "we" and "I" are the speaker; elsewhere they are not resolved.
  const std::string_view word = a->Key(static_cast<uint32_t>(x->pronoun));
  const PhraseActor* speaker = nullptr;
  if ((a->tokens[x->pronoun].flags & kTokInQuote) &&
      speaker_pronouns_.Find(word) != StringTable::kNotFound) {
    speaker = Speaker(*a, static_cast<uint32_t>(x->pronoun));
  }
  // "our village" is no actor; "our soldiers" are the speaker's country's.
  const bool possessive = a->tokens[x->pronoun].tag == PosTag::PRP_S;
  if (speaker == nullptr || speaker->code.empty() ||
      (possessive && (x->code.empty() || speaker->country.empty()))) {
    x->code.clear();
    return;
  }
  x->code = possessive ? speaker->country + x->code : speaker->code;
  x->rule = speaker->rule;
  x->mention = speaker->mention;
  composer_->Describe(x);
}

bool Coreference::IsPersonNoun(const Analysis& a, const PhraseActor& x) const {
  return person_nouns_.Find(a.tokens[a.phrases[x.phrase].head].lemma) != StringTable::kNotFound;
}

void Coreference::ResolvePersonNoun(Analysis* a, const std::vector<int32_t>& history,
                                    int32_t i) const {
  PhraseActor& x = a->actors[i];
  if (!x.definite || x.end - x.begin > 2) return;
  const int32_t y = Antecedent(*a, history, x.phrase, Want::kPerson);
  if (y < 0) return;
  const PhraseActor& ante = a->actors[y];
  x.code = ante.code;
  x.antecedent = y;
  x.rule = ante.rule;
  x.mention = ante.mention;
  composer_->Describe(&x);
}

void Coreference::GiveCountry(Analysis* a, const std::vector<int32_t>& history, int32_t i) const {
  // "the rebels" after "Syrian rebels": the same kind of actor, with its country.
  PhraseActor& x = a->actors[i];
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    const PhraseActor& y = a->actors[*it];
    if (a->phrases[y.phrase].sentence + kWindow + 1 < a->phrases[x.phrase].sentence) break;
    if (y.country.empty() || y.sector != x.sector || y.sector.empty()) continue;
    // "Kurdish forces" after "Isis fighters": a people's forces are of one
    // of its homelands.
    if (!x.homelands.empty() && !InList(x.homelands, y.country)) continue;
    // "the rebel group" after "the Houthis": the group itself.
    const bool organization =
        y.mention >= 0 && a->mentions[y.mention].kind == MentionKind::kOrganization;
    const std::string_view head = a->tokens[a->phrases[x.phrase].head].lemma;
    const bool group_noun = organization_nouns_.Find(head) != StringTable::kNotFound;
    x.code = organization && group_noun ? y.code : y.country + x.code;
    x.antecedent = *it;
    composer_->Describe(&x);
    return;
  }
}

void Coreference::DropUnresolved(Analysis* a) {
  // Unresolved pronouns have no actor; renumber the antecedents of the rest.
  std::vector<int32_t> renumbered(a->actors.size(), -1);
  size_t kept = 0;
  for (size_t i = 0; i < a->actors.size(); ++i) {
    if (a->actors[i].code.empty()) continue;
    renumbered[i] = static_cast<int32_t>(kept);
    if (kept != i) a->actors[kept] = std::move(a->actors[i]);
    ++kept;
  }
  a->actors.resize(kept);
  for (PhraseActor& x : a->actors) {
    if (x.antecedent >= 0) x.antecedent = renumbered[x.antecedent];
  }
}

}  // namespace palmyra
