// Small string helpers shared by the stages: ASCII case mapping, trimming,
// splitting and number parsing. None of them allocate unless they return a
// std::string.
#ifndef PALMYRA_CORE_STRINGS_H_
#define PALMYRA_CORE_STRINGS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palmyra {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string AsciiLowercase(std::string_view s);
std::string AsciiUppercase(std::string_view s);
std::string_view Trim(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// Splits on `sep`; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Splits on runs of ASCII whitespace; drops empty fields.
std::vector<std::string_view> SplitWhitespace(std::string_view s);
std::optional<int> ParseInt(std::string_view s);
// `s` fit for a terminal: control characters (ESC, CR, BEL, ...) written as
// \xNN, so that a document id or a dictionary line cannot move the cursor
// or change colours; other bytes, UTF-8 included, as they are.
std::string Printable(std::string_view s);
// The Levenshtein distance between two byte strings.
int EditDistance(std::string_view a, std::string_view b);
// The candidate nearest `word` by edit distance (case-insensitive), when it
// is near enough to be a likely misspelling; "" otherwise.
std::string NearestWord(std::string_view word, const std::vector<std::string>& candidates);
std::optional<double> ParseDouble(std::string_view s);

}  // namespace palmyra

#endif  // PALMYRA_CORE_STRINGS_H_
