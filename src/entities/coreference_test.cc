#include "entities/coreference.h"

#include "entities/entity_fixture.h"

namespace palmyra {
namespace {

class CoreferenceTest : public ::testing::Test {
 protected:
  EntityFixture f_;
};

TEST_F(CoreferenceTest, PossessivePronounGivesTheCountry) {
  f_.Run("Russia will keep its air base near Latakia, from which its jets have flown strikes.");
  EXPECT_EQ(f_.CodeOf("its jets"), "RUSMIL");
}

TEST_F(CoreferenceTest, PersonalPronounsFindTheirPerson) {
  f_.Run("President Vladimir Putin met the envoy. He said the talks went well.", "2017-01-01");
  EXPECT_EQ(f_.CodeOf("He"), "RUSGOV");
  f_.Run("Syrian rebels shelled the town. They said the army had fled.");
  EXPECT_EQ(f_.CodeOf("They"), "SYRREB");
}

TEST_F(CoreferenceTest, DescriptionsAndAgentsWithoutTheirCountry) {
  f_.Run("Islamic State claimed the attack. The group said it would strike again.");
  EXPECT_EQ(f_.CodeOf("The group"), "IMGREBISI");
  f_.Run("Syrian rebels seized the town. Later the rebels withdrew.");
  EXPECT_EQ(f_.CodeOf("rebels"), "SYRREB");  // the second mention, "the rebels"
  f_.Run("Turkey closed the border. The country said refugees must wait.");
  EXPECT_EQ(f_.CodeOf("The country"), "TUR");
}

TEST_F(CoreferenceTest, UnresolvedPronounsHaveNoActor) {
  f_.Run("It rained. They left.");
  EXPECT_EQ(f_.CodeOf("They"), "none");
  EXPECT_EQ(f_.CodeOf("It"), "none");
}

}  // namespace
}  // namespace palmyra
