// UTF-8 decoding and validation. Palmyra keeps documents as the bytes it was
// given; these helpers find where those bytes are not valid UTF-8 and give a
// valid copy for output.
#ifndef PALMYRA_CORE_UTF8_H_
#define PALMYRA_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace palmyra {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[pos]. Sets *length to the number of
// bytes it takes (at least 1). Returns kReplacementChar with *length = 1 for
// a malformed, overlong, surrogate or truncated sequence.
char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* length);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

// Byte offset of the first invalid sequence, or npos when `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

// A copy of `s` with each invalid byte replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

}  // namespace palmyra

#endif  // PALMYRA_CORE_UTF8_H_
