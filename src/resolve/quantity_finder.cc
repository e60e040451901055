#include "resolve/quantity_finder.h"

#include <algorithm>
#include <cstdlib>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

std::vector<std::string> Words(std::string_view joined) {
  std::vector<std::string> words;
  for (std::string_view w : Split(joined, '_')) {
    if (!w.empty()) words.push_back(AsciiLowercase(w));
  }
  return words;
}

bool IsNounTag(PosTag t) {
  return t == PosTag::NN || t == PosTag::NNS || t == PosTag::NNP || t == PosTag::NNPS;
}

}  // namespace

Result<std::unique_ptr<QuantityFinder>> QuantityFinder::Load(const std::string& data_dir,
                                                             const NumberReader* numbers) {
  std::unique_ptr<QuantityFinder> f(new QuantityFinder());
  f->numbers_ = numbers;
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/resolve/quantities.txt", [&](std::string_view line, int) {
        const auto fields = SplitWhitespace(line);
        if (fields.size() < 3)
          return DataError("expected 'casualty', 'amount', 'bound' or 'currency' and its words");
        if (fields[0] == "casualty") {
          for (size_t i = 2; i < fields.size(); ++i) {
            const int32_t id = f->casualty_words_.Add(AsciiLowercase(fields[i]));
            if (id >= static_cast<int32_t>(f->casualty_kind_.size()))
              f->casualty_kind_.resize(id + 1);
            f->casualty_kind_[id] = std::string(fields[1]);
          }
        } else if (fields[0] == "amount") {
          if (fields.size() != 4) return DataError("expected 'amount WORDS VALUE HIGH'");
          const std::optional<double> value = DigitValue(fields[2]), high = DigitValue(fields[3]);
          if (!value || !high) return DataError("the value and the high bound must be numbers");
          f->vague_.push_back({Words(fields[1]), *value, *high});
        } else if (fields[0] == "bound") {
          if (fields.size() != 3 ||
              (fields[2] != "low" && fields[2] != "high" && fields[2] != "about")) {
            return DataError("expected 'bound WORDS low|high|about'");
          }
          f->bounds_.push_back({Words(fields[1]), fields[2][0] == 'l'   ? 'l'
                                                  : fields[2][0] == 'h' ? 'h'
                                                                        : 'a'});
        } else if (fields[0] == "currency") {
          for (size_t i = 2; i < fields.size(); ++i) {
            const int32_t id = f->currency_forms_.Add(AsciiLowercase(fields[i]));
            if (id >= static_cast<int32_t>(f->currency_code_.size()))
              f->currency_code_.resize(id + 1);
            f->currency_code_[id] = std::string(fields[1]);
          }
        } else {
          return DataError("expected 'casualty', 'amount', 'bound' or 'currency'");
        }
        return Status::Ok();
      }));
  auto longest = [](const auto& x, const auto& y) { return x.words.size() > y.words.size(); };
  std::stable_sort(f->vague_.begin(), f->vague_.end(), longest);
  std::stable_sort(f->bounds_.begin(), f->bounds_.end(), longest);
  for (const Vague& v : f->vague_) f->starters_.Add(v.words[0]);
  for (const Bound& b : f->bounds_) f->starters_.Add(b.words[0]);
  f->starters_.Add("between");
  f->starters_.Add("a");  // "a dozen", "a hundred"
  f->starters_.Add("an");
  return f;
}

std::string_view QuantityFinder::CasualtyKind(std::string_view lemma) const {
  const int32_t id = casualty_words_.Find(lemma);
  return id == StringTable::kNotFound ? std::string_view() : std::string_view(casualty_kind_[id]);
}

std::string_view QuantityFinder::GroupKind(const Analysis& a, const VerbGroup& v) const {
  const std::string_view kind = CasualtyKind(a.tokens[v.main].lemma);
  if (!kind.empty()) return kind;
  // "shot dead two Palestinians", "left dead"
  if (v.end < a.tokens.size() && a.tokens[v.end].tag == PosTag::JJ)
    return CasualtyKind(a.tokens[v.end].lemma);
  return {};
}

uint32_t QuantityFinder::MatchWords(const Analysis& a, uint32_t t, uint32_t limit,
                                    const std::vector<std::string>& words) {
  if (t + words.size() > limit) return 0;
  for (size_t k = 0; k < words.size(); ++k) {
    if (a.Key(t + static_cast<uint32_t>(k)) != words[k]) return 0;
  }
  return static_cast<uint32_t>(words.size());
}

