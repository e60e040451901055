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

enum class WordRole : uint64_t {
  kSpeech = uint64_t{1} << 0,
  kFuture = uint64_t{1} << 1,
  kHypothetical = uint64_t{1} << 2,
  kNegation = uint64_t{1} << 3,
  kObjectControl = uint64_t{1} << 4,
  kFutureGovernor = uint64_t{1} << 5,
  kDenial = uint64_t{1} << 6,
  kConditional = uint64_t{1} << 7,
  kSubordinator = uint64_t{1} << 8,
  kRelative = uint64_t{1} << 9,
  kPassiveAux = uint64_t{1} << 10,
  kCopula = uint64_t{1} << 11,
  kAccording = uint64_t{1} << 12,
  kTime = uint64_t{1} << 13,
  kNegativeGovernor = uint64_t{1} << 14,
  kHypotheticalGovernor = uint64_t{1} << 15,
  kQuantity = uint64_t{1} << 16,
  kObligation = uint64_t{1} << 17,
  kAllegation = uint64_t{1} << 18,
  kReason = uint64_t{1} << 19,
  kTimeModifier = uint64_t{1} << 20,
  kFutureInPast = uint64_t{1} << 21,
  kDefinite = uint64_t{1} << 22,
  kSomeone = uint64_t{1} << 23,
  kHypotheticalNoun = uint64_t{1} << 24,
  kNegativeNoun = uint64_t{1} << 25,
  kFutureNoun = uint64_t{1} << 26,
  kGeneralVerb = uint64_t{1} << 27,
  kPartOf = uint64_t{1} << 28,
  kQuestion = uint64_t{1} << 29,
  kAttempt = uint64_t{1} << 30,
  kHazard = uint64_t{1} << 31,
  kHazardAfterArticle = uint64_t{1} << 32,
  kAttackWord = uint64_t{1} << 33,
  kHazardVerb = uint64_t{1} << 34,
  kStativePassive = uint64_t{1} << 35,
  kAimVerb = uint64_t{1} << 36,
  kObjectComplement = uint64_t{1} << 37,
  kBlame = uint64_t{1} << 38,
  kHarm = uint64_t{1} << 39,
  kSideNoun = uint64_t{1} << 40,
  kUltimatum = uint64_t{1} << 41,
  kOperationName = uint64_t{1} << 42,
  kSport = uint64_t{1} << 43,
};

class SyntaxLexicon {
 public:
  static Result<std::unique_ptr<SyntaxLexicon>> Load(const std::string& data_dir);

  bool Is(std::string_view lemma, WordRole role) const {
    return RolesOf(lemma) & static_cast<uint64_t>(role);
  }
  // All of a word's roles (WordRole bits) in one lookup.
  uint64_t RolesOf(std::string_view lemma) const {
    const int32_t id = words_.Find(lemma);
    return id != StringTable::kNotFound ? roles_[id] : 0;
  }

 private:
  SyntaxLexicon() = default;
  StringTable words_;
  std::vector<uint64_t> roles_;
};

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_SYNTAX_LEXICON_H_
