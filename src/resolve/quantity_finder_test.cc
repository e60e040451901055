#include "resolve/quantity_finder.h"

#include <gtest/gtest.h>

#include "text/text_fixture.h"

namespace palmyra {
namespace {

class QuantityFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto numbers = NumberReader::Load(PALMYRA_TEST_DATA_DIR);
    ASSERT_TRUE(numbers.ok()) << numbers.status().ToString();
    numbers_ = std::move(numbers).value();
    auto finder = QuantityFinder::Load(PALMYRA_TEST_DATA_DIR, numbers_.get());
    ASSERT_TRUE(finder.ok()) << finder.status().ToString();
    finder_ = std::move(finder).value();
  }
  // "VALUE [LOW-HIGH] /TOKENS" for the amount at the start of `text`, or "none".
  std::string Amount(const std::string& text) {
    const Analysis& a = fixture_.Run(text);
    uint32_t end = 0;
    const std::optional<Quantity> q =
        finder_->AmountAt(a, 0, static_cast<uint32_t>(a.tokens.size()), &end);
    if (!q) return "none";
    auto number = [](double v) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.15g", v);
      return std::string(buffer);
    };
    std::string s = number(q->value);
    if (q->low || q->high) {
      s += ' ';
      if (q->low) s += number(*q->low);
      s += '-';
      if (q->high) s += number(*q->high);
    }
    return s + " /" + std::to_string(end);
  }
  TextFixture fixture_;
  std::unique_ptr<NumberReader> numbers_;
  std::unique_ptr<QuantityFinder> finder_;
};

TEST_F(QuantityFinderTest, NumbersWithTheirBounds) {
  EXPECT_EQ(Amount("12 people"), "12 /1");
  EXPECT_EQ(Amount("at least 12 people"), "12 12- /3");
  EXPECT_EQ(Amount("more than 300 protesters"), "300 300- /3");
  EXPECT_EQ(Amount("up to 40 people"), "40 -40 /3");
  EXPECT_EQ(Amount("nearly 1,200 people"), "1200 -1200 /2");
  EXPECT_EQ(Amount("about 30 people"), "30 /2");
  EXPECT_EQ(Amount("between 10 and 15 civilians"), "10 10-15 /4");
  EXPECT_EQ(Amount("10 to 15 civilians"), "10 10-15 /3");
  EXPECT_EQ(Amount("10-15 civilians"), "10 10-15 /1");
  // Found by fuzzing: a bound at the very end of the text read the token
  // after the last one.
  EXPECT_EQ(Amount("at least"), "none");
  EXPECT_EQ(Amount("between"), "none");
}

TEST_F(QuantityFinderTest, VagueAmounts) {
  EXPECT_EQ(Amount("dozens of people"), "24 24-99 /2");
  EXPECT_EQ(Amount("hundreds of airstrikes"), "200 200-999 /2");
  EXPECT_EQ(Amount("tens of thousands of people"), "20000 20000-99999 /4");
  EXPECT_EQ(Amount("several soldiers"), "3 3-9 /1");
  EXPECT_EQ(Amount("a few soldiers"), "3 3-9 /2");
}

TEST_F(QuantityFinderTest, ScalesInWordsAndGluedToTheNumber) {
  EXPECT_EQ(Amount("3.5 million people"), "3500000 /2");
  EXPECT_EQ(Amount("33bn roubles"), "33000000000 /1");
  EXPECT_EQ(Amount("336m"), "336000000 /1");
  EXPECT_EQ(Amount("thirty-five people"), "35 /1");
}

TEST_F(QuantityFinderTest, NotAmounts) {
  EXPECT_EQ(Amount("soldiers"), "none");
  EXPECT_EQ(Amount("between the two sides"), "none");
  EXPECT_EQ(Amount("over the weekend"), "none");
  EXPECT_EQ(Amount("33xy roubles"), "none");
}

TEST_F(QuantityFinderTest, CasualtyKinds) {
  EXPECT_EQ(finder_->CasualtyKind("kill"), "killed");
  EXPECT_EQ(finder_->CasualtyKind("die"), "killed");
  EXPECT_EQ(finder_->CasualtyKind("wound"), "injured");
  EXPECT_EQ(finder_->CasualtyKind("detain"), "arrested");
  EXPECT_EQ(finder_->CasualtyKind("flee"), "displaced");
  EXPECT_EQ(finder_->CasualtyKind("attack"), "");
}

}  // namespace
}  // namespace palmyra