std::string_view QuantityFinder::CurrencyAt(const Analysis& a, uint32_t t) const {
  const int32_t id = currency_forms_.Find(a.Key(t));
  return id == StringTable::kNotFound ? std::string_view() : std::string_view(currency_code_[id]);
}

std::optional<double> QuantityFinder::NumberAt(const Analysis& a, uint32_t t, uint32_t limit,
                                               uint32_t* end) const {
  if (t >= limit) return std::nullopt;
  // "33bn", "336m", "2.5bn": a scale glued to the digits.
  const std::string_view key = a.Key(t);
  size_t digits = 0;
  while (digits < key.size() &&
         ((key[digits] >= '0' && key[digits] <= '9') || key[digits] == '.' || key[digits] == ',')) {
    ++digits;
  }
  if (digits > 0 && digits < key.size()) {
    const std::optional<double> number = DigitValue(key.substr(0, digits));
    const std::optional<double> scale = numbers_->ScaleValue(key.substr(digits));
    if (number && scale) {
      *end = t + 1;
      return *number * *scale;
    }
    return std::nullopt;
  }
  return numbers_->Read(a, t, limit, end);
}

std::optional<Quantity> QuantityFinder::AmountAt(const Analysis& a, uint32_t t, uint32_t limit,
                                                 uint32_t* end) const {
  Quantity q;
  uint32_t u = t;
  char side = 'a';
  for (const Bound& b : bounds_) {
    if (const uint32_t n = MatchWords(a, u, limit, b.words)) {
      side = b.side;
      u += n;
      break;
    }
  }
  // "between 10 and 15", "10 to 15", "10-15"
  const bool between = u < limit && a.Key(u) == "between";
  if (between) ++u;
  for (const Vague& v : vague_) {
    if (const uint32_t n = MatchWords(a, u, limit, v.words)) {
      q.value = v.value;
      q.low = v.value;
      q.high = v.high;
      u += n;
      if (u < limit && a.Key(u) == "of") ++u;
      *end = u;
      return q;
    }
  }
  uint32_t after = u;
  std::optional<double> n = NumberAt(a, u, limit, &after);
  if (!n) {
    // "10-15" as one token
    if (u >= limit) return std::nullopt;
    const std::string_view key = a.Key(u);
    const size_t dash = key.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const std::optional<double> lo = DigitValue(key.substr(0, dash)),
                                hi = DigitValue(key.substr(dash + 1));
    if (!lo || !hi || *hi < *lo) return std::nullopt;
    q.value = *lo;
    q.low = *lo;
    q.high = *hi;
    *end = u + 1;
    return q;
  }
  q.value = *n;
  uint32_t range_end = after;
  if (after + 1 < limit && ((between && a.Key(after) == "and") ||
                            (!between && (a.Key(after) == "to" || a.Key(after) == "-")))) {
    uint32_t hi_end = after + 1;
    const std::optional<double> hi = NumberAt(a, after + 1, limit, &hi_end);
    if (hi && *hi > *n) {
      q.low = *n;
      q.high = *hi;
      range_end = hi_end;
    }
  }
  if (between && !q.high) return std::nullopt;
  if (side == 'l') q.low = *n;
  if (side == 'h') q.high = *n;
  *end = range_end;
  return q;
}

namespace {

// A person's age, not a count: "Mr Mousa, 28, was arrested", "Firas Juma
// (34)", "aged 19".
bool IsAge(const Analysis& a, uint32_t t, uint32_t end, uint32_t b, uint32_t e, double value) {
  if (end != t + 1 || value < 1 || value > 120 || value != static_cast<int>(value)) return false;
  if (t > b && (a.Key(t - 1) == "aged" || a.Key(t - 1) == "age")) return true;
  if (t < b + 2) return false;
  const std::string_view before = a.Key(t - 1), after = end < e ? a.Key(end) : ",";
  const PosTag name = a.tokens[t - 2].tag;
  return ((before == "," && (after == "," || after == ".")) || (before == "(" && after == ")")) &&
         (name == PosTag::NNP || name == PosTag::NNPS);
}

}  // namespace

