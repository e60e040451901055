#include "text/text_rules.h"

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

std::string_view WithoutPeriod(std::string_view s) {
  return (!s.empty() && s.back() == '.') ? s.substr(0, s.size() - 1) : s;
}

}  // namespace

Result<std::unique_ptr<TextRules>> TextRules::Load(const std::string& data_dir) {
  std::unique_ptr<TextRules> rules(new TextRules());
  RETURN_IF_ERROR(ForEachDataLine(
      data_dir + "/text/abbreviations.txt", [&](std::string_view line, int) -> Status {
        const auto fields = SplitWhitespace(line);
        if (fields.size() != 2 || fields[0].back() != '.') {
          return DataError("expected an abbreviation ending in '.' and a class (title or other)");
        }
        AbbreviationClass cls;
        if (fields[1] == "title") {
          cls = AbbreviationClass::kTitle;
        } else if (fields[1] == "other") {
          cls = AbbreviationClass::kOther;
        } else {
          return DataError("unknown abbreviation class '" + std::string(fields[1]) + "'");
        }
        const int32_t id = rules->abbreviations_.Add(AsciiLowercase(fields[0]));
        if (id >= static_cast<int32_t>(rules->abbreviation_class_.size())) {
          rules->abbreviation_class_.resize(id + 1);
        }
        rules->abbreviation_class_[id] = cls;
        return Status::Ok();
      }));
  RETURN_IF_ERROR(ForEachDataLine(data_dir + "/text/sentence_starters.txt",
                                  [&](std::string_view line, int) -> Status {
                                    rules->starters_.Add(AsciiLowercase(line));
                                    return Status::Ok();
                                  }));
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/text/calendar.txt", [&](std::string_view line, int) -> Status {
        const auto fields = SplitWhitespace(line);
        const bool month = !fields.empty() && fields[0] == "month";
        const bool weekday = !fields.empty() && fields[0] == "weekday";
        const int number = fields.size() >= 3 ? ParseInt(fields[1]).value_or(0) : 0;
        if ((!month && !weekday) || number < 1 || number > (month ? 12 : 7)) {
          return DataError("expected 'month N names...' or 'weekday N names...'");
        }
        StringTable& table = month ? rules->months_ : rules->weekdays_;
        std::vector<int>& numbers = month ? rules->month_number_ : rules->weekday_number_;
        for (size_t i = 2; i < fields.size(); ++i) {
          const int32_t id = table.Add(AsciiLowercase(fields[i]));
          if (id >= static_cast<int32_t>(numbers.size())) numbers.resize(id + 1);
          numbers[id] = number;
        }
        return Status::Ok();
      }));
  return rules;
}

AbbreviationClass TextRules::Abbreviation(std::string_view lower) const {
  const int32_t id = abbreviations_.Find(lower);
  return id == StringTable::kNotFound ? AbbreviationClass::kNone : abbreviation_class_[id];
}

int TextRules::Month(std::string_view lower) const {
  const int32_t id = months_.Find(WithoutPeriod(lower));
  return id == StringTable::kNotFound ? 0 : month_number_[id];
}

int TextRules::Weekday(std::string_view lower) const {
  const int32_t id = weekdays_.Find(WithoutPeriod(lower));
  return id == StringTable::kNotFound ? 0 : weekday_number_[id];
}

}  // namespace palmyra
