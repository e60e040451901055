// NumberReader: reads numbers written in digits or words from tokens: "12",
// "1,200", "3.5", "3.5 million", "twelve", "thirty-five", "two hundred and
// fifty", "a dozen". The words are read from data/resolve/numbers.txt.
// Immutable after Load(); thread-safe.
#ifndef PALMYRA_RESOLVE_NUMBERS_H_
#define PALMYRA_RESOLVE_NUMBERS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/string_table.h"
#include "palmyra/status.h"

namespace palmyra {

class NumberReader {
 public:
  static Result<std::unique_ptr<NumberReader>> Load(const std::string& data_dir);

  // The number that starts at token `begin` and ends before `limit`; sets
  // *end to the token after it. Nothing when no number starts there.
  std::optional<double> Read(const Analysis& a, uint32_t begin, uint32_t limit,
                             uint32_t* end) const;

  // The value of one written-out number word or hyphenated compound
  // ("seven", "thirty-five"); nothing for other words and for scales.
  std::optional<double> WordValue(std::string_view lower) const;
  // The multiplier of a scale word ("million", "bn", "m"); nothing otherwise.
  std::optional<double> ScaleValue(std::string_view lower) const;

 private:
  enum class Kind : uint8_t { kUnit, kTen, kScale, kSingle };
  struct Word {
    double value = 0;
    Kind kind = Kind::kUnit;
  };
  NumberReader() = default;
  const Word* Find(std::string_view lower) const;

  StringTable names_;        // number words
  std::vector<Word> words_;  // by id in names_
};

// The value of a token written in digits: "12", "1,200", "3.5", "2011";
// nothing for anything else ("12th", "14/03", "3-0").
std::optional<double> DigitValue(std::string_view form);

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_NUMBERS_H_
