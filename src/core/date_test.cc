#include "palmyra/date.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(DateTest, DaysRoundTripAndKnownValues) {
  EXPECT_EQ((Date{1970, 1, 1}.ToDays()), 0);
  EXPECT_EQ((Date{2000, 3, 1}.ToDays()), 11017);
  EXPECT_EQ((Date{1969, 12, 31}.ToDays()), -1);
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(Date::FromDays(d).ToDays(), d);
  }
}

TEST(DateTest, WeekdayOfKnownDates) {
  EXPECT_EQ((Date{2016, 3, 17}.Weekday()), 3);   // a Thursday
  EXPECT_EQ((Date{2026, 11, 25}.Weekday()), 2);  // a Wednesday
  EXPECT_EQ((Date{2000, 1, 1}.Weekday()), 5);    // a Saturday
}

TEST(DateTest, AddDaysCrossesMonthsAndLeapDays) {
  EXPECT_EQ((Date{2016, 2, 28}.AddDays(1)), (Date{2016, 2, 29}));
  EXPECT_EQ((Date{2015, 2, 28}.AddDays(1)), (Date{2015, 3, 1}));
  EXPECT_EQ((Date{2016, 3, 17}.AddDays(-7)), (Date{2016, 3, 10}));
}

TEST(DateTest, ParsesIsoDatesAndRejectsOthers) {
  EXPECT_EQ(Date::Parse("2016-03-17"), (Date{2016, 3, 17}));
  EXPECT_EQ(Date::Parse("2019-04-10T08:15:00Z"), (Date{2019, 4, 10}));
  EXPECT_EQ(Date::Parse("2019-04-10 08:15"), (Date{2019, 4, 10}));
  EXPECT_FALSE(Date::Parse("2016-02-30").has_value());
  EXPECT_FALSE(Date::Parse("17/03/2016").has_value());
  EXPECT_FALSE(Date::Parse("2016-3-17").has_value());
  EXPECT_FALSE(Date::Parse("2016-03-17x").has_value());
  EXPECT_EQ((Date{2016, 3, 7}.ToString()), "2016-03-07");
}

}  // namespace
}  // namespace palmyra
