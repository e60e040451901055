#include "text/sentence_splitter.h"

#include "text/text_fixture.h"

namespace palmyra {
namespace {

using ::testing::ElementsAre;

class SentenceSplitterTest : public ::testing::Test {
 protected:
  std::vector<std::string> Split(const std::string& text, const std::string& title = "") {
    stage_.Run(text, title);
    return stage_.Sentences();
  }
  TextFixture stage_;
};

TEST_F(SentenceSplitterTest, SplitsAtFullStopsAndKeepsAbbreviations) {
  EXPECT_THAT(Split("Gen. Smith arrived on Oct. 3 in the U.S. capital. He left. Mr. Jones stayed."),
              ElementsAre("Gen. Smith arrived on Oct. 3 in the U.S. capital.", "He left.",
                          "Mr. Jones stayed."));
}

TEST_F(SentenceSplitterTest, AbbreviationEndsSentenceBeforeASentenceStarter) {
  EXPECT_THAT(Split("He flew to the U.S. The talks failed."),
              ElementsAre("He flew to the U.S.", "The talks failed."));
  EXPECT_THAT(Split("Aid came from Acme Inc. The firm said so."),
              ElementsAre("Aid came from Acme Inc.", "The firm said so."));
  EXPECT_THAT(Split("The U.S. Army moved."), ElementsAre("The U.S. Army moved."));
}

TEST_F(SentenceSplitterTest, InitialsDoNotEndSentences) {
  EXPECT_THAT(Split("George W. Bush met Tony Blair. They talked."),
              ElementsAre("George W. Bush met Tony Blair.", "They talked."));
}

TEST_F(SentenceSplitterTest, QuotesThatRunOnStayTogether) {
  EXPECT_THAT(
      Split("\"We will fight. We will win,\" he said. \"Never!\" she shouted."),
      ElementsAre("\"We will fight.", "We will win,\" he said.", "\"Never!\" she shouted."));
}

TEST_F(SentenceSplitterTest, NumbersAndDecimalsDoNotSplit) {
  EXPECT_THAT(Split("Prices rose 3.5 percent. Then 2.1 percent."),
              ElementsAre("Prices rose 3.5 percent.", "Then 2.1 percent."));
  EXPECT_THAT(Split("It ended in 2016. 2017 was calmer."),
              ElementsAre("It ended in 2016.", "2017 was calmer."));
}

TEST_F(SentenceSplitterTest, ParagraphsAndHeadlinesAreSentences) {
  const auto sentences =
      Split("Rebels seize town\nRebels seized the town on Monday.\n\nNo one was hurt",
            "Rebels seize town");
  EXPECT_THAT(sentences, ElementsAre("Rebels seize town", "Rebels seized the town on Monday.",
                                     "No one was hurt"));
}

TEST_F(SentenceSplitterTest, HardWrappedLinesDoNotSplit) {
  EXPECT_THAT(Split("The defence ministry said that two advisers were killed near the\n"
                    "Syrian town of Palmyra last week by militants using mortars.\n"),
              ElementsAre("The defence ministry said that two advisers were killed near the\n"
                          "Syrian town of Palmyra last week by militants using mortars."));
}

TEST_F(SentenceSplitterTest, DatelineIsSetApart) {
  const Analysis& a =
      stage_.Run("KABUL, Oct. 3 (Xinhua) -- Taliban militants attacked a checkpoint.");
  ASSERT_TRUE(a.dateline.has_value());
  EXPECT_EQ(a.OriginalText(a.dateline->place_begin, a.dateline->place_end), "KABUL");
  EXPECT_EQ(a.OriginalText(a.dateline->date_begin, a.dateline->date_end), "Oct. 3");
  EXPECT_THAT(stage_.Sentences(), ElementsAre("Taliban militants attacked a checkpoint."));

  stage_.Run("MOSCOW, March 17 - Russia will keep its air base.");
  EXPECT_THAT(stage_.Sentences(), ElementsAre("Russia will keep its air base."));

  const Analysis& b = stage_.Run("BEIRUT (Reuters) - Shelling hit the city.");
  ASSERT_TRUE(b.dateline.has_value());
  EXPECT_EQ(b.dateline->date_begin, b.dateline->date_end);

  const Analysis& c = stage_.Run("NATO leaders met in Brussels.");
  EXPECT_FALSE(c.dateline.has_value());
}

TEST_F(SentenceSplitterTest, OverlongRunsAreCut) {
  std::string text;
  for (int i = 0; i < 450; ++i) text += "word ";
  stage_.Run(text);
  EXPECT_EQ(stage_.Sentences().size(), 3u);
}

}  // namespace
}  // namespace palmyra
