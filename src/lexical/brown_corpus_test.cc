#include "lexical/brown_corpus.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace palmyra {
namespace {

using ::testing::ElementsAre;

class BrownConverterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded =
        BrownConverter::Load(std::string(PALMYRA_TEST_DATA_DIR) + "/lexical/brown_tags.txt");
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    converter_ = std::make_unique<BrownConverter>(std::move(loaded).value());
  }
  // "word/TAG word/TAG ..." of the converted line.
  std::vector<std::string> Convert(const std::string& line) {
    TaggedSentence s;
    EXPECT_TRUE(converter_->ConvertLine(line, &s));
    std::vector<std::string> out;
    for (size_t i = 0; i < s.words.size(); ++i) {
      out.push_back(s.words[i] + "/" + std::string(PosTagName(s.tags[i])));
    }
    return out;
  }
  std::unique_ptr<BrownConverter> converter_;
};

TEST_F(BrownConverterTest, TitleWordsBecomeProperNouns) {
  EXPECT_THAT(Convert("\tThe/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl said/vbd ./."),
              ElementsAre("The/DT", "Fulton/NNP", "County/NNP", "Grand/NNP", "Jury/NNP", "said/VBD",
                          "./."));
}

TEST_F(BrownConverterTest, SplitsPossessivesContractionsAndNegations) {
  EXPECT_THAT(Convert("Atlanta's/np$ it's/pps+bez don't/do* can't/md* cannot/md*"),
              ElementsAre("Atlanta/NNP", "'s/POS", "it/PRP", "'s/VBZ", "do/VBP", "n't/RB", "ca/MD",
                          "n't/RB", "can/MD", "not/RB"));
}

TEST_F(BrownConverterTest, ChoosesBaseFormOrPresentTenseFromContext) {
  EXPECT_THAT(Convert("They/ppss go/vb home/nr"), ElementsAre("They/PRP", "go/VBP", "home/NN"));
  EXPECT_THAT(Convert("He/pps can/md not/* go/vb"),
              ElementsAre("He/PRP", "can/MD", "not/RB", "go/VB"));
  EXPECT_THAT(Convert("to/to go/vb ;/. to/in town/nn"),
              ElementsAre("to/TO", "go/VB", ";/:", "to/TO", "town/NN"));
  EXPECT_THAT(Convert("Go/vb home/nr"), ElementsAre("Go/VB", "home/NN"));
}

TEST_F(BrownConverterTest, PredeterminersAndTreebankConventions) {
  EXPECT_THAT(Convert("all/abn the/at men/nns and/cc all/abn came/vbd"),
              ElementsAre("all/PDT", "the/DT", "men/NNS", "and/CC", "all/DT", "came/VBD"));
  EXPECT_THAT(Convert("according/in to/in more/ap"),
              ElementsAre("according/VBG", "to/TO", "more/JJR"));
}

}  // namespace
}  // namespace palmyra
