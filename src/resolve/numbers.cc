#include "resolve/numbers.h"

#include <cstdlib>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {

std::optional<double> DigitValue(std::string_view form) {
  // \d+(\.\d+)? or \d{1,3}(,\d{3})+(\.\d+)?
  if (form.empty() || form.size() > 24) return std::nullopt;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  while (i < form.size() && is_digit(form[i])) ++i;
  const size_t lead = i;
  if (lead == 0) return std::nullopt;
  std::string plain(form.substr(0, lead));
  if (i < form.size() && form[i] == ',') {
    if (lead > 3) return std::nullopt;
    while (i < form.size() && form[i] == ',') {
      for (size_t k = 1; k <= 3; ++k) {
        if (i + k >= form.size() || !is_digit(form[i + k])) return std::nullopt;
      }
      plain.append(form.substr(i + 1, 3));
      i += 4;
    }
    if (i < form.size() && is_digit(form[i])) return std::nullopt;
  }
  if (i < form.size() && form[i] == '.') {
    const size_t point = i++;
    while (i < form.size() && is_digit(form[i])) ++i;
    if (i == point + 1) return std::nullopt;
    plain.append(form.substr(point, i - point));
  }
  if (i != form.size()) return std::nullopt;
  return std::strtod(plain.c_str(), nullptr);
}

Result<std::unique_ptr<NumberReader>> NumberReader::Load(const std::string& data_dir) {
  std::unique_ptr<NumberReader> reader(new NumberReader());
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/resolve/numbers.txt", [&](std::string_view line, int) {
        const auto fields = SplitWhitespace(line);
        if (fields.size() != 3) return DataError("expected 'WORD VALUE KIND'");
        const std::optional<double> value = DigitValue(fields[1]);
        if (!value) return DataError("the value must be written in digits");
        Word w;
        w.value = *value;
        if (fields[2] == "unit") {
          w.kind = Kind::kUnit;
        } else if (fields[2] == "ten") {
          w.kind = Kind::kTen;
        } else if (fields[2] == "scale") {
          w.kind = Kind::kScale;
        } else if (fields[2] == "single") {
          w.kind = Kind::kSingle;
        } else {
          return DataError("the kind must be unit, ten, scale or single");
        }
        const int32_t id = reader->names_.Add(AsciiLowercase(fields[0]));
        if (id >= static_cast<int32_t>(reader->words_.size())) reader->words_.resize(id + 1);
        reader->words_[id] = w;
        return Status::Ok();
      }));
  return reader;
}

const NumberReader::Word* NumberReader::Find(std::string_view lower) const {
  const int32_t id = names_.Find(lower);
  return id == StringTable::kNotFound ? nullptr : &words_[id];
}

std::optional<double> NumberReader::ScaleValue(std::string_view lower) const {
  const Word* w = Find(lower);
  if (w == nullptr || w->kind != Kind::kScale) return std::nullopt;
  return w->value;
}

std::optional<double> NumberReader::WordValue(std::string_view lower) const {
  // "thirty-five": a ten and a unit.
  const size_t dash = lower.find('-');
  if (dash != std::string_view::npos) {
    const Word* ten = Find(lower.substr(0, dash));
    const Word* unit = Find(lower.substr(dash + 1));
    if (ten == nullptr || unit == nullptr || ten->kind != Kind::kTen || unit->kind != Kind::kUnit ||
        unit->value >= 10) {
      return std::nullopt;
    }
    return ten->value + unit->value;
  }
  const Word* w = Find(lower);
  if (w == nullptr || w->kind == Kind::kScale || w->kind == Kind::kSingle) return std::nullopt;
  return w->value;
}

std::optional<double> NumberReader::Read(const Analysis& a, uint32_t begin, uint32_t limit,
                                         uint32_t* end) const {
  if (begin >= limit) return std::nullopt;
  // What the last word was decides what may follow: "thirty five" and
  // "two hundred fifty" are one number, "five six" and "12 three" are not.
  enum class Last { kNone, kUnit, kTen, kScale };
  Last last = Last::kNone;
  uint32_t t = begin;
  double total = 0, current = 0;
  if (const std::optional<double> digits = DigitValue(a.Form(t))) {
    current = *digits;  // "3.5 million", "200"
    last = Last::kUnit;
    ++t;
  } else if (const Word* single = Find(a.Key(t));
             single != nullptr && single->kind == Kind::kSingle) {
    // "a dozen", "a hundred", "a couple", "dozen", "a".
    const Word* next = t + 1 < limit ? Find(a.Key(t + 1)) : nullptr;
    if (single->value == 1 && next != nullptr &&
        (next->kind == Kind::kSingle || next->kind == Kind::kScale)) {
      current = next->value;
      t += 2;
    } else {
      current = single->value;
      ++t;
    }
    last = Last::kUnit;
  }
  while (t < limit) {
    const std::string_view key = a.Key(t);
    if (key == "and" && last == Last::kScale && t + 1 < limit && WordValue(a.Key(t + 1))) {
      ++t;  // "two hundred and fifty"
      continue;
    }
    const Word* w = Find(key);
    if (w != nullptr && w->kind == Kind::kScale) {
      if (last == Last::kNone) break;
      if (w->value == 100) {
        current *= 100;
      } else {
        total += current * w->value;
        current = 0;
      }
      last = Last::kScale;
      ++t;
      continue;
    }
    const std::optional<double> word = WordValue(key);
    if (!word) break;
    const bool ten = w != nullptr && w->kind == Kind::kTen;
    if (last == Last::kUnit || (last == Last::kTen && (ten || *word >= 10))) break;
    current += *word;
    last = ten ? Last::kTen : Last::kUnit;
    ++t;
  }
  if (last == Last::kNone) return std::nullopt;
  *end = t;
  return total + current;
}

}  // namespace palmyra
