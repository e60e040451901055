// The event extractor's rules, each on a sentence made to show it, through
// the whole engine (the rules depend on every stage before them).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "palmyra/engine.h"

namespace palmyra {
namespace {

// The rules alone: every candidate event they propose is kept.
Options RulesOnly() {
  Options options;
  options.min_confidence = 0;
  return options;
}

class EventExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = Engine::Create(RulesOnly());
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value().release();
  }
  // "SOURCE -> TARGET CODE" for each event of `text`.
  static std::vector<std::string> Code(const std::string& text,
                                       const std::string& date = "2020-06-01") {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.published = Date::Parse(date);
    auto events = engine_->Code(doc);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    std::vector<std::string> out;
    if (!events.ok()) return out;
    for (const Event& e : *events) {
      out.push_back((e.source ? e.source->code : "-") + " -> " + (e.target ? e.target->code : "-") +
                    " " + e.cameo.code);
    }
    return out;
  }
  static const Event* First(const std::string& text, std::vector<Event>* keep) {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.published = Date::Parse("2020-06-01");
    auto events = engine_->Code(doc);
    if (!events.ok() || events->empty()) return nullptr;
    *keep = std::move(events).value();
    return &keep->front();
  }
  static Engine* engine_;
};
Engine* EventExtractorTest::engine_ = nullptr;

using Codes = std::vector<std::string>;

TEST_F(EventExtractorTest, TheMostSpecificPatternWins) {
  // ATTACK alone is 190; with aircraft as subject it is an air strike (195).
  EXPECT_EQ(Code("Israel attacked Hamas."), Codes{"ISR -> PSEREBHMS 190"});
  EXPECT_EQ(Code("Israeli jets attacked Hamas."), Codes{"ISRMIL -> PSEREBHMS 195"});
}

TEST_F(EventExtractorTest, APatternWordInAPlaceAdjunctDoesNotCount) {
  // "seized the airport" is an occupation; an arrest at an airport is not.
  EXPECT_EQ(Code("Rebels seized the airport."), Codes{"REB -> - 192"});
  EXPECT_EQ(Code("Turkish police arrested two journalists at the airport."),
            Codes{"TURCOP -> TURMED 173"});
}

TEST_F(EventExtractorTest, ATollInAParticipleIsPartOfTheAttack) {
  std::vector<Event> keep;
  const Event* e =
      First("Gunmen attacked a police station, killing four officers and wounding ten.", &keep);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(keep.size(), 1u);
  EXPECT_EQ(e->cameo.code, "190");
  EXPECT_NE(e->evidence.text.find("wounding ten"), std::string::npos) << e->evidence.text;
}

TEST_F(EventExtractorTest, AnEventWithATargetReplacesTheSameEventWithout) {
  EXPECT_EQ(Code("The army killed 15 militants in the fighting."), Codes{"MIL -> REB 190"});
}

TEST_F(EventExtractorTest, KillingCiviliansAndKillingSoldiersDiffer) {
  EXPECT_EQ(Code("Militants killed ten civilians."), Codes{"REB -> CVL 180"});
  EXPECT_EQ(Code("Militants killed ten soldiers."), Codes{"REB -> MIL 190"});
}

TEST_F(EventExtractorTest, OwnForcesAreNotTheTarget) {
  EXPECT_EQ(Code("Russia put its troops on high alert."), Codes{"RUS -> - 152"});
}

TEST_F(EventExtractorTest, ActorsNamedByRoleTakeTheCountryWhereTheEventHappened) {
  // Mandalay is in Myanmar (MMR): its police, and the protesters they
  // arrest (opposition, as what the state does to civic actors at home).
  EXPECT_EQ(Code("Police arrested 12 protesters in Mandalay on Friday."),
            Codes{"MMRCOP -> MMROPP 173"});
  // A dateline says where the reporter is, not where the rebels are.
  EXPECT_EQ(Code("LONDON, March 3 (Reuters) - Rebels ambushed a convoy on Monday, killing four "
                 "soldiers."),
            Codes{"REB -> - 190"});
}

