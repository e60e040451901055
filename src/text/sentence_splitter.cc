#include "text/sentence_splitter.h"

#include "core/strings.h"

namespace palmyra {
namespace {

bool IsClosing(const Analysis& a, uint32_t i) {
  const Token& t = a.tokens[i];
  if (t.flags & kTokCloseQuote) return true;
  const std::string_view f = a.Form(t);
  return f == ")" || f == "]" || f == "}";
}

bool IsFullStop(std::string_view f) { return f == "." || f == "!" || f == "?" || f == "!!"; }

// Could token i begin a sentence?
bool CanStart(const Analysis& a, uint32_t i) {
  const Token& t = a.tokens[i];
  if (t.flags & (kTokCapitalized | kTokOpenQuote)) return true;
  const std::string_view f = a.Form(t);
  if (!f.empty() && IsAsciiDigit(f[0])) return true;
  return f == "(" || f == "[" || f == "\"" || f == "--" || f == "-";
}

bool IsLineContinuation(std::string_view f) {
  return f == "," || f == ";" || f == ":" || f == "-" || f == "--" || f == "(" || f == "&";
}

}  // namespace

bool SentenceSplitter::BreaksBefore(const Analysis& a, uint32_t i, uint32_t sentence_start,
                                    uint32_t line_start) const {
  const Token& t = a.tokens[i];
  if (i == sentence_start) return false;
  if (t.flags & kTokParagraphBefore) return true;
  if (IsClosing(a, i)) return false;  // closing quotes and brackets end what they close
  if (i - sentence_start >= kMaxSentenceTokens) return true;

  // The last token before any closing quotes and brackets.
  uint32_t j = i - 1;
  while (j > sentence_start && IsClosing(a, j)) --j;
  const std::string_view last = a.Form(j);

  if (t.flags & kTokNewlineBefore) {
    // A line without final punctuation followed by a capitalised line: a
    // headline or heading when it is the document's first line or short.
    const bool punctuated = IsFullStop(last) || last == "..." || IsLineContinuation(last) ||
                            (a.tokens[j].flags & kTokAbbreviation);
    const bool first_line =
        sentence_start == 0 && a.sentences.empty() && a.doc != nullptr && !a.doc->title.empty();
    const uint32_t line_bytes = a.tokens[i - 1].norm_end - a.tokens[line_start].norm_start;
    if (!punctuated && (first_line || line_bytes < 60) && CanStart(a, i)) return true;
  }

  if (IsFullStop(last)) return CanStart(a, i);
  if (last == "...") return (t.flags & kTokCapitalized) && CanStart(a, i) && j + 1 == i;
  if (a.tokens[j].flags & kTokAbbreviation) {
    // "U.S." or "Inc." may end a sentence; titles and initials never do.
    std::string lower(a.Key(j));
    AbbreviationClass cls = rules_->Abbreviation(lower);
    if (cls == AbbreviationClass::kNone) {
      const bool initial = lower.size() == 2;
      cls = initial ? AbbreviationClass::kTitle : AbbreviationClass::kOther;
    }
    if (cls == AbbreviationClass::kTitle) return false;
    return (t.flags & kTokCapitalized) && rules_->IsSentenceStarter(a.Key(i));
  }
  return false;
}

void SentenceSplitter::Split(Analysis* a) const {
  a->sentences.clear();
  a->dateline.reset();
  const uint32_t n = static_cast<uint32_t>(a->tokens.size());
  if (n == 0) return;
  uint32_t start = 0;
  uint32_t line_start = 0;
  for (uint32_t i = 1; i < n; ++i) {
    if (BreaksBefore(*a, i, start, line_start)) {
      a->sentences.push_back({start, i, false});
      start = i;
    }
    if (a->tokens[i].flags & kTokNewlineBefore) line_start = i;
  }
  a->sentences.push_back({start, n, false});

  // The headline: the first sentence when it is the document's title.
  size_t body = 0;
  if (a->doc != nullptr && !a->doc->title.empty()) {
    const Sentence& first = a->sentences[0];
    const uint32_t s = a->tokens[first.token_begin].start;
    const uint32_t e = a->tokens[first.token_end - 1].end;
    if (Trim(std::string_view(a->doc->text).substr(s, e - s)) == Trim(a->doc->title)) {
      a->sentences[0].headline = true;
      body = 1;
    }
  }
  if (body < a->sentences.size()) FindDateline(a, body);
}

void SentenceSplitter::FindDateline(Analysis* a, size_t sentence) const {
  Sentence& s = a->sentences[sentence];
  const uint32_t end = s.token_end;
  uint32_t i = s.token_begin;
  auto form = [&](uint32_t k) { return k < end ? a->Form(k) : std::string_view(); };
  auto is_dash = [&](uint32_t k) {
    const std::string_view f = form(k);
    return f == "-" || f == "--" || f == "---";
  };
  Dateline d;
  d.token_begin = d.place_begin = d.place_end = i;
  // The place: one to four words in capitals ("KABUL", "RIO DE JANEIRO").
  while (i < end && i - s.token_begin < 4 && (a->tokens[i].flags & kTokAllCaps) &&
         (a->tokens[i].flags & kTokAlpha)) {
    ++i;
  }
  d.place_end = i;
  const bool has_place = d.place_end > d.place_begin;
  // ", Syria" or ", Calif." after the place.
  if (has_place && form(i) == "," && i + 1 < end && (a->tokens[i + 1].flags & kTokCapitalized) &&
      rules_->Month(a->Key(i + 1)) == 0 && rules_->Weekday(a->Key(i + 1)) == 0) {
    uint32_t k = i + 1;
    while (k < end && k - i <= 3 && (a->tokens[k].flags & kTokCapitalized) &&
           rules_->Month(a->Key(k)) == 0) {
      ++k;
    }
    if (form(k) == "," || form(k) == "(" || is_dash(k)) {
      d.place_end = k;
      i = k;
    }
  }
  // ", Oct. 3" / ", March 17, 2016" / ", Thursday".
  d.date_begin = d.date_end = i;
  if (has_place && form(i) == "," && i + 1 < end) {
    uint32_t k = i + 1;
    if (rules_->Weekday(a->Key(k)) != 0) {
      ++k;
      if (form(k) == ",") ++k;
    }
    if (rules_->Month(a->Key(k)) != 0) {
      ++k;
      if (k < end && IsAsciiDigit(form(k)[0]) && form(k).size() <= 2) ++k;
      if (form(k) == "," && k + 1 < end && form(k + 1).size() == 4 &&
          IsAsciiDigit(form(k + 1)[0])) {
        k += 2;
      }
    }
    if (k > i + 1) {
      d.date_begin = i + 1;
      d.date_end = k;
      i = k;
    }
  }
  // "(Xinhua)" / "(Reuters)".
  if (form(i) == "(") {
    uint32_t k = i + 1;
    while (k < end && k - i <= 5 && form(k) != ")") ++k;
    if (form(k) == ")") i = k + 1;
  }
  if ((!has_place && i == s.token_begin) || !is_dash(i) || i + 1 >= end) return;
  d.token_end = i + 1;
  s.token_begin = d.token_end;
  a->dateline = d;
}

}  // namespace palmyra
