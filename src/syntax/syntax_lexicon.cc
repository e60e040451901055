#include "syntax/syntax_lexicon.h"

#include <utility>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {

Result<std::unique_ptr<SyntaxLexicon>> SyntaxLexicon::Load(const std::string& data_dir) {
  static constexpr std::pair<std::string_view, WordRole> kClasses[] = {
      {"speech", WordRole::kSpeech},
      {"future", WordRole::kFuture},
      {"hypothetical", WordRole::kHypothetical},
      {"negation", WordRole::kNegation},
      {"object-control", WordRole::kObjectControl},
      {"future-governor", WordRole::kFutureGovernor},
      {"denial", WordRole::kDenial},
      {"conditional", WordRole::kConditional},
      {"subordinator", WordRole::kSubordinator},
      {"relative", WordRole::kRelative},
      {"passive-aux", WordRole::kPassiveAux},
      {"copula", WordRole::kCopula},
      {"according", WordRole::kAccording},
      {"time", WordRole::kTime},
      {"negative-governor", WordRole::kNegativeGovernor},
      {"hypothetical-governor", WordRole::kHypotheticalGovernor},
      {"quantity", WordRole::kQuantity},
      {"obligation", WordRole::kObligation},
      {"allegation", WordRole::kAllegation},
      {"reason", WordRole::kReason},
      {"time-modifier", WordRole::kTimeModifier},
      {"future-in-past", WordRole::kFutureInPast},
      {"definite", WordRole::kDefinite},
      {"someone", WordRole::kSomeone},
      {"hypothetical-noun", WordRole::kHypotheticalNoun},
      {"negative-noun", WordRole::kNegativeNoun},
      {"future-noun", WordRole::kFutureNoun},
      {"general-verb", WordRole::kGeneralVerb},
      {"part-of", WordRole::kPartOf},
      {"question", WordRole::kQuestion},
      {"attempt", WordRole::kAttempt},
      {"hazard", WordRole::kHazard},
      {"hazard-after-article", WordRole::kHazardAfterArticle},
      {"hazard-verb", WordRole::kHazardVerb},
      {"attack-word", WordRole::kAttackWord},
      {"stative-passive", WordRole::kStativePassive},
      {"aim-verb", WordRole::kAimVerb},
      {"object-complement", WordRole::kObjectComplement},
      {"blame", WordRole::kBlame},
      {"harm", WordRole::kHarm},
      {"side-noun", WordRole::kSideNoun},
      {"ultimatum", WordRole::kUltimatum},
      {"operation-name", WordRole::kOperationName},
      {"sport", WordRole::kSport},
  };
  std::unique_ptr<SyntaxLexicon> lexicon(new SyntaxLexicon());
  RETURN_IF_ERROR(ForEachDataLine(data_dir + "/syntax/words.txt", [&](std::string_view line, int) {
    const auto fields = SplitWhitespace(line);
    uint64_t role = 0;
    for (const auto& [name, value] : kClasses) {
      if (fields[0] == name) role = static_cast<uint64_t>(value);
    }
    if (role == 0) return DataError("unknown word class '" + std::string(fields[0]) + "'");
    for (size_t i = 1; i < fields.size(); ++i) {
      const int32_t id = lexicon->words_.Add(fields[i]);
      if (id >= static_cast<int32_t>(lexicon->roles_.size())) lexicon->roles_.resize(id + 1, 0);
      lexicon->roles_[id] |= role;
    }
    return Status::Ok();
  }));
  return lexicon;
}

}  // namespace palmyra
