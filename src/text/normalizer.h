// Normalizer: the first step of the text stage. Rewrites a document's text
// into the form the later stages read (Unicode NFKC; typographic quotes,
// dashes and spaces folded to their ASCII counterparts; invisible characters
// dropped; invalid UTF-8 replaced by U+FFFD; HTML character references
// such as "&#233;" and "&amp;", which text taken from web pages keeps, read
// as their characters) and records, for every byte of
// the result, where it came from in the original. Immutable after Create();
// Normalize() is thread-safe.
#ifndef PALMYRA_TEXT_NORMALIZER_H_
#define PALMYRA_TEXT_NORMALIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/offset_map.h"
#include "palmyra/status.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace palmyra {

struct NormalizeResult {
  size_t invalid_bytes = 0;                  // bytes that were not valid UTF-8
  size_t first_invalid = std::string::npos;  // offset of the first of them
};

class Normalizer {
 public:
  static Result<std::unique_ptr<Normalizer>> Create();

  // Normalises `text` into `*norm` (cleared first) with its map in `*offsets`.
  NormalizeResult Normalize(std::string_view text, std::string* norm, OffsetMap* offsets) const;

 private:
  explicit Normalizer(const icu::Normalizer2* nfkc) : nfkc_(nfkc) {}
  // Appends the normal form of character `c` (of a character reference).
  void AppendReferenced(char32_t c, std::string* norm) const;
  // Appends the normal form of a non-ASCII segment.
  void NormalizeSegment(std::string_view text, size_t begin, size_t end, std::string* norm,
                        OffsetMap* offsets) const;

  const icu::Normalizer2* nfkc_;  // owned by ICU
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_NORMALIZER_H_
