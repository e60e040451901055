// NameTokenizer: splits a dictionary name into tokens exactly as article
// text is split ("Kurdistan Workers' Party" -> kurdistan / workers / ' /
// party), so that names written in dictionaries match the tokens of the text.
// Immutable; thread-safe.
#ifndef PALMYRA_TEXT_NAME_TOKENIZER_H_
#define PALMYRA_TEXT_NAME_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace palmyra {

struct NameTokens {
  std::vector<std::string> keys;   // case-folded
  std::vector<std::string> forms;  // as written (after normalisation)
};

class NameTokenizer {
 public:
  NameTokenizer(const Normalizer* normalizer, const Tokenizer* tokenizer)
      : normalizer_(normalizer), tokenizer_(tokenizer) {}

  // `name` with words separated by spaces or underscores.
  NameTokens Tokenize(std::string_view name) const;

  // Changes whenever names would be split into different tokens: for
  // indexes and caches of tokenized names.
  uint64_t Stamp() const;

 private:
  const Normalizer* normalizer_;
  const Tokenizer* tokenizer_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_NAME_TOKENIZER_H_
