// ACLED coding: the rule file's syntax, actor kinds, interaction codes, and
// the shipped rules on sentences whose ACLED categories were worked out by
// hand from the ACLED codebook.
#include "acled/acled_coder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "palmyra/engine.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

TEST(AcledInteractionTest, SmallerCodeFirstAndSoleActorTimesTen) {
  EXPECT_EQ(AcledInteraction(1, 7), 17);
  EXPECT_EQ(AcledInteraction(7, 1), 17);
  EXPECT_EQ(AcledInteraction(2, 2), 22);
  EXPECT_EQ(AcledInteraction(6, 0), 60);
  EXPECT_EQ(AcledInteraction(0, 3), 30);
}

// A data folder holding only an acled.txt of the given text.
class AcledFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("palmyra_acled_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "ontology");
    auto codes = ActorCodes::Load(PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(codes.ok()) << codes.status().ToString();
    codes_ = std::move(*codes);
  }
  void TearDown() override { fs::remove_all(dir_); }
  Result<std::unique_ptr<AcledCoder>> Load(const std::string& text) {
    std::ofstream(dir_ / "ontology" / "acled.txt") << text;
    return AcledCoder::Load(dir_.string(), codes_.get());
  }
  fs::path dir_;
  std::unique_ptr<ActorCodes> codes_;
};

TEST_F(AcledFileTest, ErrorsNameTheLine) {
  auto unknown_class = Load("words air: jet\nrule Battles | Armed clash | has:ground\n");
  ASSERT_FALSE(unknown_class.ok());
  EXPECT_NE(unknown_class.status().message().find("acled.txt:2"), std::string::npos)
      << unknown_class.status().ToString();
  EXPECT_NE(unknown_class.status().message().find("ground"), std::string::npos);
  EXPECT_FALSE(Load("rule Battles | Armed clash\n").ok());
  EXPECT_FALSE(Load("inter rebel 9\n").ok());
  EXPECT_FALSE(Load("actor soldiers: MIL\n").ok());
  EXPECT_FALSE(Load("rule Battles | Armed clash | cameo:19 => inter3:1\n").ok());
  EXPECT_FALSE(Load("frobnicate x\n").ok());
  EXPECT_TRUE(
      Load("words air: jet, air strike\nrule Battles | Armed clash | cameo:19 has:air\n").ok());
}

TEST_F(AcledFileTest, ActorKindsBySectorAndWhereTheEventHappened) {
  auto coder = Load("actor state: GOV MIL\nactor rebel: REB IMG\nactor civilian: *\n");
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  Event e;
  Location in_syria;
  in_syria.country = "SYR";
  e.location = in_syria;
  auto actor = [](std::string code, std::string country, std::string sector) {
    return std::optional<ActorRef>(ActorRef{"", code, country, sector, 0, 0});
  };
  EXPECT_EQ((*coder)->KindOf(std::nullopt, true, e), AcledActorKind::kNone);
  EXPECT_EQ((*coder)->KindOf(actor("SYRMIL", "SYR", "MIL"), false, e), AcledActorKind::kState);
  EXPECT_EQ((*coder)->KindOf(actor("RUSMIL", "RUS", "MIL"), false, e), AcledActorKind::kForeign);
  EXPECT_EQ((*coder)->KindOf(actor("SYRREB", "SYR", "REB"), false, e), AcledActorKind::kRebel);
  EXPECT_EQ((*coder)->KindOf(actor("IMGREBISI", "IMG", "REB"), false, e), AcledActorKind::kRebel);
  EXPECT_EQ((*coder)->KindOf(actor("SYRCVL", "SYR", "CVL"), false, e), AcledActorKind::kCivilian);
  EXPECT_EQ((*coder)->KindOf(actor("SYR", "SYR", ""), false, e), AcledActorKind::kCountry);
  // A country that acts is its state; abroad, a foreign one.
  EXPECT_EQ((*coder)->KindOf(actor("SYR", "SYR", ""), true, e), AcledActorKind::kState);
  EXPECT_EQ((*coder)->KindOf(actor("RUS", "RUS", ""), true, e), AcledActorKind::kForeign);
  e.location.reset();  // nowhere known: not foreign
  EXPECT_EQ((*coder)->KindOf(actor("RUSMIL", "RUS", "MIL"), false, e), AcledActorKind::kState);
}

