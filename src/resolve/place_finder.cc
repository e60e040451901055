#include "resolve/place_finder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/data_file.h"
#include "core/strings.h"
#include "resolve/spelling_variants.h"

namespace palmyra {

struct PlaceFinder::Found {
  PlaceMention mention;
  std::vector<Gazetteer::Match> candidates;
  bool want_region = false;      // "Idlib province", "the governorate of Homs"
  bool want_city = false;        // "the city of Homs", a dateline
  double score = 0;              // of the chosen entry
  bool own_name = false;         // the chosen entry's own name, not an alternate
  bool in_context = false;       // in a country the article is about
  bool in_main_country = false;  // in the country the article is most about
  std::string within;            // "Boni in central Mali", "Homs, Syria": the country it is in
  // Candidates from here on were found by spelling, not as written: they
  // need their country in context.
  size_t spelled_from = SIZE_MAX;
  std::vector<std::string_view> within_admin1;  // "Tafas, Daraa": the regions it may lie in
  bool partial = false;  // the first words of a longer name ("Bostan" of "Bostan al-Qasr")
};

namespace {

constexpr int8_t kNoMention = -1;

bool IsCountryLike(int8_t kind) {
  return kind == static_cast<int8_t>(MentionKind::kCountry) ||
         kind == static_cast<int8_t>(MentionKind::kCapital);
}

// Whether an actor's country code is a country (not IGO, NGO, ...).
bool IsCountryCode(std::string_view code) {
  return code.size() == 3 && IsAsciiUpper(code[0]) && IsAsciiUpper(code[1]) &&
         IsAsciiUpper(code[2]) && code != "IGO" && code != "NGO" && code != "IMG" && code != "MNC";
}

}  // namespace

Result<std::unique_ptr<PlaceFinder>> PlaceFinder::Load(const std::string& data_dir,
                                                       const std::string& model_dir,
                                                       const NameTokenizer& names) {
  std::unique_ptr<PlaceFinder> f(new PlaceFinder());
  RETURN_IF_ERROR(ForEachDataLine(data_dir + "/resolve/places.txt", [&](std::string_view line,
                                                                        int) {
    const auto fields = SplitWhitespace(line);
    if (fields.size() < 2) return DataError("expected a kind and its words");
    if (fields[0] == "at") {
      const std::optional<int> strength = fields.size() == 3 ? ParseInt(fields[2]) : std::nullopt;
      if (!strength || *strength < 1 || *strength > 3)
        return DataError("expected 'at WORD STRENGTH' with a strength of 1, 2 or 3");
      f->at_[AsciiLowercase(fields[1])] = static_cast<uint8_t>(*strength);
      return Status::Ok();
    }
    std::unordered_set<std::string>* into = fields[0] == "not"         ? &f->stop_
                                            : fields[0] == "area"      ? &f->area_
                                            : fields[0] == "region"    ? &f->region_
                                            : fields[0] == "direction" ? &f->direction_
                                            : fields[0] == "part"      ? &f->part_
                                            : fields[0] == "distance"  ? &f->distance_
                                                                       : nullptr;
    if (into == nullptr)
      return DataError("expected 'at', 'area', 'region', 'direction', 'part', 'distance' or 'not'");
    for (size_t i = 1; i < fields.size(); ++i) into->insert(AsciiLowercase(fields[i]));
    return Status::Ok();
  }));
  ASSIGN_OR_RETURN(f->gazetteer_, Gazetteer::Open(model_dir, names));
  return f;
}

bool PlaceFinder::Acceptable(const Analysis& a, const Marks& marks, uint32_t s, uint32_t b,
                             uint32_t e) const {
  const Sentence& sentence = a.sentences[s];
  const std::vector<int8_t>& mention_kind = marks.mention_kind;
  // Part of a date: "Thursday" is no island.
  for (uint32_t i = b; i < e; ++i) {
    if (marks.in_date[i]) return false;
  }
  for (uint32_t i = b; i < e; ++i) {
    // Inside a person's, an organisation's or a group's name, or a demonym.
    if (mention_kind[i] != kNoMention && !IsCountryLike(mention_kind[i])) return false;
  }
  // A country's or capital's name that the dictionaries read as longer.
  for (uint32_t i = b; i < e; ++i) {
    if (marks.mention_at[i] < 0) continue;
    const Mention& m = a.mentions[marks.mention_at[i]];
    if (m.begin < b || m.end > e) return false;
  }
  const Token& first = a.tokens[b];
  const bool opens_sentence = b == sentence.token_begin ||
                              a.tokens[b - 1].tag == PosTag::kOpenQuote ||
                              a.tokens[b - 1].tag == PosTag::kColon || sentence.headline;
  if (opens_sentence && !IsProperNoun(first.tag) && !IsCountryLike(mention_kind[b])) return false;
  // Every capitalised word a proper noun: "Western countries" is no place.
  for (uint32_t i = b; i < e; ++i) {
    if ((a.tokens[i].flags & kTokCapitalized) && !IsProperNoun(a.tokens[i].tag) &&
        !IsCountryLike(mention_kind[i]))
      return false;
  }
  if (!(a.tokens[e - 1].flags & kTokHasUpper)) return false;
  // Next to another proper name that is not a country, demonym or place
  // word: part of a longer name ("George Washington", "Aleppo University",
  // "Khan al-Assal").
  auto joins = [&](uint32_t i) {
    const Token& t = a.tokens[i];
    if (!(t.flags & kTokHasUpper) || !(t.flags & kTokAlpha) || !IsProperNoun(t.tag)) return false;
    // A country or demonym beside it is not ("Syria's Idlib", "Syrian
    // Aleppo"); a capital is ("George Washington Carver").
    if (mention_kind[i] == static_cast<int8_t>(MentionKind::kCountry) ||
        mention_kind[i] == static_cast<int8_t>(MentionKind::kDemonym))
      return false;
    const std::string key(a.Key(i));
    return !region_.count(key) && !area_.count(key) && !direction_.count(key);
  };
  if (b > sentence.token_begin && !(b - 1 == sentence.token_begin && opens_sentence) &&
      joins(b - 1))
    return false;
  if (e < sentence.token_end && joins(e)) return false;
  return true;
}

bool PlaceFinder::AfterLocative(const Analysis& a, uint32_t s, uint32_t b, bool verbs) const {
  // Back over "the besieged village of", "the outskirts of", "northern" to a
  // locative preposition or a verb.
  const uint32_t floor = a.sentences[s].token_begin;
  for (uint32_t k = b; k > floor && b - k < 6;) {
    --k;
    const std::string key(a.Key(k));
    const PosTag tag = a.tokens[k].tag;
    // "near Quamishli", "shelled the town of Kafr Nabl".
    if (at_.count(key) || (verbs && IsVerb(tag))) return true;
    if (area_.count(key) && k + 2 == b && a.Key(k + 1) == "of") return true;  // "the village of"
    if (key == "of" || area_.count(key) || direction_.count(key) || region_.count(key) ||
        tag == PosTag::DT || IsAdjective(tag) || tag == PosTag::VBN || IsNoun(tag)) {
      continue;
    }
    return false;
  }
  return false;
}

void PlaceFinder::Describe(const Analysis& a, const Marks& marks, uint32_t s, Found* f) const {
  const std::vector<int8_t>& mention_kind = marks.mention_kind;
  const std::vector<int32_t>& phrase_of = marks.phrase_of;
  PlaceMention& m = f->mention;
  const uint32_t floor = a.sentences[s].token_begin;
  // Back over "the besieged northern city of", "30km north of", "Syria's".
  bool direction = false;
  bool named_as_place = false;
  for (uint32_t k = m.begin; k > floor && m.begin - k < 8;) {
    --k;
    const std::string key(a.Key(k));
    const PosTag tag = a.tokens[k].tag;
    if (auto it = at_.find(key);
        it != at_.end() && (tag == PosTag::IN || tag == PosTag::TO || tag == PosTag::RB ||
                            tag == PosTag::RP || tag == PosTag::JJ)) {
      m.preposition = static_cast<int32_t>(k);
      m.strength = it->second;
      break;
    }
    if (key == "of") {
      if (k + 1 == m.begin) continue;
      break;  // "of" further back belongs to another phrase
    }
    if (region_.count(key) && k + 2 == m.begin && a.Key(k + 1) == "of") {
      f->want_region = true;
      continue;
    }
    if (area_.count(key)) {
      if (key == "city" || key == "town" || key == "village" || key == "capital")
        f->want_city = true;
      // "the town of Kafranbel" names a place as plainly as "in" does.
      if (k + 2 == m.begin && a.Key(k + 1) == "of") named_as_place = true;
      continue;
    }
    if (direction_.count(key)) {
      direction = true;
      continue;
    }
    // "southern Idlib", "rural Damascus": the region, not its seat.
    if (part_.count(key) && k + 1 == m.begin) {
      f->want_region = true;
      continue;
    }
    // "in Helmand Province, Afghanistan": a country after the place it holds.
    if (tag == PosTag::kComma && k + 1 == m.begin && IsCountryLike(mention_kind[m.begin]) &&
        k > floor && (a.tokens[k - 1].flags & kTokCapitalized))
      continue;
    if (distance_.count(key) || tag == PosTag::DT || IsAdjective(tag) || tag == PosTag::POS ||
        tag == PosTag::CD || tag == PosTag::VBN || IsProperNoun(tag) ||
        IsCountryLike(mention_kind[k]) ||
        mention_kind[k] == static_cast<int8_t>(MentionKind::kDemonym)) {
      continue;
    }
    break;
  }
  if (direction || named_as_place) m.strength = std::max<uint8_t>(m.strength, 3);
  if (m.end < a.sentences[s].token_end) {
    const std::string next(a.Key(m.end));
    if (region_.count(next) || part_.count(next)) f->want_region = true;
    if (next == "city" || next == "town") f->want_city = true;
  }
  const int32_t p = phrase_of[m.begin];
  if (p < 0) return;
  const Phrase& phrase = a.phrases[p];
  if (m.strength == 0) {
    // "the Aleppo offensive": a place naming where the thing is.
    const std::string head(a.Key(phrase.head));
    if (phrase.head >= m.end && IsNoun(a.tokens[phrase.head].tag) && !region_.count(head) &&
        !area_.count(head)) {
      m.strength = 2;
    } else {
      // What a verb acts on: "shelled Homs", "Homs was shelled".
      for (uint32_t q = a.sentence_phrase_begin[s]; q < a.sentence_phrase_begin[s + 1]; ++q) {
        if (a.phrases[q].type != PhraseType::kVerb) continue;
        const VerbGroup& v = a.verb_groups[a.phrases[q].verb_group];
        if (v.object == p || (v.passive && v.subject == p)) m.strength = 3;
      }
    }
  }
  // A country or capital that acts or that an event acts on: "Russia will
  // keep", "Washington said", "urged Moscow" (but "after leaving Kabul");
  // after a verb's own preposition, one it is addressed to ("called on
  // Ankara", "sided with Moscow", "protested against Beijing"), not where
  // it happens ("met in Beijing", "the attack on Kabul").
  m.phrase = p;
  const bool addressed = m.preposition > static_cast<int32_t>(a.sentences[s].token_begin) &&
                         IsVerb(a.tokens[m.preposition - 1].tag) &&
                         (a.Key(m.preposition) == "on" || a.Key(m.preposition) == "with" ||
                          a.Key(m.preposition) == "against");
  if (m.preposition < 0 || addressed) {
    bool acts = false;
    for (uint32_t q = a.sentence_phrase_begin[s]; q < a.sentence_phrase_begin[s + 1]; ++q) {
      if (a.phrases[q].type != PhraseType::kVerb) continue;
      const VerbGroup& v = a.verb_groups[a.phrases[q].verb_group];
      if (v.subject == p && !v.passive) acts = true;
    }
    // Events are in sentence order.
    auto c = std::lower_bound(a.events.begin(), a.events.end(), s,
                              [](const EventCandidate& x, uint32_t y) { return x.sentence < y; });
    for (; c != a.events.end() && c->sentence == s; ++c) {
      for (int32_t x : {c->source, c->target}) {
        if (x >= 0 && a.actors[x].phrase == static_cast<uint32_t>(p)) acts = true;
      }
    }
    const auto [first, last] = a.ActorsOf(static_cast<uint32_t>(p));
    for (size_t i = first; i < last && acts; ++i) {
      const PhraseActor& x = a.actors[i];
      if (x.begin < m.end && x.end > m.begin) m.actor = true;
    }
  }
}

void PlaceFinder::Choose(const Analysis& a, std::vector<Found>* found) const {
  // The countries the article is about, by weight: 3.5 for one actor, more
  // for many (5.2 for ten), 3 more for the dateline's. Not from capitals: "Tripoli"
  // is also the name of a city in Lebanon.
  std::map<std::string, int> actors;
  for (const PhraseActor& x : a.actors) {
    if (x.mention >= 0 && a.mentions[x.mention].kind == MentionKind::kCapital) continue;
    if (IsCountryCode(x.country)) ++actors[x.country];
  }
  std::map<std::string, double> context;
  for (const auto& [country, n] : actors) context[country] = 3.5 + 0.75 * std::log(n);
  if (!a.home_country.empty()) context[a.home_country] += 3;
  double main_weight = 0;
  for (const auto& [country, weight] : context) main_weight = std::max(main_weight, weight);
  std::vector<std::string> chosen_country(found->size());
  for (int round = 0; round < 2; ++round) {
    std::map<std::string, int> others;
    if (round == 1) {
      for (const std::string& c : chosen_country) ++others[c];
    }
    for (size_t i = 0; i < found->size(); ++i) {
      Found& f = (*found)[i];
      double best = -1e9;
      f.score = best;  // until a candidate is chosen
      for (size_t k = 0; k < f.candidates.size(); ++k) {
        const Gazetteer::Match& match = f.candidates[k];
        const PlaceInfo p = gazetteer_->place(match.place);
        // A spelling variant only in the country the article is most about,
        // or the region or country the text says it lies in.
        const bool spelled = k >= f.spelled_from;
        if (spelled) {
          const auto it = context.find(std::string(p.country));
          const bool main = it != context.end() && it->second >= main_weight;
          const bool within = p.country == f.within ||
                              std::find(f.within_admin1.begin(), f.within_admin1.end(), p.admin1) !=
                                  f.within_admin1.end();
          if (!main && !within) continue;
        }
        double score = 0;
        switch (p.kind) {
          case PlaceKind::kCountry:
            score = 8;
            break;
          case PlaceKind::kRegion:
            score = f.want_region ? 14 : 5.5;
            break;
          case PlaceKind::kCity:
            // Population, and fame: the number of languages that name it.
            score =
                std::log10(static_cast<double>(p.population) + 10) + 0.3 * std::log2(1.0 + p.names);
            switch (p.feature) {
              case PlaceFeature::kCapital:
                // By its own name: Salisbury is no longer Harare.
                score += match.own_name ? 3 : 1;
                break;
              case PlaceFeature::kSeat1:
                score += 1.5;
                break;
              case PlaceFeature::kSeat2:
                score += 0.5;
                break;
              case PlaceFeature::kSection:
                score -= 1;
                break;
              default:
                break;
            }
            if (f.want_city) score += 2;
            break;
        }
        if (match.own_name) score += 0.3;
        // The name as written first; among spellings, the nearest
        // ("Karama" is Al Karāmah before Al Karīmah).
        if (spelled) {
          score -=
              3 + 0.5 * std::min(6, SpellingDistance(a.OriginalText(f.mention.begin, f.mention.end),
                                                     p.name));
        }
        // Another country's or large city's own name: "Manchester" is that
        // city before it is an old name of a town elsewhere. (Not a
        // region's: "New York" is the city before the state.)
        if (!match.own_name && std::any_of(f.candidates.begin(), f.candidates.end(),
                                           [&](const Gazetteer::Match& other) {
                                             if (!other.own_name) return false;
                                             const PlaceInfo o = gazetteer_->place(other.place);
                                             return o.kind == PlaceKind::kCountry ||
                                                    (o.kind == PlaceKind::kCity &&
                                                     o.population >= 100000);
                                           }))
          score -= 2;
        if (!f.within.empty() && p.country == f.within) score += 10;
        if (p.kind != PlaceKind::kRegion &&
            std::find(f.within_admin1.begin(), f.within_admin1.end(), p.admin1) !=
                f.within_admin1.end()) {
          score += 10;
        }
        const std::string country(p.country);
        // A village's namesakes are many: the article's countries count
        // for less there ("Geneva" is not a town in New York state).
        if (auto it = context.find(country); it != context.end()) {
          score += p.kind == PlaceKind::kCity && p.population < 50000 ? it->second / 2 : it->second;
        }
        const int n = round == 1 ? others[country] - (chosen_country[i] == country ? 1 : 0) : 0;
        if (n > 0 && !context.count(country)) score += 2;
        if (score > best) {
          best = score;
          f.mention.place = match.place;
          f.score = score;
          f.own_name = match.own_name;
          f.in_context = context.count(country) > 0 || n > 0;
          f.in_main_country = context.count(country) > 0 && context.at(country) >= main_weight;
        }
      }
      chosen_country[i] = std::string(gazetteer_->place(f.mention.place).country);
    }
  }
}

void PlaceFinder::Find(Analysis* a) const {
  a->places.clear();
  std::vector<Found> found;
  std::vector<Gazetteer::Match> candidates, exact;
  std::string joined;
  auto lookup = [&](uint32_t b, uint32_t e) {
    joined.clear();
    for (uint32_t i = b; i < e; ++i) {
      if (i > b) joined += ' ';
      joined += a->Key(i);
    }
    candidates.clear();
    gazetteer_->Lookup(joined, &candidates);
    return !candidates.empty();
  };
  // A name the gazetteer lacks as written: without its article
  // ("Ar-Raqqa", "al-Hol"), else by its spelling key unless its words are
  // all English ones ("Middle", "Twitter"; not "Tall Refaat").
  auto lookup_spelling = [&](uint32_t b, uint32_t e) {
    candidates.clear();
    const std::string_view first = a->Key(b);
    const size_t hyphen = first.find('-');
    if (hyphen != std::string_view::npos && hyphen >= 2 && hyphen <= 3 &&
        IsArabicArticle(first.substr(0, hyphen))) {
      joined.assign(first.substr(hyphen + 1));
      for (uint32_t i = b + 1; i < e; ++i) {
        joined += ' ';
        joined += a->Key(i);
      }
      gazetteer_->Lookup(joined, &candidates);
      if (!candidates.empty()) return true;
    }
    bool words = true;  // every word an English one
    for (uint32_t i = b; i < e; ++i) words = words && (a->tokens[i].flags & kTokInLexicon);
    if (words) return false;
    gazetteer_->LookupSpelling(a->OriginalText(b, e), &candidates);
    return !candidates.empty();
  };
  if (a->dateline && a->dateline->place_begin < a->dateline->place_end &&
      lookup(a->dateline->place_begin, a->dateline->place_end)) {
    Found f;
    f.mention.begin = a->dateline->place_begin;
    f.mention.end = a->dateline->place_end;
    f.mention.sentence = kDatelineSentence;
    f.mention.strength = 3;
    f.want_city = true;
    f.candidates = candidates;
    found.push_back(std::move(f));
  }
  Marks marks;
  marks.mention_kind.assign(a->tokens.size(), kNoMention);
  marks.mention_at.assign(a->tokens.size(), -1);
  marks.phrase_of.assign(a->tokens.size(), -1);
  marks.in_date.assign(a->tokens.size(), 0);
  std::vector<int8_t>& mention_kind = marks.mention_kind;
  const std::vector<int32_t>& mention_at = marks.mention_at;
  for (size_t k = 0; k < a->mentions.size(); ++k) {
    const Mention& m = a->mentions[k];
    for (uint32_t i = m.begin; i < m.end; ++i) {
      mention_kind[i] = static_cast<int8_t>(m.kind);
      marks.mention_at[i] = static_cast<int32_t>(k);
    }
  }
  for (const DateMention& d : a->dates) {
    for (uint32_t i = d.begin; i < d.end && i < a->tokens.size(); ++i) marks.in_date[i] = 1;
  }
  // The actor a country's name decides, for each mention.
  std::vector<int32_t> country_of_mention(a->mentions.size(), -1);
  for (size_t k = 0; k < a->actors.size(); ++k) {
    const PhraseActor& x = a->actors[k];
    if (x.mention >= 0 && x.country.size() == 3)
      country_of_mention[x.mention] = static_cast<int32_t>(k);
  }
  // Words of the article's other proper names ("Andrew Brunson", "Tommy
  // Robinson"): alone, they name that person again, not a place.
  std::unordered_set<std::string> name_words;
  for (const Sentence& sentence : a->sentences) {
    auto proper = [&](uint32_t i) {
      const Token& t = a->tokens[i];
      if (i == sentence.token_begin || !(t.flags & kTokCapitalized) || !IsProperNoun(t.tag) ||
          (t.flags & kTokAllCaps) || mention_kind[i] != kNoMention)
        return false;
      const std::string key(a->Key(i));
      return !region_.count(key) && !area_.count(key) && !direction_.count(key);
    };
    for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
      uint32_t end = i;
      while (end < sentence.token_end && proper(end)) ++end;
      if (end - i >= 2 && !lookup(i, end)) {
        for (uint32_t k = i; k < end; ++k) name_words.insert(std::string(a->Key(k)));
      }
      i = std::max(i, end);
    }
  }
  for (uint32_t p = 0; p < a->phrases.size(); ++p) {
    if (a->phrases[p].type != PhraseType::kNoun) continue;
    for (uint32_t i = a->phrases[p].begin; i < a->phrases[p].end; ++i)
      marks.phrase_of[i] = static_cast<int32_t>(p);
  }
  const uint32_t longest = gazetteer_->max_name_tokens();
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    const Sentence& sentence = a->sentences[s];
    for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
      const Token& t = a->tokens[i];
      if (!(t.flags & kTokHasUpper) || !(t.flags & kTokAlpha)) continue;
      // Cheap refusals before any lookup: a capitalised word that is not a
      // proper noun ("The"), or one inside a person's or group's name.
      if ((t.flags & kTokCapitalized) && !IsProperNoun(t.tag) && !IsCountryLike(mention_kind[i]))
        continue;
      if (mention_kind[i] != kNoMention && !IsCountryLike(mention_kind[i])) continue;
      // Names run over capitalised words and short particles ("Deir ez-Zor",
      // "Rio de Janeiro"), not over commas or verbs.
      uint32_t run = 1;
      while (run < longest && i + run < sentence.token_end) {
        const Token& next = a->tokens[i + run];
        if (!(next.flags & kTokAlpha) ||
            (!(next.flags & kTokHasUpper) && next.end - next.start > 3))
          break;
        ++run;
      }
      // After "in", "near", "the village of": a name the gazetteer lacks in
      // this spelling is looked up by its spelling key ("Ar-Raqqa").
      // Longest first, each length as written and then by its spelling:
      // "Tall Refaat" is Tall Rif‘at before "Tall" is At Tall.
      const bool place_like = mention_kind[i] == kNoMention && AfterLocative(*a, s, i, true);
      for (uint32_t n = run; n >= 1; --n) {
        bool found_here = lookup(i, i + n);
        size_t spelled_from = candidates.size();
        if (place_like) {
          // The spelling's places come after those of the name as written
          // ("Karama" is Calama in Chile as written, Al Karāmah by spelling).
          exact.assign(candidates.begin(), candidates.end());
          if (lookup_spelling(i, i + n)) {
            for (const Gazetteer::Match& m : candidates) {
              if (std::none_of(exact.begin(), exact.end(),
                               [&](const Gazetteer::Match& x) { return x.place == m.place; })) {
                exact.push_back(m);
              }
            }
          }
          candidates.swap(exact);
          found_here = !candidates.empty();
        }
        if (!found_here || !Acceptable(*a, marks, s, i, i + n)) continue;
        const bool country_like = IsCountryLike(mention_kind[i]);
        if (n == 1 && !country_like &&
            (name_words.count(std::string(a->Key(i))) || stop_.count(std::string(a->Key(i))) ||
             (t.flags & kTokAllCaps)))
          break;  // "Brunson", "Christmas", "YPG"
        Found f;
        f.mention.begin = i;
        f.mention.end = i + n;
        f.mention.sentence = s;
        f.candidates = candidates;
        f.spelled_from = spelled_from;
        // "Bostan al-Qasr" read as "Bostan": a part of a longer name.
        if (i + n < sentence.token_end) {
          const Token& next = a->tokens[i + n];
          const std::string_view key = a->Key(i + n);
          const size_t hyphen = key.find('-');
          // "Tall al Ahmar": an article, then a capitalised word.
          const bool article_word = IsArabicArticle(key) && i + n + 1 < sentence.token_end &&
                                    (a->tokens[i + n + 1].flags & kTokCapitalized);
          f.partial =
              ((next.flags & kTokCapitalized) && IsProperNoun(next.tag) &&
               mention_kind[i + n] == kNoMention && !(next.flags & kTokCalendar)) ||
              (hyphen != std::string_view::npos && IsArabicArticle(key.substr(0, hyphen))) ||
              article_word;
        }
        if (country_like) {
          // The dictionaries know which country this is: "US" is not the
          // French village of Us, "Turkey" no town in New Jersey.
          const int32_t actor = mention_at[i] >= 0 ? country_of_mention[mention_at[i]] : -1;
          if (actor >= 0 && mention_kind[i] == static_cast<int8_t>(MentionKind::kCountry)) {
            const PhraseActor& x = a->actors[actor];
            f.within = x.country;
            // The country, unless the name is a city's of that country
            // and not the country's own ("Gaza").
            bool names_country = false;
            std::vector<Gazetteer::Match> cities;
            for (const Gazetteer::Match& c : f.candidates) {
              const PlaceInfo p = gazetteer_->place(c.place);
              if (p.country != x.country) continue;
              if (p.kind == PlaceKind::kCountry) names_country = true;
              if (p.kind == PlaceKind::kCity) cities.push_back(c);
            }
            const auto country = gazetteer_->Country(x.country);
            if (!names_country && !cities.empty()) {
              f.candidates = std::move(cities);
            } else if (country) {
              f.candidates = {Gazetteer::Match{*country, true}};
            }
          }
        }
        Describe(*a, marks, s, &f);
        found.push_back(std::move(f));
        i += n - 1;
        break;
      }
    }
  }
  // "Kafr Uwayd in Idlib", "Kafr Uwayd, Idlib": a place the gazetteer lacks
  // before the one it lies in, which is then its region, not its seat.
  for (Found& f : found) {
    const PlaceMention& m = f.mention;
    if (m.sentence == kDatelineSentence || m.begin < 2) continue;
    const uint32_t joint = m.begin - 1;
    if (a->Key(joint) != "in" && a->tokens[joint].tag != PosTag::kComma) continue;
    const uint32_t before = joint - 1;
    const Token& t = a->tokens[before];
    if (before < a->sentences[m.sentence].token_begin || !(t.flags & kTokCapitalized) ||
        !IsProperNoun(t.tag) || mention_kind[before] != kNoMention ||
        before == a->sentences[m.sentence].token_begin) {
      continue;
    }
    const bool placed = std::any_of(found.begin(), found.end(), [&](const Found& g) {
      return g.mention.begin <= before && before < g.mention.end;
    });
    // The unknown name must read as a place: "near Kafr Uwayd", "the
    // village of Kafr Uwayd", "shelled Kafr Uwayd" (not "said Smith").
    uint32_t start = before;
    while (start > a->sentences[m.sentence].token_begin &&
           ((a->tokens[start - 1].flags & kTokCapitalized) || IsArabicArticle(a->Key(start - 1))))
      --start;
    const bool said = start > 0 && std::any_of(a->verb_groups.begin(), a->verb_groups.end(),
                                               [&](const VerbGroup& v) {
                                                 return v.main == start - 1 && v.speech;
                                               });
    if (placed || said || !AfterLocative(*a, m.sentence, start, true)) continue;
    f.want_region = true;
    f.mention.strength = std::max<uint8_t>(f.mention.strength, 3);  // where the event was
  }
  // "Boni in central Mali", "Homs, Syria": a place followed by its country.
  for (size_t i = 0; i + 1 < found.size(); ++i) {
    const PlaceMention& m = found[i].mention;
    const PlaceMention& next = found[i + 1].mention;
    if (m.sentence != next.sentence || next.begin < m.end || next.begin - m.end > 3) continue;
    bool joined = true;
    for (uint32_t k = m.end; k < next.begin; ++k) {
      const PosTag tag = a->tokens[k].tag;
      joined = joined && (a->Key(k) == "in" || tag == PosTag::kComma || IsAdjective(tag) ||
                          tag == PosTag::DT);
    }
    if (!joined) continue;
    for (const Gazetteer::Match& c : found[i + 1].candidates) {
      const PlaceInfo country = gazetteer_->place(c.place);
      if (country.kind == PlaceKind::kCountry) found[i].within = std::string(country.country);
      // "Kafr Nabl in southern Idleb", "Tafas, Daraa province": a region.
      if (country.kind == PlaceKind::kRegion) found[i].within_admin1.emplace_back(country.admin1);
    }
  }
  Choose(*a, &found);
  const bool has_context =
      !a->home_country.empty() ||
      std::any_of(a->actors.begin(), a->actors.end(),
                  [&](const PhraseActor& x) { return IsCountryCode(x.country); });
  for (const Found& f : found) {
    const PlaceInfo p = gazetteer_->place(f.mention.place);

    // A small town named without "in", "near" or "north of" is more likely
    // a person's name or a word ("Robinson", "Earth").
    if (p.kind == PlaceKind::kCity && p.population < 50000 &&
        f.mention.strength < (f.in_main_country ? 2 : 3) && f.mention.sentence != kDatelineSentence)
      continue;
    // A place elsewhere known by one of its other names, while the article
    // is about other countries ("the town of Boni" in Mali is not
    // Watampone in Indonesia, once called Boni), or such a region ("Western"
    // in Uganda).
    if (!f.in_context && has_context &&
        ((p.kind == PlaceKind::kCity &&
          (f.own_name ? p.population < 50000 : p.population < 20000)) ||
         (p.kind == PlaceKind::kRegion && !f.want_region)))
      continue;
    // An exonym ("Palmyra" for Tadmur, "Bombay") names the place; another
    // name a letter or two from its own is a variant spelling of it in some
    // language, more likely a different place's name where the article is
    // not ("the town of Boni" in Mali is not Bonn).
    if (!f.own_name && !f.in_context && has_context && p.kind == PlaceKind::kCity) {
      const std::string said = AsciiLowercase(a->OriginalText(f.mention.begin, f.mention.end));
      const std::string own = AsciiLowercase(p.name);
      if (said != own && EditDistance(said, own) <= 2) continue;
    }
    // "the town of Boni in central Mali": a place said to be in a country
    // that is not there is not this place.
    if (!f.within.empty() && p.kind != PlaceKind::kCountry && p.country != f.within) continue;
    // A part of a longer name only in a country the article is about.
    if (f.partial && !f.in_context && has_context) continue;
    // No candidate left (a spelling variant with none where the article is).
    if (f.score <= -1e9) continue;
    a->places.push_back(f.mention);
    a->places.back().sure = f.own_name || f.in_context || !has_context;
  }
}

Location PlaceFinder::LocationOf(const Analysis& a, const PlaceMention& m) const {
  const PlaceInfo p = gazetteer_->place(m.place);
  Location l;
  l.name = std::string(p.name);
  l.geonameid = p.geonameid;
  l.lat = std::round(p.lat * 1e5) / 1e5;
  l.lon = std::round(p.lon * 1e5) / 1e5;
  l.admin1 = std::string(p.kind == PlaceKind::kCountry ? "" : p.admin1);
  l.country = std::string(p.country);
  l.precision = p.kind == PlaceKind::kCountry  ? LocationPrecision::kCountry
                : p.kind == PlaceKind::kRegion ? LocationPrecision::kAdmin1
                                               : LocationPrecision::kCity;
  l.text = std::string(a.OriginalText(m.begin, m.end));
  return l;
}

}  // namespace palmyra
