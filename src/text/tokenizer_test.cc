#include "text/tokenizer.h"

#include "text/text_fixture.h"

namespace palmyra {
namespace {

using ::testing::ElementsAre;

class TokenizerTest : public ::testing::Test {
 protected:
  std::vector<std::string> Tokens(const std::string& text) {
    stage_.Run(text);
    return stage_.Forms();
  }
  TextFixture stage_;
};

TEST_F(TokenizerTest, SplitsPunctuationAndKeepsNumbersWhole) {
  EXPECT_THAT(Tokens("Militants killed 1,200 people, officials said."),
              ElementsAre("Militants", "killed", "1,200", "people", ",", "officials", "said", "."));
  EXPECT_THAT(Tokens("It rose 3.5% to $2.5bn (\xC2\xA3"
                     "1.9bn)."),
              ElementsAre("It", "rose", "3.5", "%", "to", "$", "2.5bn", "(", "\xC2\xA3", "1.9bn",
                          ")", "."));
  EXPECT_THAT(Tokens("At 10:30 on 14/03/2016"), ElementsAre("At", "10:30", "on", "14/03/2016"));
}

TEST_F(TokenizerTest, SplitsContractionsAndPossessivesLikeTheTreebank) {
  EXPECT_THAT(Tokens("They don't and can't, won't."),
              ElementsAre("They", "do", "n't", "and", "ca", "n't", ",", "wo", "n't", "."));
  EXPECT_THAT(Tokens("Russia's army and the rebels' base"),
              ElementsAre("Russia", "'s", "army", "and", "the", "rebels", "'", "base"));
  EXPECT_THAT(Tokens("We'll see; I'm sure they've gone"),
              ElementsAre("We", "'ll", "see", ";", "I", "'m", "sure", "they", "'ve", "gone"));
  EXPECT_THAT(Tokens("O'Brien visited Cote d'Ivoire"),
              ElementsAre("O'Brien", "visited", "Cote", "d'Ivoire"));
}

TEST_F(TokenizerTest, KeepsAbbreviationsInitialsAndHyphenatedWords) {
  EXPECT_THAT(Tokens("Gen. Smith of the U.S. Army met J. Doe"),
              ElementsAre("Gen.", "Smith", "of", "the", "U.S.", "Army", "met", "J.", "Doe"));
  EXPECT_THAT(
      Tokens("Jabhat al-Nusra and pro-regime forces -- not Isis"),
      ElementsAre("Jabhat", "al-Nusra", "and", "pro-regime", "forces", "--", "not", "Isis"));
  EXPECT_THAT(Tokens("the end. The next"), ElementsAre("the", "end", ".", "The", "next"));
}

TEST_F(TokenizerTest, NormalisesTypographyButKeepsOriginalOffsets) {
  const std::string text = "\xE2\x80\x9CWe\xE2\x80\x99ll fight,\xE2\x80\x9D he said";
  const Analysis& a = stage_.Run(text);
  EXPECT_THAT(stage_.Forms(), ElementsAre("\"", "We", "'ll", "fight", ",", "\"", "he", "said"));
  // "'ll" covers the three-byte curly apostrophe and "ll".
  const Token& ll = a.tokens[2];
  EXPECT_EQ(text.substr(ll.start, ll.end - ll.start), "\xE2\x80\x99ll");
  EXPECT_TRUE(a.tokens[0].flags & kTokOpenQuote);
  EXPECT_TRUE(a.tokens[5].flags & kTokCloseQuote);
  EXPECT_TRUE(a.tokens[3].flags & kTokInQuote);
  EXPECT_FALSE(a.tokens[6].flags & kTokInQuote);
}

TEST_F(TokenizerTest, KeysAreCaseFolded) {
  const Analysis& a = stage_.Run(
      "ISIS and \xC3\x89lys\xC3\xA9"
      "e");
  EXPECT_EQ(a.Key(0), "isis");
  EXPECT_TRUE(a.tokens[0].flags & kTokAllCaps);
  EXPECT_EQ(a.Key(2),
            "\xC3\xA9lys\xC3\xA9"
            "e");
  EXPECT_TRUE(a.tokens[2].flags & kTokCapitalized);
}

TEST_F(TokenizerTest, UrlsStayWhole) {
  EXPECT_THAT(Tokens("See https://example.org/a?b=1, then"),
              ElementsAre("See", "https://example.org/a?b=1", ",", "then"));
}

}  // namespace
}  // namespace palmyra
