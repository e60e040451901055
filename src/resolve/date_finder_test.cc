#include "resolve/date_finder.h"

#include <gtest/gtest.h>

#include "text/text_fixture.h"

namespace palmyra {
namespace {

class DateFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto numbers = NumberReader::Load(PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(numbers.ok()) << numbers.status().ToString();
    numbers_ = std::move(numbers).value();
    auto finder = DateFinder::Load(PALMYRA_TEST_DATA_DIR, numbers_.get());
    ASSERT_TRUE(finder.ok()) << finder.status().ToString();
    finder_ = std::move(finder).value();
  }
  // "TEXT => YYYY-MM-DD/precision" for every date expression of `text`,
  // published on `published` (Thursday 17 March 2016 unless said).
  std::vector<std::string> Dates(const std::string& text, bool future = false,
                                 const std::string& published = "2016-03-17") {
    const Analysis& a = fixture_.Run(text);
    std::vector<DateMention> found;
    finder_->Find(a, 0, static_cast<uint32_t>(a.tokens.size()), &found);
    std::vector<std::string> out;
    for (const DateMention& m : found) {
      const std::optional<EventDate> d = DateFinder::Resolve(m, Date::Parse(published), future);
      std::string s = std::string(a.OriginalText(m.begin, m.end)) + " => ";
      s += d ? d->value.ToString() + "/" + std::string(DatePrecisionName(d->precision)) +
                   (d->historical ? "/historical" : "")
             : "?";
      out.push_back(s);
    }
    return out;
  }
  TextFixture fixture_;
  std::unique_ptr<NumberReader> numbers_;
  std::unique_ptr<DateFinder> finder_;
};

using Strings = std::vector<std::string>;

TEST_F(DateFinderTest, ExplicitDatesInCommonForms) {
  EXPECT_EQ(Dates("It happened on 14 March 2016."), Strings{"14 March 2016 => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened on March 14, 2016."), Strings{"March 14, 2016 => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened on Monday, 14 March."),
            Strings{"Monday, 14 March => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened on Sept. 12."), Strings{"Sept. 12 => 2015-09-12/day"});
  EXPECT_EQ(Dates("It happened on 2016-03-14."), Strings{"2016-03-14 => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened on 14/03/2016."), Strings{"14/03/2016 => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened on 03/14/2016."), Strings{"03/14/2016 => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened on the 14th of March."), Strings{"14th of March => 2016-03-14/day"});
}

TEST_F(DateFinderTest, AMissingYearPutsTheDateNearestThePublicationDate) {
  // Published 17 March 2016: December is last December, April this one.
  EXPECT_EQ(Dates("It happened on 28 December."), Strings{"28 December => 2015-12-28/day"});
  EXPECT_EQ(Dates("It will happen on April 2.", true), Strings{"April 2 => 2016-04-02/day"});
  // Past tense: the last one before publication, future: the next one.
  EXPECT_EQ(Dates("It happened on April 2."), Strings{"April 2 => 2015-04-02/day"});
  EXPECT_EQ(Dates("It will happen on March 1.", true), Strings{"March 1 => 2017-03-01/day"});
  EXPECT_EQ(Dates("It happened on January 5.", false, "2017-01-10"),
            Strings{"January 5 => 2017-01-05/day"});
  EXPECT_EQ(Dates("It happened in December.", false, "2017-01-10"),
            Strings{"December => 2016-12-01/month"});
}

TEST_F(DateFinderTest, MonthsAndYearsAlone) {
  EXPECT_EQ(Dates("It began in March 2015."), Strings{"March 2015 => 2015-03-01/month"});
  EXPECT_EQ(Dates("It began in March 2014."), Strings{"March 2014 => 2014-03-01/month/historical"});
  EXPECT_EQ(Dates("It began in 2011."), Strings{"2011 => 2011-01-01/year/historical"});
  EXPECT_EQ(Dates("Fighting since February has killed many."),
            Strings{"February => 2016-02-01/month"});
  // Not dates: a verb, a modal, a number of things.
  EXPECT_TRUE(Dates("Thousands march in May Day protests against 2011 cuts.").size() <= 1u);
  EXPECT_TRUE(Dates("Protesters march on the capital.").empty());
  EXPECT_TRUE(Dates("The talks may resume.").empty());
  EXPECT_TRUE(Dates("They seized 2011 rifles.").empty());
}

TEST_F(DateFinderTest, WeekdaysFollowTheTense) {
  // 17 March 2016 is a Thursday.
  EXPECT_EQ(Dates("Rebels attacked on Tuesday."), Strings{"Tuesday => 2016-03-15/day"});
  EXPECT_EQ(Dates("Rebels attacked on Thursday."), Strings{"Thursday => 2016-03-17/day"});
  EXPECT_EQ(Dates("They will meet on Tuesday.", true), Strings{"Tuesday => 2016-03-22/day"});
  EXPECT_EQ(Dates("They will meet on Thursday.", true), Strings{"Thursday => 2016-03-24/day"});
  EXPECT_EQ(Dates("They met last Thursday."), Strings{"last Thursday => 2016-03-10/day"});
  EXPECT_EQ(Dates("They meet next Monday."), Strings{"next Monday => 2016-03-21/day"});
}

TEST_F(DateFinderTest, RelativePhrases) {
  EXPECT_EQ(Dates("It happened yesterday."), Strings{"yesterday => 2016-03-16/day"});
  EXPECT_EQ(Dates("It happened last week."), Strings{"last week => 2016-03-07/week"});
  EXPECT_EQ(Dates("It happened this week."), Strings{"this week => 2016-03-14/week"});
  EXPECT_EQ(Dates("It happened earlier this month."),
            Strings{"earlier this month => 2016-03-01/month"});
  EXPECT_EQ(Dates("It happened last month."), Strings{"last month => 2016-02-01/month"});
  EXPECT_EQ(Dates("It happened last year."), Strings{"last year => 2015-01-01/year"});
  EXPECT_EQ(Dates("It happened two weeks ago."), Strings{"two weeks ago => 2016-02-29/week"});
  EXPECT_EQ(Dates("It happened 3 days ago."), Strings{"3 days ago => 2016-03-14/day"});
  EXPECT_EQ(Dates("It happened five years ago."),
            Strings{"five years ago => 2011-01-01/year/historical"});
  EXPECT_EQ(Dates("Clashes in recent days killed dozens."),
            Strings{"in recent days => 2016-03-11/week"});
  EXPECT_EQ(Dates("Days after the attack, troops withdrew."),
            Strings{"Days after => 2016-03-11/week"});
}

TEST_F(DateFinderTest, RelativeDatesNeedAPublicationDate) {
  EXPECT_EQ(Dates("It happened yesterday.", false, ""), Strings{"yesterday => ?"});
  EXPECT_EQ(Dates("It happened on 14 March 2016.", false, ""),
            Strings{"14 March 2016 => 2016-03-14/day"});
}

TEST_F(DateFinderTest, ImpossibleDatesAreNotResolved) {
  EXPECT_EQ(Dates("It happened on 31 June 2016."), Strings{"31 June 2016 => ?"});
  EXPECT_EQ(Dates("It happened on 29 February 2015."), Strings{"29 February 2015 => ?"});
}

}  // namespace
}  // namespace palmyra
