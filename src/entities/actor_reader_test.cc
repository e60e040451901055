#include "entities/actor_reader.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(ActorReaderTest, ReadsEntriesSynonymsCodesAndTags) {
  const ActorFile f =
      ParseActorDictionary("t.txt",
                           "# comment\n"
                           "RUSSIA [RUS] @country\n"
                           "+RUSSIAN_FEDERATION_\n"
                           "+Russian @adj\n"
                           "VLADIMIR_PUTIN [RUSGOV 20000507-20080507] [RUSELI] @person\n"
                           "+PUTIN  # the surname alone\n"
                           "\t[RUSGOV >120507]\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.actors.size(), 2u);
  EXPECT_EQ(f.actors[0].names.size(), 3u);
  EXPECT_EQ(f.actors[0].names[1].words, (std::vector<std::string>{"russian", "federation"}));
  EXPECT_EQ(f.actors[0].names[2].tags, std::vector<std::string>{"adj"});
  EXPECT_EQ(f.actors[0].tags, std::vector<std::string>{"country"});
  const RawActor& putin = f.actors[1];
  ASSERT_EQ(putin.codes.size(), 3u);
  EXPECT_EQ(putin.codes[0].code, "RUSGOV");
  EXPECT_EQ(putin.codes[0].from, 20000507);
  EXPECT_EQ(putin.codes[0].to, 20080507);
  EXPECT_EQ(putin.codes[1].from, 0);
  EXPECT_EQ(putin.codes[2].from, 20120507);  // six-digit TABARI date
  EXPECT_EQ(putin.codes[2].to, 0);
  EXPECT_EQ(putin.names[1].line, 6);
}

