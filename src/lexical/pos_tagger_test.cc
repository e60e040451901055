#include "lexical/pos_tagger.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/build_config.h"
#include "core/file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

class PosTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = PosTagger::Load(std::string(PALMYRA_DEFAULT_MODEL_DIR) + "/tagger.bin");
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    tagger_ = std::move(loaded).value().release();
    auto lexicon = Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    lexicon_ = std::move(lexicon).value().release();
    tagger_->SetLexicon(lexicon_);
  }
  static PosTagger* tagger_;
  static Lemmatizer* lexicon_;
};
PosTagger* PosTaggerTest::tagger_ = nullptr;
Lemmatizer* PosTaggerTest::lexicon_ = nullptr;

std::vector<std::string> Tags(const PosTagger& tagger, const std::vector<std::string_view>& words) {
  std::vector<PosTag> tags;
  tagger.TagWords(words, &tags);
  std::vector<std::string> out;
  for (PosTag t : tags) out.emplace_back(PosTagName(t));
  return out;
}

TEST_F(PosTaggerTest, TagsANewsSentence) {
  const auto tags =
      Tags(*tagger_, {"Russia", "will", "keep", "its", "air", "base", "near", "Latakia", "."});
  EXPECT_EQ(tags[0], "NNP");
  EXPECT_EQ(tags[1], "MD");
  EXPECT_EQ(tags[2], "VB");
  EXPECT_EQ(tags[3], "PRP$");
  EXPECT_EQ(tags[5], "NN");
  EXPECT_EQ(tags[6], "IN");
  EXPECT_EQ(tags[7], "NNP");
  EXPECT_EQ(tags[8], ".");
}

TEST_F(PosTaggerTest, DistinguishesPastTenseFromPassiveParticiple) {
  const auto active = Tags(*tagger_, {"Militants", "killed", "two", "soldiers", "."});
  EXPECT_EQ(active[1], "VBD");
  const auto passive =
      Tags(*tagger_, {"Two", "soldiers", "were", "killed", "by", "militants", "."});
  EXPECT_EQ(passive[2], "VBD");
  EXPECT_EQ(passive[3], "VBN");
}

// Accuracy on news sentences tagged by hand (tests/data/pos_news_sample.txt).
TEST_F(PosTaggerTest, AccurateOnHandTaggedNews) {
  auto sample = ReadFile(std::string(PALMYRA_TEST_SOURCE_DIR) + "/tests/data/pos_news_sample.txt");
  ASSERT_TRUE(sample.ok());
  size_t total = 0, right = 0;
  std::vector<std::string> errors;
  for (std::string_view line : Split(*sample, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> words, gold;
    for (std::string_view item : SplitWhitespace(line)) {
      const size_t slash = item.rfind('/');
      words.emplace_back(item.substr(0, slash));
      gold.emplace_back(item.substr(slash + 1));
    }
    std::vector<std::string_view> views(words.begin(), words.end());
    const auto tags = Tags(*tagger_, views);
    for (size_t i = 0; i < words.size(); ++i) {
      ++total;
      if (tags[i] == gold[i]) {
        ++right;
      } else {
        errors.push_back(words[i] + " " + tags[i] + " (gold " + gold[i] + ")");
      }
    }
  }
  ASSERT_GT(total, 100u);
  const double accuracy = static_cast<double>(right) / total;
  std::string listing;
  for (const auto& e : errors) listing += e + "; ";
  EXPECT_GE(accuracy, 0.93) << "errors: " << listing;
}

TEST(PosTaggerLoadTest, RejectsAFileThatIsNotAModel) {
  const std::string path = ::testing::TempDir() + "/not_a_model.bin";
  ASSERT_TRUE(WriteFile(path, "hello").ok());
  auto loaded = PosTagger::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("not a Palmyra tagger model"), std::string::npos);
  EXPECT_FALSE(PosTagger::Load(path + ".missing").ok());
}

TEST(PosTaggerLoadTest, TheModelIsCompiledBesideItAndMappedAfterwards) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "palmyra_tagger_image_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::string(PALMYRA_DEFAULT_MODEL_DIR) + "/tagger.bin",
                             dir / "tagger.bin");
  const std::string model = (dir / "tagger.bin").string();
  const std::vector<std::string_view> words = {"The",  "rebels", "shelled", "the",
                                               "town", "on",     "Monday",  "."};
  const std::vector<std::string> expected = {"DT", "NNS", "VBD", "DT", "NN", "IN", "NNP", "."};
  auto first = PosTagger::Load(model);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(std::filesystem::exists(dir / "tagger.idx"));
  EXPECT_EQ(Tags(**first, words), expected);
  const auto written = std::filesystem::last_write_time(dir / "tagger.idx");
  auto second = PosTagger::Load(model);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(std::filesystem::last_write_time(dir / "tagger.idx"), written);
  EXPECT_EQ(Tags(**second, words), expected);
  EXPECT_EQ((*second)->num_features(), (*first)->num_features());
  // A damaged image is compiled again.
  ASSERT_TRUE(WriteFile((dir / "tagger.idx").string(), "PLMYIMG1 truncated").ok());
  auto third = PosTagger::Load(model);
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(Tags(**third, words), expected);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace palmyra
