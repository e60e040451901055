#include "resolve/date_finder.h"

#include <algorithm>
#include <cstdlib>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

// Words before a bare month or year that make it a date: "in March", "since
// 2011", "early 2015".
bool IsDatePreposition(std::string_view key) {
  static constexpr std::string_view kWords[] = {
      "in",     "since", "until", "till", "by",     "during",  "from",    "of",
      "early",  "late",  "mid",   "mid-", "before", "after",   "through", "throughout",
      "around", "last",  "this",  "next", "to",     "between", "and"};
  return std::find(std::begin(kWords), std::end(kWords), key) != std::end(kWords);
}

int UnitWord(std::string_view key, DatePrecision* unit) {
  if (key == "day" || key == "days") {
    *unit = DatePrecision::kDay;
  } else if (key == "week" || key == "weeks") {
    *unit = DatePrecision::kWeek;
  } else if (key == "month" || key == "months") {
    *unit = DatePrecision::kMonth;
  } else if (key == "year" || key == "years") {
    *unit = DatePrecision::kYear;
  } else {
    return 0;
  }
  return 1;
}

Date Monday(const Date& d) { return d.AddDays(-d.Weekday()); }

Date AddMonths(const Date& d, int months) {
  int index = d.year * 12 + (d.month - 1) + months;
  return Date{index / 12, index % 12 + 1, 1};
}

}  // namespace

Result<std::unique_ptr<DateFinder>> DateFinder::Load(const std::string& data_dir,
                                                     const NumberReader* numbers) {
  std::unique_ptr<DateFinder> finder(new DateFinder());
  finder->numbers_ = numbers;
  ASSIGN_OR_RETURN(finder->calendar_, TextRules::Load(data_dir));
  RETURN_IF_ERROR(ForEachDataLine(data_dir + "/resolve/dates.txt", [&](std::string_view line, int) {
    const auto fields = SplitWhitespace(line);
    if (fields.size() != 3) return DataError("expected 'WORDS OFFSET UNIT'");
    Phrase p;
    for (std::string_view w : Split(fields[0], '_')) {
      if (!w.empty()) p.words.push_back(AsciiLowercase(w));
    }
    if (fields[1] == "recent") {
      p.recent = true;
    } else {
      char* end = nullptr;
      const std::string offset(fields[1]);
      p.offset = static_cast<int>(std::strtol(offset.c_str(), &end, 10));
      if (end == offset.c_str() || *end != '\0')
        return DataError("the offset must be a number or 'recent'");
    }
    if (!UnitWord(fields[2], &p.unit) || fields[2].back() == 's') {
      return DataError("the unit must be day, week, month or year");
    }
    if (p.words.empty()) return DataError("no words");
    finder->phrases_.push_back(std::move(p));
    return Status::Ok();
  }));
  std::stable_sort(
      finder->phrases_.begin(), finder->phrases_.end(),
      [](const Phrase& x, const Phrase& y) { return x.words.size() > y.words.size(); });
  for (const Phrase& p : finder->phrases_) finder->first_words_.Add(p.words[0]);
  return finder;
}

int DateFinder::MonthAt(const Analysis& a, uint32_t t) const {
  const Token& tok = a.tokens[t];
  if (!(tok.flags & kTokCapitalized)) return 0;  // "march", "may" are verbs
  return calendar_->Month(a.Key(t));
}

int DateFinder::DayAt(const Analysis& a, uint32_t t) {
  std::string_view form = a.Form(t);
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (form.size() > 2 && EndsWith(form, suffix)) form.remove_suffix(2);
  }
  if (form.empty() || form.size() > 2) return 0;
  int day = 0;
  for (char c : form) {
    if (c < '0' || c > '9') return 0;
    day = day * 10 + (c - '0');
  }
  return day >= 1 && day <= 31 ? day : 0;
}

int DateFinder::YearAt(const Analysis& a, uint32_t t) {
  const std::string_view form = a.Form(t);
  if (form.size() != 4) return 0;
  int year = 0;
  for (char c : form) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year >= 1900 && year <= 2099 ? year : 0;
}

