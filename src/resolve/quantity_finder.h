// QuantityFinder: finds the numbers an article gives about events and what
// they count: casualties ("12 people were killed", "killing six soldiers",
// "20 wounded", "a Russian adviser who was killed" counts 1, "the death toll
// rose to 30"), counts of actions ("hundreds of airstrikes") and money
// ("$2.5 billion", "33bn roubles"), with bounds ("at least 12", "between 10
// and 15", "dozens"). Words are read from data/resolve/quantities.txt.
// Immutable after Load(); thread-safe.
#ifndef PALMYRA_RESOLVE_QUANTITY_FINDER_H_
#define PALMYRA_RESOLVE_QUANTITY_FINDER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/string_table.h"
#include "palmyra/status.h"
#include "resolve/numbers.h"

namespace palmyra {

// A quantity found in a sentence, and what it is tied to.
struct QuantityMention {
  Quantity quantity;            // kind, value, low, high, unit, text
  uint32_t begin = 0, end = 0;  // tokens of the amount
  int32_t verb_group = -1;      // the casualty verb it counts for, or -1
  int32_t counted = -1;         // token of the counted noun ("airstrikes"), or -1
};

class QuantityFinder {
 public:
  static Result<std::unique_ptr<QuantityFinder>> Load(const std::string& data_dir,
                                                      const NumberReader* numbers);

  // Appends the quantities of sentence `s` to *out. Tokens inside date
  // expressions (a->dates) are not amounts.
  void Find(const Analysis& a, uint32_t s, std::vector<QuantityMention>* out) const;

  // An amount at token t: a number with its bounds ("at least 12", "between
  // 10 and 15", "dozens of", "3.5 million"); sets *end past it.
  std::optional<Quantity> AmountAt(const Analysis& a, uint32_t t, uint32_t limit,
                                   uint32_t* end) const;

  // The casualty kind of a lemma ("kill" -> "killed"), or "".
  std::string_view CasualtyKind(std::string_view lemma) const;
  // The casualty kind of a verb group: its verb's, or that of an adjective
  // right after it ("shot dead"); "" when none.
  std::string_view GroupKind(const Analysis& a, const VerbGroup& v) const;

 private:
  struct Vague {
    std::vector<std::string> words;
    double value = 0, high = 0;
  };
  struct Bound {
    std::vector<std::string> words;
    char side = 'a';  // 'l' low, 'h' high, 'a' about
  };
  QuantityFinder() = default;
  // Length of `words` matched at token t, else 0.
  static uint32_t MatchWords(const Analysis& a, uint32_t t, uint32_t limit,
                             const std::vector<std::string>& words);
  // A number at t, with a scale glued to it ("33bn", "336m"); sets *end.
  std::optional<double> NumberAt(const Analysis& a, uint32_t t, uint32_t limit,
                                 uint32_t* end) const;
  // The ISO code of the currency token t names, or "".
  std::string_view CurrencyAt(const Analysis& a, uint32_t t) const;

  const NumberReader* numbers_ = nullptr;
  StringTable casualty_words_;
  std::vector<std::string> casualty_kind_;  // by id in casualty_words_
  std::vector<Vague> vague_;                // longest first
  std::vector<Bound> bounds_;               // longest first
  StringTable starters_;                    // first words of vague amounts and bounds
  StringTable currency_forms_;
  std::vector<std::string> currency_code_;  // by id in currency_forms_
};

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_QUANTITY_FINDER_H_