void QuantityFinder::Find(const Analysis& a, uint32_t s, std::vector<QuantityMention>* out) const {
  const Sentence& sentence = a.sentences[s];
  const uint32_t b = sentence.token_begin, e = sentence.token_end;
  const uint32_t pb = a.sentence_phrase_begin[s], pe = a.sentence_phrase_begin[s + 1];
  // Tokens of date expressions are not amounts ("14 March", "in 2011").
  std::vector<bool> in_date(e - b, false);
  const auto first = std::lower_bound(a.dates.begin(), a.dates.end(), b,
                                      [](const DateMention& m, uint32_t t) { return m.begin < t; });
  for (auto it = first; it != a.dates.end() && it->begin < e; ++it) {
    for (uint32_t t = it->begin; t < it->end && t < e; ++t) in_date[t - b] = true;
  }
  std::vector<int32_t> phrase_at(e - b, -1);
  for (uint32_t p = pb; p < pe; ++p) {
    for (uint32_t t = a.phrases[p].begin; t < a.phrases[p].end; ++t)
      phrase_at[t - b] = static_cast<int32_t>(p);
  }
  // The casualty verb whose subject (or object) is the phrase of the amount:
  // "12 people were killed", "12 people died", "killed 12 people"; the
  // subject or object may begin at a bound ("more than 300 protesters").
  auto casualty_group = [&](int32_t first_phrase, int32_t np, bool as_subject) -> int32_t {
    auto holds = [&](int32_t role) { return role >= 0 && role >= first_phrase && role <= np; };
    for (uint32_t p = pb; p < pe; ++p) {
      if (a.phrases[p].type != PhraseType::kVerb) continue;
      const VerbGroup& v = a.verb_groups[a.phrases[p].verb_group];
      if (GroupKind(a, v).empty()) continue;
      if (as_subject && holds(v.subject) && (v.passive || v.object < 0))
        return a.phrases[p].verb_group;
      if (!as_subject && holds(v.object) && !v.passive) return a.phrases[p].verb_group;
    }
    return -1;
  };
  std::vector<bool> counted_phrase(pe - pb, false);
  for (uint32_t t = b; t < e;) {
    uint32_t end = t;
    std::optional<Quantity> q;
    // Amounts start with a digit, a number word or a word of a bound or a
    // vague amount; most tokens are none of these.
    const bool may_start = (a.tokens[t].flags & kTokHasDigit) ||
                           starters_.Find(a.Key(t)) != StringTable::kNotFound ||
                           numbers_->WordValue(a.Key(t)).has_value();
    if (!in_date[t - b] && may_start) q = AmountAt(a, t, e, &end);
    // "a" alone is no amount here ("an attack"); "a dozen", "a hundred" are.
    if (q && end == t + 1 && (a.Key(t) == "a" || a.Key(t) == "an")) q.reset();
    if (!q || end <= t || in_date[end - 1 - b]) {
      ++t;
      continue;
    }
    if (IsAge(a, t, end, b, e, q->value)) {
      t = end;
      continue;
    }
    QuantityMention m;
    m.begin = t;
    m.end = end;
    // Money: "$2.5 billion", "33bn roubles", "10 million euros".
    std::string_view currency = t > b ? CurrencyAt(a, t - 1) : std::string_view();
    uint32_t text_begin = currency.empty() ? t : t - 1, text_end = end;
    if (currency.empty() && end < e && !CurrencyAt(a, end).empty()) {
      currency = CurrencyAt(a, end);
      text_end = end + 1;
    }
    if (!currency.empty()) {
      if (text_begin > b && a.Key(text_begin - 1) == "us") --text_begin;
      q->kind = "money";
      q->unit = std::string(currency);
      q->text = std::string(a.OriginalText(text_begin, text_end));
      m.quantity = std::move(*q);
      out->push_back(std::move(m));
      t = text_end;
      continue;
    }
    // The phrase of what is counted: the amount's own, or the one after
    // "hundreds of".
    int32_t np = phrase_at[end - 1 - b];
    if ((np < 0 || a.phrases[np].type != PhraseType::kNoun) && end < e) np = phrase_at[end - b];
    const int32_t first_phrase = phrase_at[t - b] >= 0 ? phrase_at[t - b] : np;
    std::string kind;
    uint32_t last = end;  // the end of the words that say what is counted
    if (np >= 0 && a.phrases[np].type == PhraseType::kNoun) {
      const Phrase& ph = a.phrases[np];
      last = std::max(end, ph.end);
      const Token& head = a.tokens[ph.head];
      if (const int32_t vg = casualty_group(first_phrase, np, true); vg >= 0) {
        kind = GroupKind(a, a.verb_groups[vg]);
        m.verb_group = vg;
        last = std::max(last, a.verb_groups[vg].end);
      } else if (const int32_t vg2 = casualty_group(first_phrase, np, false); vg2 >= 0) {
        kind = GroupKind(a, a.verb_groups[vg2]);
        m.verb_group = vg2;
      } else if (ph.head >= end && !CasualtyKind(head.lemma).empty() && IsNounTag(head.tag)) {
        kind = CasualtyKind(head.lemma);  // "12 deaths", "500 arrests"
      } else if (end < ph.end && !CasualtyKind(a.tokens[end].lemma).empty() &&
                 (a.tokens[end].tag == PosTag::JJ || a.tokens[end].tag == PosTag::VBN)) {
        kind = CasualtyKind(a.tokens[end].lemma);  // "leaving 12 dead"
        last = end + 1;
      } else if (last < e && !CasualtyKind(a.tokens[last].lemma).empty() &&
                 (a.tokens[last].tag == PosTag::JJ || a.tokens[last].tag == PosTag::VBN ||
                  a.tokens[last].tag == PosTag::VBD)) {
        // "12 dead and 20 wounded", "12 killed"
        kind = CasualtyKind(a.tokens[last].lemma);
        if (a.phrases[phrase_at[last - b] >= 0 ? phrase_at[last - b] : np].type ==
            PhraseType::kVerb) {
          m.verb_group = a.phrases[phrase_at[last - b]].verb_group;
        }
        ++last;
      } else if (t >= b + 2 && a.Key(t - 1) == "of" && IsNounTag(a.tokens[t - 2].tag) &&
                 !CasualtyKind(a.tokens[t - 2].lemma).empty()) {
        kind = CasualtyKind(a.tokens[t - 2].lemma);  // "the bodies of three men"
      } else if (ph.head >= end && IsNounTag(head.tag)) {
        kind = "count";  // "hundreds of airstrikes": kept if an event is that noun
        q->unit = std::string(head.lemma);
        m.counted = static_cast<int32_t>(ph.head);
      }
      // "the death toll rose to 30", "a toll of 12"
      if (kind.empty() || kind == "count") {
        for (uint32_t k = t > b + 6 ? t - 6 : b; k < t; ++k) {
          if (a.Key(k) == "toll") {
            kind = "killed";
            q->unit.clear();
            m.counted = -1;
          }
        }
      }
      counted_phrase[np - pb] = !kind.empty();
    }
    if (kind.empty()) {
      t = end;
      continue;
    }
    q->kind = kind;
    q->text = std::string(a.OriginalText(t, std::min(last, e)));
    m.quantity = std::move(*q);
    out->push_back(std::move(m));
    t = end;
  }
  // "a Russian military adviser who was killed", "killed a soldier": one.
  for (uint32_t p = pb; p < pe; ++p) {
    if (a.phrases[p].type != PhraseType::kVerb) continue;
    const int32_t vg = a.phrases[p].verb_group;
    const VerbGroup& v = a.verb_groups[vg];
    const std::string_view kind = GroupKind(a, v);
    if (kind.empty()) continue;
    int32_t np = v.passive || v.object < 0 ? v.subject : v.object;
    // "shot dead a civilian": the object is after the adjective.
    if (np >= 0 && !v.passive && static_cast<uint32_t>(np + 1) < pe &&
        a.phrases[np].end - a.phrases[np].begin == 1 &&
        a.tokens[a.phrases[np].begin].tag == PosTag::JJ &&
        !CasualtyKind(a.tokens[a.phrases[np].begin].lemma).empty() &&
        a.phrases[np + 1].type == PhraseType::kNoun) {
      ++np;
    }
    if (np < 0 || static_cast<uint32_t>(np) < pb || static_cast<uint32_t>(np) >= pe ||
        counted_phrase[np - pb]) {
      continue;
    }
    const Phrase& ph = a.phrases[np];
    const std::string_view det = a.Key(ph.begin);
    if ((det != "a" && det != "an" && det != "one") ||
        a.ActorOf(static_cast<uint32_t>(np)) == nullptr || a.tokens[ph.head].tag != PosTag::NN) {
      continue;
    }
    QuantityMention m;
    m.begin = ph.begin;
    m.end = ph.begin + 1;
    m.verb_group = vg;
    m.quantity.kind = std::string(kind);
    m.quantity.value = 1;
    m.quantity.text = std::string(a.OriginalText(ph.begin, ph.end));
    counted_phrase[np - pb] = true;
    out->push_back(std::move(m));
  }
}

}  // namespace palmyra