TEST_F(EventExtractorTest, ADemandTakesTheCodeOfWhatItDemands) {
  const Codes codes = Code("Germany demanded that Iran release the prisoners.");
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes[0], "DEU -> IRN 1053");
}

TEST_F(EventExtractorTest, TalksBetweenTheSubjectsAreWithEachOther) {
  EXPECT_EQ(Code("Armenia and Azerbaijan resumed peace talks."),
            (Codes{"ARM -> AZE 046", "AZE -> ARM 046"}));
  // Praise is not mutual: each praises something else.
  EXPECT_EQ(Code("France and Germany praised the decision."),
            (Codes{"FRA -> - 051", "DEU -> - 051"}));
}

TEST_F(EventExtractorTest, ProtestersFightingIsARiot) {
  EXPECT_EQ(Code("Protesters clashed with police in Nairobi."), Codes{"KENOPP -> KENCOP 145"});
}

TEST_F(EventExtractorTest, RepressionIsDomestic) {
  // Protesters are coded as opposition (data/actors/agents.txt).
  EXPECT_EQ(Code("Egyptian police detained dozens of protesters."), Codes{"EGYCOP -> EGYOPP 173"});
}

TEST_F(EventExtractorTest, ReactionsDoNotRecodeTheEventTheyReactTo) {
  EXPECT_EQ(Code("France condemned the bombing."), Codes{"FRA -> - 111"});
}

TEST_F(EventExtractorTest, AnAccusationReportsWhatTheAccusedDid) {
  std::vector<Event> keep;
  First("Ukraine accused Russia of shelling a hospital.", &keep);
  ASSERT_EQ(keep.size(), 2u);
  EXPECT_EQ(keep[0].cameo.code, "112");
  const Event& shelling = keep[1];
  EXPECT_EQ(shelling.cameo.code, "194");
  ASSERT_TRUE(shelling.source.has_value());
  EXPECT_EQ(shelling.source->code, "RUS");
  EXPECT_EQ(shelling.modality, Modality::kReported);
  ASSERT_TRUE(shelling.attribution.has_value());
  EXPECT_EQ(shelling.attribution->code, "UKR");
}

TEST_F(EventExtractorTest, ViolenceBetweenCompaniesIsAFigureOfSpeech) {
  // Not violence: at most criticism.
  for (const char* text : {"Shell attacked Exxon's bid for the company.",
                           "The newspaper fought the court's ruling."}) {
    for (const std::string& e : Code(text)) {
      const std::string code = e.substr(e.rfind(' ') + 1);
      EXPECT_TRUE(code.rfind("18", 0) != 0 && code.rfind("19", 0) != 0 && code.rfind("20", 0) != 0)
          << text << ": " << e;
    }
  }
}

TEST_F(EventExtractorTest, AttackingAPlanIsCriticism) {
  EXPECT_EQ(Code("Germany attacked the government's energy plan."), Codes{"DEU -> GOV 111"});
}

TEST_F(EventExtractorTest, ActorlessViolenceIsCodedWhenItIsNew) {
  // A car bomb is a vehicular bombing, 1832.
  EXPECT_EQ(Code("A car bomb exploded in the market."), Codes{"- -> - 1832"});
}

// CAMEO codes the future as intent ("will give" is 0331, "will attack" a
// threat, 1384); Palmyra by default keeps the act's own code with modality
// future, and codes as CAMEO does under PETRARCH's conventions.
TEST(ConventionsTest, UnderPetrarchConventionsTheFutureIsAnIntent) {
  for (const bool petrarch : {false, true}) {
    Options options;
    options.min_confidence = 0;
    options.petrarch_conventions = petrarch;
    auto engine = Engine::Create(options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    Document doc;
    doc.id = "t";
    doc.text = "Finland will give Tanzania a grant for three new schools.";
    doc.published = Date::Parse("2020-06-01");
    auto events = (*engine)->Code(doc);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().cameo.code, petrarch ? "0331" : "071");
    EXPECT_EQ(events->front().modality, Modality::kFuture);
  }
}

}  // namespace
}  // namespace palmyra
