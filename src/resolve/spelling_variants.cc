#include "resolve/spelling_variants.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"

namespace palmyra {
namespace {

// The name in lower-case ASCII letters, words parted by single spaces:
// diacritics and ayn/hamza signs dropped, hyphens as spaces.
std::string FoldToAscii(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const icu::Normalizer2* nfd = ascii ? nullptr : icu::Normalizer2::getNFDInstance(error);
  std::string decomposed;
  if (ascii) {
    decomposed.assign(name);
  } else if (U_SUCCESS(error)) {
    icu::StringByteSink<std::string> sink(&decomposed);
    nfd->normalizeUTF8(0, icu::StringPiece(name.data(), static_cast<int32_t>(name.size())), sink,
                       nullptr, error);
  }
  if (U_FAILURE(error)) decomposed.assign(name);
  std::string out;
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (size_t i = 0; i < decomposed.size();) {
    size_t length = 1;
    const char32_t c = DecodeUtf8(decomposed, i, &length);
    i += length;
    if (c < 0x80) {
      const char ch = static_cast<char>(c);
      if (ch >= 'A' && ch <= 'Z') {
        out += static_cast<char>(ch - 'A' + 'a');
      } else if (ch >= 'a' && ch <= 'z') {
        out += ch;
      } else if (ch == ' ' || ch == '-' || ch == '_' || ch == '/') {
        space();
      }
      // Apostrophes and backquotes stand for ayn and hamza: dropped.
      continue;
    }
    switch (c) {
      case U'ı':
        out += 'i';
        break;
      case U'ł':
        out += 'l';
        break;
      case U'ø':
        out += 'o';
        break;
      case U'đ':
        out += 'd';
        break;
      case U'ß':
        out += "ss";
        break;
      case U'æ':
        out += "ae";
        break;
      case U'\u2010':
      case U'\u2011':
      case U'\u2012':
      case U'\u2013':
        space();
        break;
      default:
        break;  // combining marks, ayn signs (ʿ ʾ ‘ ’) and the rest
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The consonant skeleton of one word.
void AppendWordKey(const std::string& w, std::string* out) {
  std::string key;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if (c == 'c' && next == 'h') {  // French "ch": "Chaddadi"
      key += "sh";
      ++i;
      continue;
    }
    if (c == 'p' && next == 'h') c = 'f', ++i;
    if (c == 'd' && next == 'j') continue;  // "Djisr": "Jisr"
    if (c == 'q' || c == 'c') c = 'k';
    if (i == 0) {
      key += IsVowel(c) ? 'a' : c;
      continue;
    }
    if (IsVowel(c) || c == 'w' || c == 'y') continue;
    if (!key.empty() && key.back() == c) continue;  // doubled letters
    key += c;
  }
  *out += key;
}

// The name's words, folded to ASCII, without articles, a final "h" after a
// vowel dropped.
std::vector<std::string> CleanWords(std::string_view name) {
  const std::string folded = FoldToAscii(name);
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  if (words.size() > 1) {
    std::erase_if(words, [](const std::string& w) { return IsArabicArticle(w); });
  }
  // A final "h" after a vowel: "Raqqah", "Hasakeh".
  for (std::string& w : words) {
    if (w.size() > 2 && w.back() == 'h' && IsVowel(w[w.size() - 2])) w.pop_back();
  }
  return words;
}

}  // namespace

bool IsArabicArticle(std::string_view word) {
  static constexpr std::string_view kArticles[] = {"al", "el",  "ar",  "as", "ad", "an", "az",
                                                   "at", "ash", "ath", "ed", "er", "es", "en",
                                                   "et", "ez",  "ul",  "il", "adh"};
  return std::find(std::begin(kArticles), std::end(kArticles), word) != std::end(kArticles);
}

std::string SpellingKey(std::string_view name) {
  std::string key;
  for (const std::string& w : CleanWords(name)) AppendWordKey(w, &key);
  return key.size() >= 3 ? key : std::string();
}

int SpellingDistance(std::string_view a, std::string_view b) {
  std::string x, y;
  for (const std::string& w : CleanWords(a)) x += w;
  for (const std::string& w : CleanWords(b)) y += w;
  return EditDistance(x, y);
}

}  // namespace palmyra
