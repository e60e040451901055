#include "entities/actor_composer.h"

#include "entities/entity_fixture.h"

namespace palmyra {
namespace {

using ::testing::ElementsAre;

class ActorComposerTest : public ::testing::Test {
 protected:
  EntityFixture f_;
};

TEST_F(ActorComposerTest, CountryAdjectiveWithAgent) {
  f_.Run("Syrian government forces shelled the town.");
  EXPECT_EQ(f_.CodeOf("Syrian government forces"), "SYRMIL");
  f_.Run("A Russian military adviser was killed.");
  EXPECT_EQ(f_.CodeOf("Russian military adviser"), "RUSMIL");
  f_.Run("Syrian rebel groups rejected the plan.");
  EXPECT_EQ(f_.CodeOf("Syrian rebel groups"), "SYRREB");
  f_.Run("US officials met Iranian diplomats.");
  EXPECT_EQ(f_.CodeOf("US officials"), "USAGOV");
  EXPECT_EQ(f_.CodeOf("Iranian diplomats"), "IRNGOV");
}

TEST_F(ActorComposerTest, GenericAgentsYieldToSpecificOnes) {
  f_.Run("A rebel commander and a military official spoke.");
  EXPECT_EQ(f_.CodeOf("rebel commander"), "REB");
  EXPECT_EQ(f_.CodeOf("military official"), "MIL");
}

TEST_F(ActorComposerTest, PossessorsAndOfPhrases) {
  f_.Run("Russia's defence ministry said the president of Armenia had left.");
  EXPECT_EQ(f_.CodeOf("Russia's defence ministry"), "RUSMIL");
  EXPECT_EQ(f_.CodeOf("president of Armenia"), "ARMGOV");
}

TEST_F(ActorComposerTest, CoordinatedCountriesShareTheAgent) {
  const Analysis& a = f_.Run("Hungarian and Romanian officials agreed.");
  EXPECT_THAT(f_.Actors(), ElementsAre("Hungarian and Romanian officials=HUNGOV",
                                       "Hungarian and Romanian officials=ROUGOV"));
  (void)a;
}

TEST_F(ActorComposerTest, AnAgentOfSeveralCountriesIsOneActorForEach) {
  const Analysis& a = f_.Run("The ambassadors of Russia, Iran and Turkey met in Ankara.");
  std::vector<std::string> codes;
  for (const PhraseActor& x : a.actors) {
    if (a.Key(a.phrases[x.phrase].head) == "ambassadors") codes.push_back(x.code);
  }
  EXPECT_THAT(codes, ElementsAre("RUSGOV", "IRNGOV", "TURGOV"));
  const Analysis& b = f_.Run("Lawmakers in Russia and Iran condemned the vote.");
  codes.clear();
  for (const PhraseActor& x : b.actors) {
    if (b.Key(b.phrases[x.phrase].head) == "lawmakers") codes.push_back(x.code);
  }
  EXPECT_THAT(codes, ElementsAre("RUSLEG", "IRNLEG"));
  // Agents joined by "and" share the countries.
  const Analysis& c = f_.Run("Lawmakers and officials in Russia and Iran condemned the vote.");
  codes.clear();
  for (const PhraseActor& x : c.actors) {
    const std::string_view head = c.Key(c.phrases[x.phrase].head);
    if (head == "lawmakers" || head == "officials") codes.push_back(x.code);
  }
  EXPECT_THAT(codes, ::testing::UnorderedElementsAre("RUSLEG", "IRNLEG", "RUSGOV", "IRNGOV"));
}

TEST_F(ActorComposerTest, ABareAgentAfterAndSharesTheCountry) {
  f_.Run("Danish media and government warned of the risks.");
  EXPECT_EQ(f_.CodeOf("government"), "DNKGOV");
  f_.Run("Danish media and Iran warned of the risks.");
  EXPECT_EQ(f_.CodeOf("Iran"), "IRN");  // a name keeps its own country
}

TEST_F(ActorComposerTest, OrganisationsWithAndWithoutRoles) {
  f_.Run("UN peacekeepers and Hezbollah fighters and the Kurdistan Workers' Party.");
  EXPECT_EQ(f_.CodeOf("UN peacekeepers"), "IGOUNOMIL");
  EXPECT_EQ(f_.CodeOf("Hezbollah fighters"), "LBNREBHEZ");
  EXPECT_EQ(f_.CodeOf("Kurdistan Workers' Party"), "TURREBPKK");
  f_.Run("Isis and al-Qaeda fighters joined the Islamic State of Iraq and the Levant.");
  EXPECT_THAT(f_.Actors(), ElementsAre("Isis and al-Qaeda fighters=IMGREBISI",
                                       "Isis and al-Qaeda fighters=IMGREBAQD",
                                       "Islamic State of Iraq and the Levant=IMGREBISI"));
  f_.Run("IS fighters shelled it. It is late.");
  EXPECT_EQ(f_.CodeOf("IS fighters"), "IMGREBISI");
  EXPECT_EQ(f_.Actors().size(), 1u);
}

TEST_F(ActorComposerTest, CodesDependOnTheDate) {
  f_.Run("Vladimir Putin spoke.", "2015-03-17");
  EXPECT_EQ(f_.CodeOf("Vladimir Putin"), "RUSGOV");
  f_.Run("Vladimir Putin spoke.", "1995-03-17");
  EXPECT_EQ(f_.CodeOf("Vladimir Putin"), "RUSELI");
  f_.Run("The Taliban attacked.", "2020-01-10");
  EXPECT_EQ(f_.CodeOf("Taliban"), "AFGREBTAL");
  f_.Run("The Taliban attacked.", "2022-01-10");
  EXPECT_EQ(f_.CodeOf("Taliban"), "AFGGOVTAL");
}

TEST_F(ActorComposerTest, CapitalsStandForGovernmentsAndLowerCaseIsNotAName) {
  const Analysis& a = f_.Run("Moscow said the talks were good for us.");
  EXPECT_EQ(f_.CodeOf("Moscow"), "RUSGOV");
  ASSERT_NE(a.ActorOf(a.actors[0].phrase), nullptr);
  EXPECT_TRUE(a.actors[0].place_like);
  EXPECT_EQ(f_.CodeOf("us"), "none");
}

TEST_F(ActorComposerTest, AppositionsShareTheActor) {
  f_.Run("Ivan Petrov, the Russian foreign minister, said so.");
  EXPECT_EQ(f_.CodeOf("Ivan Petrov"), "RUSGOV");
}

}  // namespace
}  // namespace palmyra
