#include "lexical/tagger_features.h"

#include "core/hash.h"
#include "core/strings.h"
#include "lexical/lemmatizer.h"

namespace palmyra {
namespace {

constexpr uint64_t kStartWord = 0x5354415254ULL;  // outside the sentence, left
constexpr uint64_t kEndWord = 0x454e44ULL;        // outside the sentence, right

uint64_t Feature(uint64_t templ, uint64_t a) { return HashCombine(MixBits(templ + 1), a); }
uint64_t Feature(uint64_t templ, uint64_t a, uint64_t b) {
  return HashCombine(HashCombine(MixBits(templ + 1), a), b);
}

// "Russia" -> "Xxx", "U.S." -> "X.X.", "1,200" -> "d,dd": character classes
// with runs cut to two.
uint64_t Shape(std::string_view w) {
  char buffer[24];
  size_t n = 0;
  char last = 0;
  int run = 0;
  for (char c : w) {
    char k = IsAsciiUpper(c)   ? 'X'
             : IsAsciiLower(c) ? 'x'
             : IsAsciiDigit(c) ? 'd'
             : (c & 0x80)      ? 'u'
                               : c;
    run = (k == last) ? run + 1 : 1;
    last = k;
    if (run <= 2 && n < sizeof buffer) buffer[n++] = k;
  }
  return Hash64(std::string_view(buffer, n), 11);
}

}  // namespace

std::string_view TaggerForm(std::string_view form, bool open_quote, bool close_quote) {
  if (open_quote) return "``";
  if (close_quote) return "''";
  if (form == "-" || form == "---") return "--";
  return form;
}

void TaggerFeatures::Prepare(const std::vector<std::string_view>& words,
                             const Lemmatizer* lexicon) {
  parts_.resize(words.size());
  std::string lower;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    lower.assign(w);
    bool digit = false, letter = false;
    for (char& c : lower) {
      digit |= IsAsciiDigit(c);
      letter |= IsAsciiAlpha(c) || (c & 0x80);
      c = AsciiLower(c);
    }
    Parts& p = parts_[i];
    if (digit && !letter) {
      const bool year = w.size() == 4 && (w[0] == '1' || w[0] == '2');
      p.word = Hash64(year ? "!YEAR" : "!DIGITS", 3);
    } else {
      p.word = Hash64(lower, 3);
    }
    const std::string_view l = lower;
    p.suffix1 = Hash64(l.substr(l.size() >= 1 ? l.size() - 1 : 0), 5);
    p.suffix2 = Hash64(l.substr(l.size() >= 2 ? l.size() - 2 : 0), 6);
    p.suffix3 = Hash64(l.substr(l.size() >= 3 ? l.size() - 3 : 0), 7);
    p.prefix1 = Hash64(w.substr(0, 1), 8);
    p.shape = Shape(w);
    p.capitalized = !w.empty() && IsAsciiUpper(w[0]);
    p.classes = (lexicon != nullptr && letter) ? lexicon->Classes(lower) : 0;
  }
}

void TaggerFeatures::ExtractWordFeatures(size_t i, uint64_t* out) const {
  const Parts& p = parts_[i];
  const size_t n = parts_.size();
  const uint64_t w_1 = i >= 1 ? parts_[i - 1].word : kStartWord;
  const uint64_t s3_1 = i >= 1 ? parts_[i - 1].suffix3 : kStartWord;
  const uint64_t w_2 = i >= 2 ? parts_[i - 2].word : kStartWord;
  const uint64_t w1 = i + 1 < n ? parts_[i + 1].word : kEndWord;
  const uint64_t s3_1r = i + 1 < n ? parts_[i + 1].suffix3 : kEndWord;
  const uint64_t w2 = i + 2 < n ? parts_[i + 2].word : kEndWord;
  out[0] = Feature(0, 0);
  out[1] = Feature(1, p.word);
  out[2] = Feature(2, p.suffix3);
  out[3] = Feature(3, p.suffix2);
  out[4] = Feature(4, p.suffix1);
  out[5] = Feature(5, p.prefix1);
  out[6] = Feature(6, p.shape);
  out[7] = Feature(11, w_1);
  out[8] = Feature(12, s3_1);
  out[9] = Feature(13, w_2);
  out[10] = Feature(14, w1);
  out[11] = Feature(15, s3_1r);
  out[12] = Feature(16, w2);
  out[13] = Feature(17, (i == 0 ? 2 : 0) + (p.capitalized ? 1 : 0));
  out[14] = Feature(18, p.classes);
}

void TaggerFeatures::ExtractTagFeatures(int prev, int prev2, uint64_t* out) {
  const uint64_t t1 = static_cast<uint64_t>(prev), t2 = static_cast<uint64_t>(prev2);
  out[0] = Feature(7, t1);
  out[1] = Feature(8, t2);
  out[2] = Feature(9, t1, t2);
}

void TaggerFeatures::ExtractWordTagFeatures(size_t i, int prev, uint64_t* out) const {
  const Parts& p = parts_[i];
  const uint64_t t1 = static_cast<uint64_t>(prev);
  out[0] = Feature(10, t1, p.word);
  out[1] = Feature(19, p.classes, t1);
}

void TaggerFeatures::Extract(size_t i, int prev, int prev2, uint64_t* out) const {
  ExtractWordFeatures(i, out);
  ExtractTagFeatures(prev, prev2, out + kNumWordFeatures);
  ExtractWordTagFeatures(i, prev, out + kNumWordFeatures + kNumTagFeatures);
}

}  // namespace palmyra
