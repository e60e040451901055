#include "resolve/numbers.h"

#include <gtest/gtest.h>

#include "text/text_fixture.h"

namespace palmyra {
namespace {

TEST(DigitValueTest, ReadsDigitsSeparatorsAndDecimals) {
  EXPECT_EQ(DigitValue("12"), 12.0);
  EXPECT_EQ(DigitValue("1,200"), 1200.0);
  EXPECT_EQ(DigitValue("1,200,000"), 1200000.0);
  EXPECT_EQ(DigitValue("3.5"), 3.5);
  EXPECT_EQ(DigitValue("2011"), 2011.0);
  EXPECT_FALSE(DigitValue("12th"));
  EXPECT_FALSE(DigitValue("1,20"));  // not a thousands separator
  EXPECT_FALSE(DigitValue("1234,567"));
  EXPECT_FALSE(DigitValue("14/03"));
  EXPECT_FALSE(DigitValue("3-0"));
  EXPECT_FALSE(DigitValue("3."));
  EXPECT_FALSE(DigitValue(""));
}

class NumberReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reader = NumberReader::Load(PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    reader_ = std::move(reader).value();
  }
  // The number at the start of `text` and how many tokens it takes.
  std::pair<double, uint32_t> Read(const std::string& text) {
    const Analysis& a = fixture_.Run(text);
    uint32_t end = 0;
    const std::optional<double> v =
        reader_->Read(a, 0, static_cast<uint32_t>(a.tokens.size()), &end);
    return {v ? *v : -1.0, v ? end : 0};
  }
  TextFixture fixture_;
  std::unique_ptr<NumberReader> reader_;
};

TEST_F(NumberReaderTest, ReadsNumbersInDigitsAndWords) {
  EXPECT_EQ(Read("12 soldiers"), std::make_pair(12.0, 1u));
  EXPECT_EQ(Read("four servicemen"), std::make_pair(4.0, 1u));
  EXPECT_EQ(Read("thirty-five people"), std::make_pair(35.0, 1u));
  EXPECT_EQ(Read("thirty five people"), std::make_pair(35.0, 2u));
  EXPECT_EQ(Read("two hundred and fifty people"), std::make_pair(250.0, 4u));
  EXPECT_EQ(Read("3.5 million people"), std::make_pair(3500000.0, 2u));
  EXPECT_EQ(Read("1.2 billion dollars"), std::make_pair(1200000000.0, 2u));
  EXPECT_EQ(Read("a dozen"), std::make_pair(12.0, 2u));
  EXPECT_EQ(Read("a hundred people"), std::make_pair(100.0, 2u));
  EXPECT_EQ(Read("two thousand five hundred"), std::make_pair(2500.0, 4u));
}

TEST_F(NumberReaderTest, StopsWhereTheNumberEnds) {
  EXPECT_EQ(Read("five six"), std::make_pair(5.0, 1u));  // two numbers
  EXPECT_EQ(Read("twelve three"), std::make_pair(12.0, 1u));
  EXPECT_EQ(Read("30 five"), std::make_pair(30.0, 1u));
  EXPECT_EQ(Read("soldiers").first, -1.0);
  EXPECT_EQ(Read("hundred").first, -1.0);  // a scale needs a number before it
}

TEST_F(NumberReaderTest, WordValues) {
  EXPECT_EQ(reader_->WordValue("seven"), 7.0);
  EXPECT_EQ(reader_->WordValue("ninety-nine"), 99.0);
  EXPECT_FALSE(reader_->WordValue("ninety-ten"));
  EXPECT_FALSE(reader_->WordValue("million"));
  EXPECT_FALSE(reader_->WordValue("army"));
}

}  // namespace
}  // namespace palmyra