bool DateFinder::RelativeAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const {
  if (first_words_.Find(a.Key(t)) == StringTable::kNotFound) return false;
  for (const Phrase& p : phrases_) {
    if (t + p.words.size() > end) continue;
    bool match = true;
    for (size_t k = 0; k < p.words.size() && match; ++k) match = a.Key(t + k) == p.words[k];
    if (!match) continue;
    m->begin = t;
    m->end = t + static_cast<uint32_t>(p.words.size());
    m->kind = p.recent ? DateMention::Kind::kRecent : DateMention::Kind::kRelative;
    m->offset = p.offset;
    m->unit = p.unit;
    return true;
  }
  return false;
}

bool DateFinder::AgoAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const {
  // "two weeks ago", "3 days ago", "a year ago".
  uint32_t after = t;
  const std::optional<double> n = numbers_->Read(a, t, end, &after);
  if (!n || *n < 1 || *n > 1000 || *n != static_cast<int>(*n) || after + 1 >= end) return false;
  DatePrecision unit;
  if (!UnitWord(a.Key(after), &unit) || a.Key(after + 1) != "ago") return false;
  m->begin = t;
  m->end = after + 2;
  m->kind = DateMention::Kind::kRelative;
  m->offset = -static_cast<int>(*n);
  m->unit = unit;
  return true;
}

bool DateFinder::CalendarAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const {
  const std::string_view form = a.Form(t);
  m->kind = DateMention::Kind::kCalendar;
  m->begin = t;
  // 2016-03-14
  if (const std::optional<Date> iso = Date::Parse(form); iso && form.size() == 10) {
    m->year = iso->year, m->month = iso->month, m->day = iso->day;
    m->end = t + 1;
    m->unit = DatePrecision::kDay;
    return true;
  }
  // 14/03/2016: day first, unless only the other reading is possible.
  if (const size_t s1 = form.find('/');
      s1 != std::string_view::npos && (a.tokens[t].flags & kTokHasDigit)) {
    const size_t s2 = form.find('/', s1 + 1);
    if (s2 != std::string_view::npos) {
      int parts[3] = {0, 0, 0};
      const std::string_view pieces[3] = {form.substr(0, s1), form.substr(s1 + 1, s2 - s1 - 1),
                                          form.substr(s2 + 1)};
      bool ok = true;
      for (int k = 0; k < 3 && ok; ++k) {
        if (pieces[k].empty() || pieces[k].size() > (k == 2 ? 4u : 2u)) ok = false;
        for (char c : pieces[k]) ok = ok && c >= '0' && c <= '9';
        if (ok) parts[k] = std::atoi(std::string(pieces[k]).c_str());
      }
      if (ok && (pieces[2].size() == 2 || pieces[2].size() == 4)) {
        int year = parts[2];
        if (pieces[2].size() == 2) year += year < 50 ? 2000 : 1900;
        int day = parts[0], month = parts[1];
        if (month > 12 && day <= 12) std::swap(day, month);  // 03/14/2016
        if (Date::IsValid(year, month, day)) {
          m->year = year, m->month = month, m->day = day;
          m->end = t + 1;
          m->unit = DatePrecision::kDay;
          return true;
        }
      }
    }
  }
  // A day and month ending at token `last`, with the year after it if any.
  auto day_and_month = [&](int day, int month, uint32_t last) {
    m->day = day, m->month = month, m->year = 0;
    m->end = last + 1;
    m->unit = DatePrecision::kDay;
    uint32_t y = last + 1;
    if (y < end && a.Key(y) == ",") ++y;
    if (y < end && YearAt(a, y)) {
      m->year = YearAt(a, y);
      m->end = y + 1;
    }
    return true;
  };
  // 14 March [2016], 14th of March
  if (const int day = DayAt(a, t); day > 0 && t + 1 < end) {
    uint32_t u = t + 1;
    if (a.Key(u) == "of" && u + 1 < end) ++u;
    if (const int month = MonthAt(a, u)) return day_and_month(day, month, u);
  }
  // March 14[, 2016]; March 2016; (in) March
  if (const int month = MonthAt(a, t)) {
    uint32_t u = t + 1;
    if (u < end && DayAt(a, u) && !YearAt(a, u)) return day_and_month(DayAt(a, u), month, u);
    if (u < end && a.Key(u) == "of" && u + 1 < end && YearAt(a, u + 1)) ++u;
    if (u < end && YearAt(a, u)) {
      m->month = month, m->year = YearAt(a, u), m->day = 0;
      m->end = u + 1;
      m->unit = DatePrecision::kMonth;
      return true;
    }
    // A month alone must follow a word that makes it one: "in May", not "May".
    if (t > 0 && IsDatePreposition(a.Key(t - 1)) && calendar_->Month(a.Key(t - 1)) == 0) {
      m->month = month, m->year = 0, m->day = 0;
      m->end = t + 1;
      m->unit = DatePrecision::kMonth;
      return true;
    }
    return false;
  }
  // in 2011, since 2014
  if (const int year = YearAt(a, t); year > 0 && t > 0 && IsDatePreposition(a.Key(t - 1))) {
    // "in 2011 people fled" is rare; "in 2,011 cases" is not a year (no comma here).
    m->year = year, m->month = 0, m->day = 0;
    m->end = t + 1;
    m->unit = DatePrecision::kYear;
    return true;
  }
  return false;
}