TEST(AcledRulesTest, EverySubEventTypeIsReachable) {
  std::ifstream in(std::string(PALMYRA_TEST_DATA_DIR) + "/ontology/acled.txt");
  ASSERT_TRUE(in) << "cannot read data/ontology/acled.txt";
  std::set<std::string> named;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("rule ", 0) != 0) continue;
    const size_t bar = line.find('|');
    const size_t second = line.find('|', bar + 1);
    ASSERT_NE(second, std::string::npos) << line;
    std::string sub = line.substr(bar + 1, second - bar - 1);
    sub = sub.substr(sub.find_first_not_of(' '));
    sub = sub.substr(0, sub.find_last_not_of(' ') + 1);
    named.insert(sub);
  }
  // ACLED's 25 sub-event types (codebook, 2023).
  for (const char* sub : {"Armed clash",
                          "Government regains territory",
                          "Non-state actor overtakes territory",
                          "Chemical weapon",
                          "Air/drone strike",
                          "Suicide bomb",
                          "Shelling/artillery/missile attack",
                          "Remote explosive/landmine/IED",
                          "Grenade",
                          "Sexual violence",
                          "Attack",
                          "Abduction/forced disappearance",
                          "Peaceful protest",
                          "Protest with intervention",
                          "Excessive force against protesters",
                          "Violent demonstration",
                          "Mob violence",
                          "Agreement",
                          "Arrests",
                          "Change to group/activity",
                          "Disrupted weapons use",
                          "Headquarters or base established",
                          "Looting/property destruction",
                          "Non-violent transfer of territory",
                          "Other"}) {
    EXPECT_TRUE(named.count(sub)) << sub;
  }
}

// The shipped rules through the whole engine.
class AcledEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options options;
    options.min_confidence = 0;
    auto engine = Engine::Create(options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  // The first event of `cameo_root` coded from `text`.
  static std::optional<Event> First(const std::string& text, const std::string& cameo_root) {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.published = Date{2020, 5, 10};
    auto events = engine_->Code(doc);
    EXPECT_TRUE(events.ok());
    if (!events.ok()) return std::nullopt;
    for (const Event& e : *events) {
      if (e.cameo.root == cameo_root) return e;
    }
    return std::nullopt;
  }
  static Engine* engine_;
};
Engine* AcledEngineTest::engine_ = nullptr;

TEST_F(AcledEngineTest, CiviliansKilledByShellingAreCivilianTargeting) {
  auto e = First("Syrian government forces shelled the village, killing two civilians.", "19");
  ASSERT_TRUE(e && e->acled);
  EXPECT_EQ(e->acled->event_type, "Explosions/Remote violence");
  EXPECT_EQ(e->acled->sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(e->acled->disorder_type, "Political violence");
  EXPECT_TRUE(e->acled->civilian_targeting);
  EXPECT_EQ(e->acled->inter1, 1);
}

TEST_F(AcledEngineTest, FightingBetweenArmedGroupsIsABattleWithoutCivilianTargeting) {
  auto e = First("Rebels clashed with government forces near Hama.", "19");
  ASSERT_TRUE(e && e->acled);
  EXPECT_EQ(e->acled->event_type, "Battles");
  EXPECT_EQ(e->acled->sub_event_type, "Armed clash");
  EXPECT_FALSE(e->acled->civilian_targeting);
  EXPECT_EQ(e->acled->interaction, 12);
}

TEST_F(AcledEngineTest, PoliceForceAgainstProtestersPutsTheProtestersFirst) {
  auto e = First("Security forces opened fire on protesters in Homs, killing three.", "19");
  if (!e) e = First("Security forces opened fire on protesters in Homs, killing three.", "18");
  ASSERT_TRUE(e && e->acled);
  EXPECT_EQ(e->acled->sub_event_type, "Excessive force against protesters");
  EXPECT_EQ(e->acled->disorder_type, "Political violence; Demonstrations");
  EXPECT_EQ(e->acled->inter1, 6);
  EXPECT_EQ(e->acled->inter2, 1);
  EXPECT_EQ(e->acled->interaction, 16);
}

TEST_F(AcledEngineTest, StatementsHaveNoAcledType) {
  auto e = First("Russia criticised Turkey on Monday.", "11");
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->acled);
}

}  // namespace
}  // namespace palmyra
