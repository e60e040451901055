// DateFinder: finds date expressions in a sentence ("14 March 2016", "March
// 14", "14/03/2016", "2016-03-14", "Monday, 14 March", "on Thursday", "last
// week", "two weeks ago", "in 2011") and resolves them against the
// publication date. Month and weekday names come from data/text/calendar.txt,
// relative expressions from data/resolve/dates.txt. Immutable after Load();
// thread-safe.
#ifndef PALMYRA_RESOLVE_DATE_FINDER_H_
#define PALMYRA_RESOLVE_DATE_FINDER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "palmyra/status.h"
#include "resolve/numbers.h"
#include "text/text_rules.h"

namespace palmyra {

class DateFinder {
 public:
  static Result<std::unique_ptr<DateFinder>> Load(const std::string& data_dir,
                                                  const NumberReader* numbers);

  // Appends the date expressions in tokens [begin, end) to *out, in order.
  void Find(const Analysis& a, uint32_t begin, uint32_t end, std::vector<DateMention>* out) const;

  // The date that `m` names. `reference` is the publication date; `future`
  // says the clause is in the future tense (for weekdays: "will meet on
  // Thursday" is the next Thursday, "met on Thursday" the last). Nothing when
  // the date needs a reference there is not, or is impossible ("31 June").
  static std::optional<EventDate> Resolve(const DateMention& m,
                                          const std::optional<Date>& reference, bool future);

  // The last day of the period a resolved date stands for.
  static Date PeriodEnd(const EventDate& date);

 private:
  struct Phrase {
    std::vector<std::string> words;
    int offset = 0;
    bool recent = false;
    DatePrecision unit = DatePrecision::kDay;
  };
  DateFinder() = default;
  // The match at token t, if any; sets *m (begin, end and what it says).
  bool RelativeAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const;
  bool AgoAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const;
  bool CalendarAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const;
  bool WeekdayAt(const Analysis& a, uint32_t t, uint32_t end, DateMention* m) const;
  // 1-12 when token t names a month ("March", "Sept.", "Jan"), else 0.
  int MonthAt(const Analysis& a, uint32_t t) const;
  // 1-31 when token t is a day of the month ("14", "14th"), else 0.
  static int DayAt(const Analysis& a, uint32_t t);
  // A year when token t is one (1900-2099), else 0.
  static int YearAt(const Analysis& a, uint32_t t);

  std::unique_ptr<TextRules> calendar_;
  const NumberReader* numbers_ = nullptr;
  std::vector<Phrase> phrases_;  // longest first
  StringTable first_words_;      // the first words of phrases_ (a quick test)
};

}  // namespace palmyra

#endif  // PALMYRA_RESOLVE_DATE_FINDER_H_
