// A calendar date in the proleptic Gregorian calendar, with the arithmetic the
// coder needs (days between dates, weekday, adding days) and the YYYY-MM-DD
// text form used in input and output. A plain value type; thread-safe.
#ifndef PALMYRA_DATE_H_
#define PALMYRA_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace palmyra {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (negative before it).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);

  // 0 = Monday ... 6 = Sunday.
  int Weekday() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }

  // "2016-03-17".
  std::string ToString() const;
  // Compact number used by dictionary date ranges: 20160317.
  int ToYmd() const { return year * 10000 + month * 100 + day; }

  // Accepts "YYYY-MM-DD", optionally followed by a time ("2016-03-17T08:00:00Z"
  // or " 08:00"). Returns nothing for anything else or an impossible date.
  static std::optional<Date> Parse(std::string_view text);

  static bool IsValid(int year, int month, int day);
  static int DaysInMonth(int year, int month);

  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace palmyra

#endif  // PALMYRA_DATE_H_
