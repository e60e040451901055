// TextRules: the vocabulary the text stage needs, loaded from data/text/:
// abbreviations, sentence starters and calendar words. Immutable after Load();
// safe to share between threads.
#ifndef PALMYRA_TEXT_TEXT_RULES_H_
#define PALMYRA_TEXT_TEXT_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_table.h"
#include "palmyra/status.h"

namespace palmyra {

enum class AbbreviationClass : uint8_t { kNone, kTitle, kOther };

class TextRules {
 public:
  static Result<std::unique_ptr<TextRules>> Load(const std::string& data_dir);

  // `lower` is the lower-cased word with its final period ("gen.").
  AbbreviationClass Abbreviation(std::string_view lower) const;
  bool IsSentenceStarter(std::string_view lower) const {
    return starters_.Find(lower) != StringTable::kNotFound;
  }
  // 1-12 for a month name or abbreviation (with or without its period), else 0.
  int Month(std::string_view lower) const;
  // 1 (Monday) - 7 for a weekday name or abbreviation, else 0.
  int Weekday(std::string_view lower) const;

 private:
  TextRules() = default;
  StringTable abbreviations_;
  std::vector<AbbreviationClass> abbreviation_class_;
  StringTable starters_;
  StringTable months_;
  std::vector<int> month_number_;
  StringTable weekdays_;
  std::vector<int> weekday_number_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_TEXT_RULES_H_
