#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

class NormalizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Normalizer::Create();
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    normalizer_ = std::move(created).value();
  }
  std::string Norm(std::string_view text, NormalizeResult* result = nullptr) {
    std::string norm;
    offsets_.Clear();
    NormalizeResult r = normalizer_->Normalize(text, &norm, &offsets_);
    if (result) *result = r;
    return norm;
  }
  std::unique_ptr<Normalizer> normalizer_;
  OffsetMap offsets_;
};

TEST_F(NormalizerTest, AsciiIsUnchanged) {
  EXPECT_EQ(Norm("Russia will keep its base.\n\nNext."), "Russia will keep its base.\n\nNext.");
  EXPECT_EQ(offsets_.MapStart(7), 7u);
}

TEST_F(NormalizerTest, AnUnderscoreBetweenWordsIsASpace) {
  // As dictionaries write names: "Dol_Amroth" is "Dol Amroth".
  EXPECT_EQ(Norm("the Prince of Dol_Amroth"), "the Prince of Dol Amroth");
  EXPECT_EQ(Norm("file_2 and _x"), "file_2 and _x");  // not between letters
}

TEST_F(NormalizerTest, FoldsTypographicPunctuation) {
  EXPECT_EQ(Norm("\xE2\x80\x9CWe\xE2\x80\x99ll win\xE2\x80\x9D \xE2\x80\x94 he"),
            "\"We'll win\" -- he");
  EXPECT_EQ(Norm("2010\xE2\x80\x93"
                 "15"),
            "2010-15");
  EXPECT_EQ(Norm("wait\xE2\x80\xA6"), "wait...");
  EXPECT_EQ(Norm("a\xC2\xA0"
                 "b"),
            "a b");
  EXPECT_EQ(Norm("co\xC2\xAD"
                 "operate"),
            "cooperate");  // soft hyphen dropped
}

TEST_F(NormalizerTest, ReadsHtmlCharacterReferences) {
  // Text carried over from web pages: numeric and common named references.
  EXPECT_EQ(Norm("The communiqu&#233; said"), "The communiqu\xC3\xA9 said");
  EXPECT_EQ(Norm("caf&#xE9; &amp; bar"), "caf\xC3\xA9 & bar");
  EXPECT_EQ(Norm("Russia&rsquo;s &#8220;plan&#8221;"), "Russia's \"plan\"");
  EXPECT_EQ(Norm("&#163;5bn"),
            "\xC2\xA3"
            "5bn");
  // Folded like the characters themselves: a no-break space is a space,
  // a ligature its letters.
  EXPECT_EQ(Norm("a&nbsp;b &#xFB01;nal"), "a b final");
  // Not references: no semicolon, unknown names, controls, surrogates.
  EXPECT_EQ(Norm("AT&T and P&O; R&D"), "AT&T and P&O; R&D");
  EXPECT_EQ(Norm("&bogus; &#; &#x; &#0; &#xD800; &#12a;"), "&bogus; &#; &#x; &#0; &#xD800; &#12a;");
  // Offsets map the character back to the whole reference.
  const std::string norm = Norm("communiqu&#233; said");
  ASSERT_EQ(norm, "communiqu\xC3\xA9 said");
  EXPECT_EQ(offsets_.MapStart(9), 9u);
  EXPECT_EQ(offsets_.MapEnd(11), 15u);    // after "&#233;"
  EXPECT_EQ(offsets_.MapStart(12), 16u);  // "said"
}

TEST_F(NormalizerTest, MapsOffsetsBackToOriginalBytes) {
  // "’s" : the apostrophe is three bytes in the original.
  const std::string text = "Russia\xE2\x80\x99s army";
  const std::string norm = Norm(text);
  ASSERT_EQ(norm, "Russia's army");
  EXPECT_EQ(offsets_.MapStart(6), 6u);   // ' -> start of ’
  EXPECT_EQ(offsets_.MapEnd(8), 10u);    // "'s" ends after s (original byte 10)
  EXPECT_EQ(offsets_.MapStart(9), 11u);  // "army"
  EXPECT_EQ(offsets_.MapEnd(13), 15u);
}

TEST_F(NormalizerTest, ComposesAndAppliesCompatibilityForms) {
  // e + combining acute -> é; the ligature fi -> "fi".
  EXPECT_EQ(Norm("Cafe\xCC\x81"), "Caf\xC3\xA9");
  EXPECT_EQ(Norm("\xEF\xAC\x81nal"), "final");
  // Already-normal accented text is copied unchanged.
  EXPECT_EQ(Norm("Bogot\xC3\xA1"), "Bogot\xC3\xA1");
  EXPECT_EQ(offsets_.MapEnd(7), 7u);
}

TEST_F(NormalizerTest, ReplacesInvalidUtf8AndReportsIt) {
  NormalizeResult result;
  const std::string norm = Norm(
      "ab\xFF"
      "cd\xC3",
      &result);
  EXPECT_EQ(norm,
            "ab\xEF\xBF\xBD"
            "cd\xEF\xBF\xBD");
  EXPECT_EQ(result.invalid_bytes, 2u);
  EXPECT_EQ(result.first_invalid, 2u);
  EXPECT_EQ(offsets_.MapStart(5), 3u);  // "c"
}

TEST_F(NormalizerTest, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(Norm("a\x01"
                 "b\tc"),
            "a b\tc");
}

}  // namespace
}  // namespace palmyra