bool DateFinder::WeekdayAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const {
  if (!(a.tokens[t].flags & kTokCapitalized)) return false;
  const std::string_view key = a.Key(t);
  const int weekday = calendar_->Weekday(key);
  if (weekday == 0) return false;
  // Abbreviations only with their period ("Sun" is a newspaper).
  if (key.size() <= 4 && !(a.tokens[t].flags & kTokAbbreviation) && key != "tues" &&
      key != "thur" && key != "thurs") {
    return false;
  }
  m->kind = DateMention::Kind::kWeekday;
  m->begin = t;
  m->end = t + 1;
  m->weekday = weekday;
  m->direction = 0;
  m->unit = DatePrecision::kDay;
  if (t > 0) {
    const std::string_view before = a.Key(t - 1);
    if (before == "last" || before == "past") m->direction = -1, m->begin = t - 1;
    if (before == "next" || before == "coming") m->direction = +1, m->begin = t - 1;
  }
  // "Monday, 14 March": the calendar date says more.
  uint32_t u = t + 1;
  if (u < end && a.Key(u) == ",") ++u;
  DateMention calendar;
  if (u < end && CalendarAt(a, u, end, &calendar) && calendar.day > 0) {
    calendar.begin = m->begin;
    *m = calendar;
  }
  return true;
}

void DateFinder::Find(const Analysis& a, uint32_t begin, uint32_t end,
                      std::vector<DateMention>* out) const {
  for (uint32_t t = begin; t < end;) {
    // Dates start with a digit, a capital ("March", "Monday") or a word of
    // the relative phrases or numbers; most tokens are none of these.
    const uint16_t flags = a.tokens[t].flags;
    const bool may_start = (flags & (kTokHasDigit | kTokCapitalized)) ||
                           first_words_.Find(a.Key(t)) != StringTable::kNotFound ||
                           numbers_->WordValue(a.Key(t)) || a.Key(t) == "a";
    DateMention m;
    if (may_start && (RelativeAt(a, t, end, &m) || AgoAt(a, t, end, &m) ||
                      WeekdayAt(a, t, end, &m) || CalendarAt(a, t, end, &m))) {
      out->push_back(m);
      t = m.end;
    } else {
      ++t;
    }
  }
}

Date DateFinder::PeriodEnd(const EventDate& date) {
  switch (date.precision) {
    case DatePrecision::kDay:
      return date.value;
    case DatePrecision::kWeek:
      return date.value.AddDays(6);
    case DatePrecision::kMonth:
      return Date{date.value.year, date.value.month,
                  Date::DaysInMonth(date.value.year, date.value.month)};
    case DatePrecision::kYear:
      return Date{date.value.year, 12, 31};
  }
  return date.value;
}