TEST(ActorReaderTest, ReadsAgentsPluralsAndSubstitutionSets) {
  const ActorFile f = ParseActorDictionary("a.txt",
                                           "!PERSON! = MAN, MEN\n"
                                           "SOLDIER {SOLDIERS} [~MIL]\n"
                                           "POLICE!PERSON! [~COP]\n"
                                           "HUMAN_RIGHTS_BODY [NGO~]\n"
                                           "<!-- a block\ncomment -->\n"
                                           "POLICE {} [ ~COP]\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.actors.size(), 4u);
  EXPECT_TRUE(f.actors[0].agent);
  EXPECT_EQ(f.actors[0].codes[0].code, "MIL");
  EXPECT_EQ(f.actors[0].names[1].tags, std::vector<std::string>{"plural"});
  ASSERT_EQ(f.actors[1].names.size(), 2u);
  EXPECT_EQ(f.actors[1].names[0].words[0], "policeman");
  EXPECT_EQ(f.actors[1].names[1].words[0], "policemen");
  EXPECT_TRUE(f.actors[2].agent_prefix);
  EXPECT_EQ(f.actors[3].codes[0].code, "COP");
  // "{}": no plural, so "polices" is not the police.
  EXPECT_NE(
      std::find(f.actors[3].names[0].tags.begin(), f.actors[3].names[0].tags.end(), "singular"),
      f.actors[3].names[0].tags.end());
  EXPECT_TRUE(f.actors[0].names[0].tags.empty());
  EXPECT_EQ(f.actors[3].line, 7);
}

// Found by fuzzing: a substitution word holding its own marker was expanded
// again and again without end. Words put in are not read for markers; two
// markers in a name give every combination, in the sets' order.
TEST(ActorReaderTest, SubstitutionsAreExpandedOnceLeftToRight) {
  const ActorFile f = ParseActorDictionary("a.txt",
                                           "!P! = A!P!B, C\n"
                                           "!Q! = X, Y\n"
                                           "GUARD_!P! [~MIL]\n"
                                           "!Q!_!Q!_CORPS [~MIL]\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.actors.size(), 2u);
  ASSERT_EQ(f.actors[0].names.size(), 2u);
  EXPECT_EQ(f.actors[0].names[0].words, (std::vector<std::string>{"guard", "a!p!b"}));
  EXPECT_EQ(f.actors[0].names[1].words, (std::vector<std::string>{"guard", "c"}));
  ASSERT_EQ(f.actors[1].names.size(), 4u);
  EXPECT_EQ(f.actors[1].names[0].words, (std::vector<std::string>{"x", "x", "corps"}));
  EXPECT_EQ(f.actors[1].names[1].words, (std::vector<std::string>{"x", "y", "corps"}));
  EXPECT_EQ(f.actors[1].names[3].words, (std::vector<std::string>{"y", "y", "corps"}));
}

TEST(ActorReaderTest, WordsPartedBySpacesMayHaveModifiersBetween) {
  const ActorFile f = ParseActorDictionary("a.txt",
                                           "ITHILEN TELEVISION [ITHTV]\n"
                                           "ITHILEN_RADIO [ITHRAD]\n"
                                           "VIRGILIO_ FONTES_PEREIRA_ [XYZ]\n");
  ASSERT_EQ(f.actors.size(), 3u);
  EXPECT_TRUE(f.actors[0].names[0].loose);
  EXPECT_EQ(f.actors[0].names[0].words, (std::vector<std::string>{"ithilen", "television"}));
  EXPECT_FALSE(f.actors[1].names[0].loose);
  EXPECT_FALSE(f.actors[2].names[0].loose);  // a stray space after "_"
}

TEST(ActorReaderTest, ReportsMalformedLinesAndKeepsTheRest) {
  const ActorFile f = ParseActorDictionary("bad.txt",
                                           "+ORPHAN\n"
                                           "BROKEN [RUS\n"
                                           "BADDATE [RUS 2000x]\n"
                                           "GOOD [GBR]\n"
                                           "!UNKNOWN!_THING [XXX]\n");
  ASSERT_EQ(f.actors.size(), 2u);  // BADDATE (without its code) and GOOD
  int errors = 0;
  for (const Diagnostic& d : f.diagnostics) errors += d.error;
  EXPECT_EQ(errors, 4);
  EXPECT_EQ(f.diagnostics[0].line, 1);
  EXPECT_NE(f.diagnostics[1].message.find("missing ']'"), std::string::npos);
  EXPECT_NE(f.diagnostics[0].ToString().find("bad.txt:1: error"), std::string::npos);
}

TEST(ActorReaderTest, ParsesDictionaryDates) {
  int d = 0;
  EXPECT_TRUE(ParseDictionaryDate("20120507", &d));
  EXPECT_EQ(d, 20120507);
  EXPECT_TRUE(ParseDictionaryDate("991231", &d));
  EXPECT_EQ(d, 19991231);
  EXPECT_TRUE(ParseDictionaryDate("080507", &d));
  EXPECT_EQ(d, 20080507);
  EXPECT_FALSE(ParseDictionaryDate("2012-05-07", &d));
  EXPECT_FALSE(ParseDictionaryDate("20121307", &d));
  // Found by UBSan: twelve digits overflowed an int before being refused.
  EXPECT_FALSE(ParseDictionaryDate("999999999999", &d));
  EXPECT_FALSE(ParseDictionaryDate("2012050", &d));
}

}  // namespace
TEST(ActorReaderTest, DateRestrictionsMayHaveSpaces) {
  // As PETRARCH's validation actors write them.
  const ActorFile f = ParseActorDictionary("spaces.txt",
                                           "BILBO [HOBREB > 990816] [HOBGOV 19950601 - 19990815]\n"
                                           "+BAGGINS\n"
                                           "FRODO [HOB < 950601]\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.actors.size(), 2u);
  ASSERT_EQ(f.actors[0].codes.size(), 2u);
  EXPECT_EQ(f.actors[0].codes[0].from, 19990816);
  EXPECT_EQ(f.actors[0].codes[1].from, 19950601);
  EXPECT_EQ(f.actors[0].codes[1].to, 19990815);
  EXPECT_EQ(f.actors[1].codes[0].to, 19950601);
}

}  // namespace palmyra
