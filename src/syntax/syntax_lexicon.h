// SyntaxLexicon: the word classes the syntax stage relies on (speech verbs,
// modals, negation, subordinators, ...), loaded from data/syntax/words.txt.
// Immutable after Load(); thread-safe.
#ifndef PALMYRA_SYNTAX_SYNTAX_LEXICON_H_
#define PALMYRA_SYNTAX_SYNTAX_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_table.h"
#include "palmyra/status.h"

namespace palmyra {

enum class WordRole : uint32_t {
  kSpeech = 1 << 0,
  kFuture = 1 << 1,
  kHypothetical = 1 << 2,
  kNegation = 1 << 3,
  kObjectControl = 1 << 4,
  kFutureGovernor = 1 << 5,
  kDenial = 1 << 6,
  kConditional = 1 << 7,
  kSubordinator = 1 << 8,
  kRelative = 1 << 9,
  kPassiveAux = 1 << 10,
  kCopula = 1 << 11,
  kAccording = 1 << 12,
  kTime = 1 << 13,
  kNegativeGovernor = 1 << 14,
  kHypotheticalGovernor = 1 << 15,
  kQuantity = 1 << 16,
  kObligation = 1 << 17,
  kAllegation = 1 << 18,
  kReason = 1 << 19,
  kTimeModifier = 1 << 20,
  kFutureInPast = 1 << 21,
  kDefinite = 1 << 22,
  kSomeone = 1 << 23,
  kHypotheticalNoun = 1 << 24,
  kNegativeNoun = 1 << 25,
  kFutureNoun = 1 << 26,
  kGeneralVerb = 1 << 27,
  kPartOf = 1 << 28,
  kQuestion = 1 << 29,
  kAttempt = 1 << 30,
};

class SyntaxLexicon {
 public:
  static Result<std::unique_ptr<SyntaxLexicon>> Load(const std::string& data_dir);

  bool Is(std::string_view lemma, WordRole role) const {
    const int32_t id = words_.Find(lemma);
    return id != StringTable::kNotFound && (roles_[id] & static_cast<uint32_t>(role));
  }

 private:
  SyntaxLexicon() = default;
  StringTable words_;
  std::vector<uint32_t> roles_;
};

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_SYNTAX_LEXICON_H_