std::optional<EventDate> DateFinder::Resolve(const DateMention& m,
                                             const std::optional<Date>& reference, bool future) {
  EventDate out;
  switch (m.kind) {
    case DateMention::Kind::kCalendar: {
      if (m.year > 0) {
        out.precision = m.day > 0     ? DatePrecision::kDay
                        : m.month > 0 ? DatePrecision::kMonth
                                      : DatePrecision::kYear;
        const int month = m.month > 0 ? m.month : 1, day = m.day > 0 ? m.day : 1;
        if (!Date::IsValid(m.year, month, day)) return std::nullopt;
        out.value = Date{m.year, month, day};
        break;
      }
      // No year: the one that puts the date nearest the publication date,
      // before it in the past tense and after it in the future tense when
      // one such year is near ("on Sept. 12" in March is last September).
      if (!reference) return std::nullopt;
      out.precision = m.day > 0 ? DatePrecision::kDay : DatePrecision::kMonth;
      bool found = false;
      int64_t best = 0;
      for (int year = reference->year - 1; year <= reference->year + 1; ++year) {
        const int first_day = m.day > 0 ? m.day : 1;
        if (!Date::IsValid(year, m.month, first_day)) continue;
        const Date first{year, m.month, first_day};
        const Date last = m.day > 0 ? first : Date{year, m.month, Date::DaysInMonth(year, m.month)};
        const bool fits = future ? !(last < *reference) : !(*reference < first);
        const int64_t distance =
            future ? first.ToDays() - reference->ToDays() : reference->ToDays() - last.ToDays();
        if (fits && distance <= 366 && (!found || distance < best)) {
          found = true;
          best = distance;
          out.value = first;
        }
      }
      if (found) break;
      for (int year = reference->year - 1; year <= reference->year + 1; ++year) {
        const int day = m.day > 0 ? m.day : 1;
        if (!Date::IsValid(year, m.month, day)) continue;
        const Date candidate{year, m.month, day};
        // A month is as near as its nearest day.
        const Date last =
            m.day > 0 ? candidate : Date{year, m.month, Date::DaysInMonth(year, m.month)};
        int64_t distance = 0;
        if (*reference < candidate) {
          distance = candidate.ToDays() - reference->ToDays();
        } else if (last < *reference) {
          distance = reference->ToDays() - last.ToDays();
        }
        if (!found || distance < best) {
          found = true;
          best = distance;
          out.value = candidate;
        }
      }
      if (!found) return std::nullopt;
      break;
    }
    case DateMention::Kind::kWeekday: {
      if (!reference) return std::nullopt;
      const int target = m.weekday - 1, today = reference->Weekday();
      const bool forward = m.direction > 0 || (m.direction == 0 && future);
      if (forward) {
        int ahead = (target - today + 7) % 7;
        if (ahead == 0) ahead = 7;
        out.value = reference->AddDays(ahead);
      } else {
        int back = (today - target + 7) % 7;
        if (back == 0 && m.direction < 0) back = 7;  // "last Thursday", said on a Thursday
        out.value = reference->AddDays(-back);
      }
      out.precision = DatePrecision::kDay;
      break;
    }
    case DateMention::Kind::kRelative: {
      if (!reference) return std::nullopt;
      out.precision = m.unit;
      switch (m.unit) {
        case DatePrecision::kDay:
          out.value = reference->AddDays(m.offset);
          break;
        case DatePrecision::kWeek:
          out.value = Monday(reference->AddDays(7 * static_cast<int64_t>(m.offset)));
          break;
        case DatePrecision::kMonth:
          out.value = AddMonths(*reference, m.offset);
          break;
        case DatePrecision::kYear:
          out.value = Date{reference->year + m.offset, 1, 1};
          break;
      }
      break;
    }
    case DateMention::Kind::kRecent: {
      if (!reference) return std::nullopt;
      out.precision =
          m.unit == DatePrecision::kMonth ? DatePrecision::kMonth : DatePrecision::kWeek;
      out.value = reference->AddDays(out.precision == DatePrecision::kMonth ? -29 : -6);
      break;
    }
  }
  if (reference) out.historical = reference->ToDays() - PeriodEnd(out).ToDays() > 366;
  return out;
}

}  // namespace palmyra
