#include "events/pattern_reader.h"

#include <gtest/gtest.h>

#include "core/string_table.h"
#include "events/pattern_dictionary.h"
#include "text/text_fixture.h"

namespace palmyra {
namespace {

using Kind = RawElement::Kind;

TEST(PatternReaderTest, ReadsBlocksVerbsFormsAndPatterns) {
  const PatternFile f = ParsePatternDictionary("v.txt",
                                               "# comment\n"
                                               "--- ATTACK [190] ---\n"
                                               "ATTACK\n"
                                               "STRIKE {STRUCK STRIKING} [195]\n"
                                               "+CARRY_OUT_AN_ATTACK\n"
                                               "- &AIRCRAFT * (ON +) [195]\n"
                                               "- $ * + [190]\n"
                                               "- * WORKERS [---]\n"
                                               "\n"
                                               "--- AIRSTRIKE [195] @noun @actorless ---\n"
                                               "AIRSTRIKE\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.blocks.size(), 2u);
  const RawBlock& attack = f.blocks[0];
  EXPECT_EQ(attack.name, "ATTACK");
  EXPECT_EQ(attack.code, "190");
  EXPECT_FALSE(attack.noun);
  ASSERT_EQ(attack.verbs.size(), 3u);
  EXPECT_EQ(attack.verbs[1].words, std::vector<std::string>{"STRIKE"});
  ASSERT_EQ(attack.verbs[1].forms.size(), 2u);
  EXPECT_EQ(attack.verbs[1].forms[0], std::vector<std::string>{"STRUCK"});
  EXPECT_TRUE(attack.verbs[1].has_code);
  EXPECT_EQ(attack.verbs[1].code, "195");
  EXPECT_EQ(attack.verbs[2].words, (std::vector<std::string>{"CARRY", "OUT", "AN", "ATTACK"}));
  ASSERT_EQ(attack.patterns.size(), 3u);
  const RawPattern& aerial = attack.patterns[0];
  ASSERT_EQ(aerial.left.size(), 1u);
  EXPECT_EQ(aerial.left[0].kind, Kind::kSynset);
  EXPECT_EQ(aerial.left[0].text, "AIRCRAFT");
  ASSERT_EQ(aerial.right.size(), 1u);
  EXPECT_EQ(aerial.right[0].kind, Kind::kPrep);
  ASSERT_EQ(aerial.right[0].children.size(), 2u);
  EXPECT_EQ(aerial.right[0].children[1].kind, Kind::kTarget);
  EXPECT_EQ(aerial.code, "195");
  EXPECT_EQ(attack.patterns[1].left[0].kind, Kind::kSource);
  EXPECT_EQ(attack.patterns[2].code, "");  // [---]: no event
  EXPECT_EQ(attack.patterns[2].line, 8);
  EXPECT_TRUE(f.blocks[1].noun);
  EXPECT_TRUE(f.blocks[1].actorless);
}

TEST(PatternReaderTest, ReadsSynonymSets) {
  const PatternFile f = ParsePatternDictionary("s.txt",
                                               "&AIRCRAFT\n"
                                               "+JET\n"
                                               "+FIGHTER_JET\n"
                                               "+&DRONE\n");
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.synsets.size(), 1u);
  EXPECT_EQ(f.synsets[0].name, "AIRCRAFT");
  ASSERT_EQ(f.synsets[0].members.size(), 3u);
  EXPECT_EQ(f.synsets[0].members[1], (std::vector<std::string>{"FIGHTER", "JET"}));
  EXPECT_EQ(f.synsets[0].members[2], std::vector<std::string>{"&DRONE"});
}

// Found by fuzzing: a set naming itself ("+&FORCES" in &FORCES) was read
// while it grew (a use after free); a set naming another twice, nested, grew
// twofold at every level. Each member is now in a set once.
TEST(PatternReaderTest, SynonymSetsHoldEachMemberOnceAndMayNameThemselves) {
  std::string text =
      "&FORCES\n+TROOPS\n+&FORCES\n+SOLDIERS\n+&FORCES\n"
      "&S0\n+JET\n+DRONE\n";
  for (int level = 1; level <= 40; ++level) {
    const std::string below = "&S" + std::to_string(level - 1);
    text += "&S" + std::to_string(level) + "\n+" + below + "\n+" + below + "\n";
  }
  const PatternFile f = ParsePatternDictionary("s.txt", text);
  ASSERT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  TextFixture fixture;
  StringTable vocabulary;
  PatternDictionary dictionary;
  std::vector<Diagnostic> diagnostics;
  dictionary.Add(f, fixture.stage().names(), &vocabulary, &diagnostics);
  dictionary.Freeze(&diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << diagnostics[0].ToString();
  EXPECT_EQ(dictionary.synset(dictionary.SynsetId("FORCES")).size(), 2u);  // troops, soldiers
  EXPECT_EQ(dictionary.synset(dictionary.SynsetId("S40")).size(), 2u);     // jet, drone
}

TEST(PatternReaderTest, ReportsMalformedLinesWithFileAndLineAndKeepsTheRest) {
  const PatternFile f = ParsePatternDictionary("bad.txt",
                                               "ORPHAN\n"
                                               "--- GOOD [040] ---\n"
                                               "MEET\n"
                                               "- * (IN [040]\n"
                                               "- * + [04/2]\n"  // no code has a slash
                                               "- * + [042]\n");
  ASSERT_EQ(f.blocks.size(), 1u);
  EXPECT_EQ(f.blocks[0].verbs.size(), 1u);
  ASSERT_EQ(f.blocks[0].patterns.size(), 1u);
  EXPECT_EQ(f.blocks[0].patterns[0].code, "042");
  ASSERT_EQ(f.diagnostics.size(), 3u);
  EXPECT_EQ(f.diagnostics[0].line, 1);
  EXPECT_EQ(f.diagnostics[1].line, 4);
  EXPECT_EQ(f.diagnostics[2].line, 5);
  EXPECT_NE(f.diagnostics[2].ToString().find("bad.txt:5"), std::string::npos);
}

TEST(PatternReaderTest, AStrayBracketInAPatternIsAnErrorNotAnEndlessLoop) {
  // Once read as an empty word again and again, without end.
  const PatternFile f = ParsePatternDictionary("stray.txt",
                                               "--- REJECT   [127] ---\n"
                                               "- * INITIATIVE [ PLAN  [127]\n"
                                               "- * PLAN [127]\n"
                                               "- * # ^ ~ [127]\n");
  ASSERT_EQ(f.blocks.size(), 1u);
  ASSERT_EQ(f.blocks[0].patterns.size(), 1u);  // the good line is kept
  ASSERT_EQ(f.diagnostics.size(), 2u);
  EXPECT_EQ(f.diagnostics[0].line, 2);
  EXPECT_NE(f.diagnostics[0].ToString().find("unexpected '['"), std::string::npos)
      << f.diagnostics[0].ToString();
  EXPECT_EQ(f.diagnostics[1].line, 4);
}

TEST(PatternReaderTest, ParsesPatternItems) {
  RawPattern p;
  std::string error;
  ASSERT_TRUE(ParsePatternItems("% * {PEACE TALKS} ^ TO_+", &p, &error)) << error;
  ASSERT_EQ(p.left.size(), 1u);
  EXPECT_EQ(p.left[0].kind, Kind::kCompound);
  // "TO_+": the word TO and, joined to it, the target.
  ASSERT_EQ(p.right.size(), 4u);
  EXPECT_EQ(p.right[0].kind, Kind::kNounGroup);
  ASSERT_EQ(p.right[0].children.size(), 2u);
  EXPECT_EQ(p.right[1].kind, Kind::kSkip);
  EXPECT_EQ(p.right[2].kind, Kind::kWord);
  EXPECT_EQ(p.right[2].text, "TO");
  EXPECT_EQ(p.right[3].kind, Kind::kTarget);
  EXPECT_TRUE(p.right[3].joined);
  RawPattern bad;
  EXPECT_FALSE(ParsePatternItems("* * TWO_VERBS", &bad, &error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
TEST(PatternReaderTest, ReadsPetrarchHabits) {
  // A comment inside a synonym set does not end it; codes of other schemes
  // ("075A", "+++") are read, for the loader to judge.
  const PatternFile f = ParsePatternDictionary("petr.txt",
                                               "&CURRENCY\n"
                                               "# some of these are plural\n"
                                               "+MONEY\n"
                                               "+DOLLARS\n"
                                               "\n"
                                               "--- BLAST [+++] ---\n"
                                               "BLAST\n"
                                               "- IN_ * [075A]\n");
  EXPECT_TRUE(f.diagnostics.empty()) << f.diagnostics[0].ToString();
  ASSERT_EQ(f.synsets.size(), 1u);
  EXPECT_EQ(f.synsets[0].members.size(), 2u);
  ASSERT_EQ(f.blocks.size(), 1u);
  EXPECT_EQ(f.blocks[0].code, "+++");
  ASSERT_EQ(f.blocks[0].patterns.size(), 1u);
  EXPECT_EQ(f.blocks[0].patterns[0].code, "075A");
}

TEST(PatternReaderTest, AVerbMayHaveWordsBeforeIt) {
  // "WIRE_+TAP": the verb TAP, with WIRE right before it.
  const PatternFile f = ParsePatternDictionary("w.txt",
                                               "--- CONFISCATE [1711] ---\n"
                                               "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n"
                                               "+CARRY_OUT\n");
  ASSERT_EQ(f.blocks.size(), 1u);
  ASSERT_EQ(f.blocks[0].verbs.size(), 2u);
  EXPECT_EQ(f.blocks[0].verbs[0].words, (std::vector<std::string>{"WIRE", "TAP"}));
  EXPECT_EQ(f.blocks[0].verbs[0].head, 1);
  EXPECT_EQ(f.blocks[0].verbs[0].forms.size(), 2u);
  EXPECT_EQ(f.blocks[0].verbs[1].head, 0);  // a leading "+" marks nothing
}

}  // namespace palmyra
