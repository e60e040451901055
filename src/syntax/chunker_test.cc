#include "syntax/chunker.h"

#include "syntax/syntax_fixture.h"

namespace palmyra {
namespace {

class ChunkerTest : public ::testing::Test {
 protected:
  // "[NP ...] [VG ...] [PP ...]" rendering of the first sentence.
  std::string Chunks(const std::string& text) {
    const Analysis& a = stage_.Run(text);
    std::string out;
    for (uint32_t k = a.sentence_phrase_begin[0]; k < a.sentence_phrase_begin[1]; ++k) {
      const Phrase& p = a.phrases[k];
      const std::string words(a.OriginalText(p.begin, p.end));
      if (!out.empty()) out += " ";
      switch (p.type) {
        case PhraseType::kNoun:
          out += "[NP " + words + "]";
          break;
        case PhraseType::kVerb:
          out += "[VG " + words + "]";
          break;
        case PhraseType::kPreposition:
          out += "[P " + words + "]";
          break;
        case PhraseType::kOther:
          out += words;
          break;
      }
    }
    return out;
  }
  SyntaxFixture stage_;
};

TEST_F(ChunkerTest, NounPhrasesVerbGroupsAndPrepositions) {
  EXPECT_EQ(Chunks("Syrian government forces have retaken the town from rebel groups."),
            "[NP Syrian government forces] [VG have retaken] [NP the town] [P from] "
            "[NP rebel groups] .");
  EXPECT_EQ(Chunks("Russia's defence ministry said two advisers were killed."),
            "[NP Russia's defence ministry] [VG said] [NP two advisers] [VG were killed] .");
}

TEST_F(ChunkerTest, CoordinatedModifiersShareTheirHead) {
  EXPECT_EQ(Chunks("Hungarian and Romanian officials agreed."),
            "[NP Hungarian and Romanian officials] [VG agreed] .");
  EXPECT_EQ(Chunks("Syria and Russia agreed."), "[NP Syria] and [NP Russia] [VG agreed] .");
}

TEST_F(ChunkerTest, InfinitivesAndVerbComplementsAreGroupsOfTheirOwn) {
  EXPECT_EQ(Chunks("Turkey has threatened to launch an offensive."),
            "[NP Turkey] [VG has threatened] [VG to launch] [NP an offensive] .");
  EXPECT_EQ(Chunks("The army denied attacking civilians."),
            "[NP The army] [VG denied] [VG attacking] [NP civilians] .");
}

TEST_F(ChunkerTest, AnAdjectiveSayingWhatTheObjectIsHeldToBeStandsApart) {
  EXPECT_EQ(Chunks("Moscow held Damascus responsible for the attack."),
            "[NP Moscow] [VG held] [NP Damascus] [NP responsible] [P for] [NP the attack] .");
  EXPECT_EQ(Chunks("The court found the officers guilty."),
            "[NP The court] [VG found] [NP the officers] [NP guilty] .");
  // Other adjectives still modify the noun before them.
  EXPECT_EQ(Chunks("Rebels launched an offensive."),
            "[NP Rebels] [VG launched] [NP an offensive] .");
}

TEST_F(ChunkerTest, VoiceNegationAndModality) {
  const Analysis& a = stage_.Run("The base will not be attacked and could be closed.");
  ASSERT_GE(a.verb_groups.size(), 2u);
  const VerbGroup& attacked = a.verb_groups[0];
  EXPECT_EQ(a.Form(attacked.main), "attacked");
  EXPECT_TRUE(attacked.passive);
  EXPECT_TRUE(attacked.negated);
  EXPECT_TRUE(attacked.future);
  EXPECT_FALSE(attacked.hypothetical);
  const VerbGroup& closed = a.verb_groups[1];
  EXPECT_TRUE(closed.passive);
  EXPECT_TRUE(closed.hypothetical);
  EXPECT_FALSE(closed.negated);

  const Analysis& b = stage_.Run("Militants killed two soldiers.");
  ASSERT_EQ(b.verb_groups.size(), 1u);
  EXPECT_FALSE(b.verb_groups[0].passive);
  EXPECT_TRUE(b.verb_groups[0].finite);
}

TEST_F(ChunkerTest, ParticlesJoinTheirVerb) {
  const Analysis& a = stage_.Run("Insurgents carried out an attack.");
  ASSERT_EQ(a.verb_groups.size(), 1u);
  EXPECT_TRUE(a.verb_groups[0].has_particle);
  EXPECT_EQ(a.Form(a.verb_groups[0].particle), "out");
}

}  // namespace
}  // namespace palmyra
