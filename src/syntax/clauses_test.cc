#include "syntax/clauses.h"

#include "syntax/syntax_fixture.h"

namespace palmyra {
namespace {

class ClausesTest : public ::testing::Test {
 protected:
  SyntaxFixture stage_;
};

TEST_F(ClausesTest, SubjectsAndObjectsOfSimpleClauses) {
  stage_.Run("Militants killed two Russian advisers near Palmyra last week.");
  EXPECT_EQ(stage_.Subject("killed"), "Militants");
  EXPECT_EQ(stage_.Object("killed"), "two Russian advisers");
  stage_.Run("On Thursday, Russian jets bombed rebel positions.");
  EXPECT_EQ(stage_.Subject("bombed"), "Russian jets");
  EXPECT_EQ(stage_.Object("bombed"), "rebel positions");
  stage_.Run("The leader of the group criticised the government.");
  EXPECT_EQ(stage_.Subject("criticised"), "The leader");
}

TEST_F(ClausesTest, PassiveAgentAndReducedRelatives) {
  const Analysis& a = stage_.Run("Two soldiers were killed by militants.");
  const VerbGroup* killed = stage_.Group("killed");
  ASSERT_NE(killed, nullptr);
  EXPECT_TRUE(killed->passive);
  EXPECT_EQ(stage_.Subject("killed"), "Two soldiers");
  EXPECT_EQ(stage_.PhraseText(killed->by_agent), "militants");
  (void)a;
  stage_.Run("Police found the bodies of three men abducted by gunmen.");
  const VerbGroup* abducted = stage_.Group("abducted");
  ASSERT_NE(abducted, nullptr);
  EXPECT_EQ(abducted->kind, ClauseKind::kReducedRelative);
  EXPECT_TRUE(abducted->passive);
  EXPECT_EQ(stage_.Subject("abducted"), "three men");
}

TEST_F(ClausesTest, PrepositionalAsidesBetweenSubjectAndVerb) {
  stage_.Run("The foreign minister, in remarks published on Monday, urged Iran to respond.");
  EXPECT_EQ(stage_.Subject("urged"), "The foreign minister");
  // A subordinate clause after a comma is no aside: "After the talks, ..."
  stage_.Run("After the talks in Geneva, the minister urged Iran to respond.");
  EXPECT_EQ(stage_.Subject("urged"), "the minister");
}

TEST_F(ClausesTest, RelativeClausesAndAppositions) {
  stage_.Run("Rebels, who had surrounded the town, attacked the base.");
  EXPECT_EQ(stage_.Subject("surrounded"), "Rebels");
  EXPECT_EQ(stage_.Group("surrounded")->kind, ClauseKind::kRelative);
  EXPECT_EQ(stage_.Subject("attacked"), "Rebels");
  stage_.Run("Sergei Lavrov, the Russian foreign minister, criticised the plan.");
  EXPECT_EQ(stage_.Subject("criticised"), "Sergei Lavrov");
  stage_.Run("Militants who attacked the base fled.");
  EXPECT_EQ(stage_.Subject("fled"), "Militants");
  stage_.Run("The town which rebels captured was shelled.");
  EXPECT_EQ(stage_.Subject("captured"), "rebels");
  EXPECT_EQ(stage_.Object("captured"), "The town");
}

TEST_F(ClausesTest, CoordinatedVerbsShareTheSubject) {
  stage_.Run("Gunmen stormed the village and killed ten people.");
  EXPECT_EQ(stage_.Subject("killed"), "Gunmen");
  EXPECT_TRUE(stage_.Group("killed")->coordinated);
  EXPECT_EQ(stage_.Object("killed"), "ten people");
}

TEST_F(ClausesTest, InfinitivesTakeTheSubjectOrTheObjectOfTheirGovernor) {
  stage_.Run("Turkey threatened to launch a new offensive.");
  EXPECT_EQ(stage_.Subject("launch"), "Turkey");
  EXPECT_EQ(stage_.Group("launch")->kind, ClauseKind::kInfinitive);
  stage_.Run("The United Nations urged Russia to withdraw its troops.");
  EXPECT_EQ(stage_.Subject("withdraw"), "Russia");
  stage_.Run("France called on Iran to release the prisoners.");
  EXPECT_EQ(stage_.Subject("release"), "Iran");
}

TEST_F(ClausesTest, SubordinateAndConditionalClauses) {
  stage_.Run("The army retreated after militants attacked the base.");
  EXPECT_EQ(stage_.Subject("attacked"), "militants");
  EXPECT_EQ(stage_.Group("attacked")->kind, ClauseKind::kSubordinate);
  EXPECT_EQ(stage_.Subject("retreated"), "The army");
  stage_.Run("If required, the troops will be ready to fight.");
  EXPECT_TRUE(stage_.Group("required")->hypothetical);
  EXPECT_TRUE(stage_.Group("be")->hypothetical);
}

TEST_F(ClausesTest, ReportedSpeechFrames) {
  const Analysis& a = stage_.Run("Russia will keep its air base, the Kremlin said on Thursday.");
  const VerbGroup* keep = stage_.Group("keep");
  ASSERT_NE(keep, nullptr);
  ASSERT_GE(keep->reported_by, 0);
  EXPECT_EQ(stage_.PhraseText(a.verb_groups[keep->reported_by].subject), "the Kremlin");

  const Analysis& b = stage_.Run("The ministry said that militants had attacked a checkpoint.");
  const VerbGroup* attacked = stage_.Group("attacked");
  ASSERT_GE(attacked->reported_by, 0);
  EXPECT_EQ(stage_.PhraseText(b.verb_groups[attacked->reported_by].subject), "The ministry");
  EXPECT_EQ(stage_.Subject("attacked"), "militants");

  stage_.Run("\"We will destroy them,\" the commander said.");
  EXPECT_GE(stage_.Group("destroy")->reported_by, 0);

  stage_.Run("Rebels shelled the city, said the army.");
  EXPECT_GE(stage_.Group("shelled")->reported_by, 0);
  EXPECT_EQ(stage_.Subject("said"), "the army");

  const Analysis& c = stage_.Run("According to the ministry, rebels shelled the city.");
  const VerbGroup* shelled = stage_.Group("shelled");
  ASSERT_GE(shelled->according_to, 0);
  EXPECT_EQ(stage_.PhraseText(shelled->according_to), "the ministry");
  (void)c;
}

TEST_F(ClausesTest, QuotesRunningOverSentencesAreAttributed) {
  const Analysis& a =
      stage_.Run("\"We will attack the city. We will not stop,\" the commander told reporters.");
  const VerbGroup* attack = stage_.Group("attack");
  ASSERT_NE(attack, nullptr);
  ASSERT_GE(attack->reported_by, 0);
  EXPECT_EQ(a.Form(a.verb_groups[attack->reported_by].main), "told");
}

TEST_F(ClausesTest, CoordinatedNounPhrases) {
  const Analysis& a = stage_.Run("Airstrikes hit Jabhat al-Nusra, Ahrar al-Sham and Isis.");
  const VerbGroup* hit = stage_.Group("hit");
  ASSERT_NE(hit, nullptr);
  ASSERT_GE(hit->object, 0);
  const auto list =
      CoordinatedPhrases(a, hit->object, a.sentence_phrase_begin[0], a.sentence_phrase_begin[1]);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(stage_.PhraseText(list[2]), "Isis");
  const Analysis& b = stage_.Run("In Syria, Russia and Iran backed the government.");
  const VerbGroup* backed = stage_.Group("backed");
  const auto subjects = CoordinatedPhrases(b, backed->subject, b.sentence_phrase_begin[0],
                                           b.sentence_phrase_begin[1]);
  ASSERT_EQ(subjects.size(), 2u);
  EXPECT_EQ(stage_.PhraseText(subjects[0]), "Russia");
}

TEST_F(ClausesTest, APluralNounBeforeAPastVerbIsNoVerb) {
  // The tagger reads "crowds" as a verb; before "burned" it is the subject.
  stage_.Run("Five years after Calenardhon crowds burned down its embassy, the talks began.");
  EXPECT_EQ(stage_.Subject("burned"), "Calenardhon crowds");
}

TEST_F(ClausesTest, ASerialCommaBeforeAndKeepsTheList) {
  const Analysis& a = stage_.Run("Russia, the United States, and Iran condemned the attack.");
  const VerbGroup* condemned = stage_.Group("condemned");
  ASSERT_NE(condemned, nullptr);
  const auto subjects = CoordinatedPhrases(a, condemned->subject, a.sentence_phrase_begin[0],
                                           a.sentence_phrase_begin[1]);
  ASSERT_EQ(subjects.size(), 3u);
  EXPECT_EQ(stage_.PhraseText(subjects[0]), "Russia");
}

TEST_F(ClausesTest, AVerbAfterAnAuxiliaryAndAdverbsIsAVerb) {
  // The tagger reads "clash" after "ever" as a noun.
  stage_.Run("The minister did not even ever clash over the plan.");
  const VerbGroup* clash = stage_.Group("clash");
  ASSERT_NE(clash, nullptr);
  EXPECT_TRUE(clash->negated);
  // ... and "even" after "won't" as a verb, and "clash" as a present tense.
  stage_.Run("The minister won't even ever clash over the plan.");
  clash = stage_.Group("clash");
  ASSERT_NE(clash, nullptr);
  EXPECT_TRUE(clash->negated);
  EXPECT_TRUE(clash->future);
  EXPECT_EQ(stage_.Subject("clash"), "The minister");
}

TEST_F(ClausesTest, OnBeforeAWeekdayIsNotAParticle) {
  // The tagger reads "on" after "threatened" as a particle ("turned on").
  stage_.Run("The parliament threatened on Monday to break relations with Russia.");
  const VerbGroup* threatened = stage_.Group("threatened");
  ASSERT_NE(threatened, nullptr);
  EXPECT_FALSE(threatened->has_particle);
  EXPECT_EQ(threatened->end - threatened->begin, 1u);
  EXPECT_EQ(stage_.Subject("break"), "The parliament");
}

TEST_F(ClausesTest, CoordinatedSubjectsAfterThatOrAfter) {
  stage_.Run("Officials noted that Gondor and Osgiliath have delayed their meeting.");
  EXPECT_EQ(stage_.Subject("delayed"), "Gondor");  // the first conjunct
  const VerbGroup* delayed = stage_.Group("delayed");
  ASSERT_NE(delayed, nullptr);
  EXPECT_EQ(delayed->kind, ClauseKind::kComplement);
  stage_.Run("They left after Russia and Iran attacked the town.");
  EXPECT_EQ(stage_.Subject("attacked"), "Russia");
  // Inside a prepositional phrase the names are no subject.
  stage_.Run("Talks between Armenia and Azerbaijan began.");
  EXPECT_EQ(stage_.Subject("began"), "Talks");
}

TEST_F(ClausesTest, AListOfNamesAfterOfBelongsToItsNoun) {
  stage_.Run("The ambassadors of Russia, Iran and Turkey presented their credentials.");
  EXPECT_EQ(stage_.Subject("presented"), "The ambassadors");
}

}  // namespace
}  // namespace palmyra
