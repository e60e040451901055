#include "entities/actor_dictionary.h"

#include <algorithm>

#include "core/strings.h"

namespace palmyra {
namespace {

bool HasTag(const std::vector<std::string>& tags, std::string_view tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

}  // namespace

void ActorDictionary::Add(const ActorFile& file, const NameTokenizer& names,
                          StringTable* vocabulary) {
  for (const RawActor& raw : file.actors) {
    if (raw.codes.empty()) continue;
    ActorEntry entry;
    entry.codes = raw.codes;
    entry.agent_prefix = raw.agent_prefix;
    entry.rule = raw.file + ":" + std::to_string(raw.line);
    if (raw.agent) {
      entry.kind = MentionKind::kAgent;
    } else if (HasTag(raw.tags, "country")) {
      entry.kind = MentionKind::kCountry;
    } else if (HasTag(raw.tags, "person")) {
      entry.kind = MentionKind::kPerson;
    } else {
      entry.kind = MentionKind::kOrganization;
    }
    entry.generic = HasTag(raw.tags, "generic");
    entry.modified = HasTag(raw.tags, "modified");
    entry.place = HasTag(raw.tags, "place");
    for (const std::string& tag : raw.tags) {
      if (tag.rfind("in=", 0) != 0) continue;
      for (std::string_view country : Split(std::string_view(tag).substr(3), ',')) {
        if (!country.empty()) entry.homelands.push_back(AsciiUppercase(country));
      }
    }
    entry.individual = HasTag(raw.tags, "individual") || entry.kind == MentionKind::kPerson;
    const int32_t id = static_cast<int32_t>(entries_.size());
    entries_.push_back(std::move(entry));
    for (const RawName& raw_name : raw.names) {
      Name name;
      name.entry = id;
      NameTokens tokenized;
      if (raw_name.tokens.keys.empty()) {
        std::string joined;
        for (const std::string& f : raw_name.forms) joined += (joined.empty() ? "" : " ") + f;
        tokenized = names.Tokenize(joined);
      }
      const NameTokens& tokens = raw_name.tokens.keys.empty() ? tokenized : raw_name.tokens;
      if (tokens.keys.empty()) continue;
      for (const std::string& k : tokens.keys) name.words.push_back(vocabulary->Add(k));
      if (HasTag(raw_name.tags, "exact")) name.exact = tokens.forms;
      name.singular = HasTag(raw_name.tags, "singular");
      name.loose = raw_name.loose;
      name.noun = HasTag(raw.tags, "noun") || HasTag(raw_name.tags, "noun");
      if (HasTag(raw_name.tags, "adj")) name.role = NameRole::kAdjective;
      if (HasTag(raw_name.tags, "people")) name.role = NameRole::kPeople;
      if (HasTag(raw_name.tags, "capital")) name.role = NameRole::kCapital;
      if (HasTag(raw_name.tags, "government")) name.role = NameRole::kGovernment;
      if (HasTag(raw_name.tags, "plural")) name.role = NameRole::kPlural;
      name.proper = entries_[id].kind != MentionKind::kAgent && !HasTag(raw_name.tags, "lower");
      const int32_t first = name.words[0];
      if (first >= static_cast<int32_t>(by_first_word_.size())) by_first_word_.resize(first + 1);
      by_first_word_[first].push_back(static_cast<int32_t>(names_.size()));
      names_.push_back(std::move(name));
    }
  }
}

void ActorDictionary::Freeze() {
  for (auto& list : by_first_word_) {
    std::stable_sort(list.begin(), list.end(), [&](int32_t x, int32_t y) {
      return names_[x].words.size() > names_[y].words.size();
    });
  }
}

const std::string& ActorDictionary::CodeOn(int32_t i, const Date* date) const {
  const ActorEntry& e = entries_[i];
  const DatedCode* undated = nullptr;
  const DatedCode* latest = nullptr;  // the dated code that starts last
  for (const DatedCode& c : e.codes) {
    if (c.from == 0 && c.to == 0) {
      if (undated == nullptr) undated = &c;
      continue;
    }
    if (latest == nullptr || c.from > latest->from) latest = &c;
    if (date == nullptr) continue;
    const int ymd = date->ToYmd();
    if ((c.from == 0 || c.from <= ymd) && (c.to == 0 || ymd <= c.to)) return c.code;
  }
  // Without a date, a person is named for the office that made them known:
  // "Tony Blair" in an undated article is most likely the prime minister.
  if (date == nullptr && latest != nullptr && e.kind == MentionKind::kPerson) return latest->code;
  return undated != nullptr ? undated->code : e.codes.front().code;
}

uint32_t ActorDictionary::MatchAt(const Analysis& a, const Name& n, uint32_t i,
                                  uint32_t end) const {
  if (i + n.words.size() > end) return 0;
  bool upper = false;
  int skipped = 0;
  uint32_t j = i;
  for (size_t k = 0; k < n.words.size(); ++k, ++j) {
    if (j >= end) return 0;
    auto matches = [&](const Token& t) {
      return t.word_id == n.words[k] || (t.lemma_id == n.words[k] && !n.singular);
    };
    // A loose name's later words may follow a modifier or two.
    while (n.loose && k > 0 && !matches(a.tokens[j]) && skipped < 2 && j + 1 < end &&
           (a.tokens[j].tag == PosTag::JJ || a.tokens[j].tag == PosTag::NN ||
            a.tokens[j].tag == PosTag::NNP)) {
      ++j;
      ++skipped;
    }
    const Token& t = a.tokens[j];
    if (!matches(t)) return 0;
    if (!n.exact.empty() && a.Form(t) != n.exact[k] && LeaderName(a.Form(t)) != n.exact[k])
      return 0;
    upper |= (t.flags & kTokHasUpper) != 0;
  }
  if (n.proper && !upper) return 0;                      // "us" is not the US
  if (n.noun && !IsNoun(a.tokens[j - 1].tag)) return 0;  // "a general strike"
  return j - i;
}

void ActorDictionary::Match(Analysis* a) const {
  std::vector<Mention> found;
  for (const Sentence& s : a->sentences) {
    found.clear();
    MatchRange(*a, s.token_begin, s.token_end, &found);
    // A country's or capital's name beside a proper noun that neither the
    // dictionaries nor WordNet know is part of another name: "Jordan
    // Mwangi" (but "US Predator attacks", "Sierra Leone Tuesday").
    auto unknown_name = [&](uint32_t i) {
      const Token& t = a->tokens[i];
      if (!(t.flags & kTokCapitalized) || !IsProperNoun(t.tag) || (t.flags & kTokInLexicon))
        return false;
      return std::none_of(found.begin(), found.end(),
                          [&](const Mention& m) { return m.begin <= i && i < m.end; });
    };
    for (const Mention& m : found) {
      if (m.kind == MentionKind::kCountry || m.kind == MentionKind::kCapital) {
        if ((m.end < s.token_end && unknown_name(m.end)) ||
            (m.begin > s.token_begin + 1 && unknown_name(m.begin - 1)))
          continue;
      }
      a->mentions.push_back(m);
    }
  }
}

std::string ActorDictionary::DatelineCountry(const Analysis& a) const {
  if (!a.dateline || a.dateline->place_begin >= a.dateline->place_end) return "";
  std::vector<Mention> found;
  MatchRange(a, a.dateline->place_begin, a.dateline->place_end, &found);
  const Date* date = a.has_reference_date ? &a.reference_date : nullptr;
  for (const Mention& m : found) {
    if (m.kind == MentionKind::kCountry || m.kind == MentionKind::kCapital) {
      return CodeOn(m.entry, date).substr(0, 3);
    }
  }
  return "";
}

void ActorDictionary::MatchRange(const Analysis& analysis, uint32_t begin, uint32_t end,
                                 std::vector<Mention>* out) const {
  const Analysis* a = &analysis;
  {
    uint32_t i = begin;
    while (i < end) {
      const int32_t w = a->tokens[i].word_id;
      const int32_t l = a->tokens[i].lemma_id;
      int32_t best = -1;
      uint32_t best_length = 0;
      for (int32_t first : {w, l}) {
        if (first < 0 || first >= static_cast<int32_t>(by_first_word_.size())) continue;
        for (int32_t n : by_first_word_[first]) {
          if (names_[n].words.size() <= best_length) break;  // sorted longest first
          const uint32_t length = MatchAt(*a, names_[n], i, end);
          if (length > best_length) {
            best = n;
            best_length = length;
          }
        }
        if (l == w) break;
      }
      if (best < 0) {
        ++i;
        continue;
      }
      const Name& name = names_[best];
      const ActorEntry& e = entries_[name.entry];
      Mention m;
      m.begin = i;
      m.end = i + best_length;
      m.entry = name.entry;
      m.name = best;
      switch (e.kind) {
        case MentionKind::kCountry:
          m.kind = name.role == NameRole::kAdjective || name.role == NameRole::kPeople
                       ? MentionKind::kDemonym
                   : name.role == NameRole::kCapital || name.role == NameRole::kGovernment
                       ? MentionKind::kCapital
                       : MentionKind::kCountry;
          break;
        default:
          m.kind = e.kind;
          break;
      }
      out->push_back(std::move(m));
      i += best_length;
    }
  }
}

}  // namespace palmyra
