// Tokenizer: splits a normalised text into tokens with byte offsets, the
// Penn Treebank way: punctuation apart, "don't" -> "do" "n't", "Russia's" ->
// "Russia" "'s", while keeping numbers ("1,200", "3.5"), hyphenated words
// ("al-Nusra"), abbreviations ("U.S.", "Gen.") and URLs whole. It also marks
// quotation marks as opening or closing and the tokens between them.
// Immutable; Tokenize() is thread-safe.
#ifndef PALMYRA_TEXT_TOKENIZER_H_
#define PALMYRA_TEXT_TOKENIZER_H_

#include "core/analysis.h"
#include "text/text_rules.h"

namespace palmyra {

class Tokenizer {
 public:
  explicit Tokenizer(const TextRules* rules) : rules_(rules) {}

  // Reads analysis->norm and analysis->offsets; fills analysis->tokens and
  // analysis->keys (both cleared first).
  void Tokenize(Analysis* analysis) const;

 private:
  const TextRules* rules_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_TOKENIZER_H_
