#include "lexical/lemmatizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/build_config.h"
#include "core/file.h"

namespace palmyra {
namespace {

class LemmatizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    lemmatizer_ = std::move(loaded).value().release();
  }
  static Lemmatizer* lemmatizer_;
};
Lemmatizer* LemmatizerTest::lemmatizer_ = nullptr;

TEST_F(LemmatizerTest, RegularAndIrregularVerbs) {
  EXPECT_EQ(lemmatizer_->Lemma("killed", WordClass::kVerb), "kill");
  EXPECT_EQ(lemmatizer_->Lemma("stopped", WordClass::kVerb), "stop");
  EXPECT_EQ(lemmatizer_->Lemma("dying", WordClass::kVerb), "die");
  EXPECT_EQ(lemmatizer_->Lemma("fled", WordClass::kVerb), "flee");
  EXPECT_EQ(lemmatizer_->Lemma("was", WordClass::kVerb), "be");
  EXPECT_EQ(lemmatizer_->Lemma("seized", WordClass::kVerb), "seize");
  EXPECT_EQ(lemmatizer_->Lemma("attacks", WordClass::kVerb), "attack");
  // "-es" after a hissing sound or "o" only.
  EXPECT_EQ(lemmatizer_->Lemma("passes", WordClass::kVerb), "pass");
  EXPECT_EQ(lemmatizer_->Lemma("goes", WordClass::kVerb), "go");
  EXPECT_EQ(lemmatizer_->Lemma("reaches", WordClass::kVerb), "reach");
  EXPECT_EQ(lemmatizer_->Lemma("makes", WordClass::kVerb), "make");
  EXPECT_NE(lemmatizer_->Lemma("departes", WordClass::kVerb), "depart");
}

TEST_F(LemmatizerTest, NounsIncludingWordsWordNetLacks) {
  EXPECT_EQ(lemmatizer_->Lemma("forces", WordClass::kNoun), "force");
  EXPECT_EQ(lemmatizer_->Lemma("men", WordClass::kNoun), "man");
  EXPECT_EQ(lemmatizer_->Lemma("militias", WordClass::kNoun), "militia");
  EXPECT_EQ(lemmatizer_->Lemma("casualties", WordClass::kNoun), "casualty");
  EXPECT_EQ(lemmatizer_->Lemma("airstrikes", WordClass::kNoun), "airstrike");
  EXPECT_EQ(lemmatizer_->Lemma("news", WordClass::kNoun), "news");
}

TEST_F(LemmatizerTest, ByTagAndContractions) {
  EXPECT_EQ(lemmatizer_->LemmaForTag("better", PosTag::JJR), "good");
  EXPECT_EQ(lemmatizer_->LemmaForTag("'s", PosTag::VBZ), "be");
  EXPECT_EQ(lemmatizer_->LemmaForTag("wo", PosTag::MD), "will");
  EXPECT_EQ(lemmatizer_->LemmaForTag("n't", PosTag::RB), "not");
  EXPECT_EQ(lemmatizer_->LemmaForTag("russians", PosTag::NNPS), "russian");
  EXPECT_EQ(lemmatizer_->LemmaForTag("moscow", PosTag::NNP), "moscow");
  EXPECT_TRUE(lemmatizer_->IsLemma("attack", WordClass::kVerb));
  EXPECT_FALSE(lemmatizer_->IsLemma("attack", WordClass::kAdverb));
}

TEST(LemmatizerLoadTest, MissingWordNetIsAClearError) {
  auto loaded = Lemmatizer::Load("/nonexistent", PALMYRA_TEST_DATA_DIR);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("wordnet-base"), std::string::npos);
}

TEST_F(LemmatizerTest, AnswersRememberedByOneLemmatizerAreNotAnothers) {
  // A second lemmatizer whose own lemma list makes "shelled" a form of
  // "shellfish": each gives its own answer, asked in turn, whatever the
  // other has already worked out on this thread.
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "palmyra_lemmatizer_test";
  std::filesystem::create_directories(dir / "lexical");
  std::ofstream(dir / "lexical" / "lemmas.txt") << "shelled verb shellfish\n";
  auto other = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, dir.string());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(lemmatizer_->Lemma("shelled", WordClass::kVerb), "shell");
    EXPECT_EQ((*other)->Lemma("shelled", WordClass::kVerb), "shellfish");
    // A word's classes and its lemmas as different classes are kept apart.
    EXPECT_EQ(lemmatizer_->Classes("attacks"),
              static_cast<uint8_t>(WordClass::kNoun) | static_cast<uint8_t>(WordClass::kVerb));
    EXPECT_EQ(lemmatizer_->Lemma("attacks", WordClass::kNoun), "attack");
    EXPECT_EQ(lemmatizer_->LemmaForTag("talks", PosTag::NNS), "talk");
    EXPECT_EQ(lemmatizer_->Lemma("airlifted", WordClass::kVerb), "airlift");
  }
  std::filesystem::remove_all(dir);
}

TEST(LemmatizerLoadTest, TablesAreCompiledOnceAndAgainWhenAFileChanges) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "palmyra_lemmatizer_image_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "lexical");
  std::ofstream(dir / "lexical" / "lemmas.txt") << "shelled verb shellfish\n";
  const std::string images = (dir / "model").string();
  auto first = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, dir.string(), images);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const std::filesystem::path image = dir / "model" / "wordnet.idx";
  ASSERT_TRUE(std::filesystem::exists(image));
  const auto written = std::filesystem::last_write_time(image);
  auto second = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, dir.string(), images);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(std::filesystem::last_write_time(image), written);  // mapped, not written again
  for (const auto* l : {first->get(), second->get()}) {
    EXPECT_EQ(l->Lemma("shelled", WordClass::kVerb), "shellfish");
    EXPECT_EQ(l->Lemma("attacks", WordClass::kNoun), "attack");
    EXPECT_EQ(l->Lemma("withdrew", WordClass::kVerb), "withdraw");
    EXPECT_EQ(l->Classes("the"), 0);
    EXPECT_TRUE(l->IsLemma("treaty", WordClass::kNoun));
    EXPECT_FALSE(l->IsLemma("treaty", WordClass::kVerb));
  }
  // The project's lemma list changes: the tables follow.
  std::ofstream(dir / "lexical" / "lemmas.txt") << "shelled verb shellacked\n";
  auto third = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, dir.string(), images);
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ((*third)->Lemma("shelled", WordClass::kVerb), "shellacked");
  // A damaged image is compiled again rather than read.
  ASSERT_TRUE(WriteFile(image.string(), "PLMYIMG1 and nothing more").ok());
  auto fourth = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, dir.string(), images);
  ASSERT_TRUE(fourth.ok()) << fourth.status().ToString();
  EXPECT_EQ((*fourth)->Lemma("shelled", WordClass::kVerb), "shellacked");
  std::filesystem::remove_all(dir);
}

TEST(AgeNounTest, PeopleNamedByTheirAge) {
  EXPECT_EQ(AgeNoun("36-year-old"), "year-old");
  EXPECT_EQ(AgeNoun("five-year-olds"), "year-old");
  EXPECT_EQ(AgeNoun("thirty-two-year-old"), "year-old");
  EXPECT_EQ(AgeNoun("18-month-old"), "month-old");
  EXPECT_EQ(AgeNoun("year-old"), "");
  EXPECT_EQ(AgeNoun("36-year-olders"), "");
  EXPECT_EQ(AgeNoun("B52-year-old"), "");
  EXPECT_EQ(AgeNoun("old"), "");
}

}  // namespace
}  // namespace palmyra
