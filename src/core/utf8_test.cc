#include "core/utf8.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(Utf8Test, DecodesValidSequences) {
  size_t n;
  EXPECT_EQ(DecodeUtf8("A", 0, &n), U'A');
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeUtf8("\xC3\xA9", 0, &n), U'\u00E9');
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(DecodeUtf8("\xE2\x80\x99", 0, &n), U'\u2019');
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98\x80", 0, &n), U'\U0001F600');
  EXPECT_EQ(n, 4u);
}

TEST(Utf8Test, RejectsMalformedOverlongAndTruncated) {
  size_t n;
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0, &n), kReplacementChar);  // overlong "/"
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(DecodeUtf8("\xE2\x80", 0, &n), kReplacementChar);      // truncated
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, &n), kReplacementChar);  // surrogate
  EXPECT_EQ(DecodeUtf8("\x80", 0, &n), kReplacementChar);
}

TEST(Utf8Test, FindsAndSanitisesInvalidBytes) {
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"
                            "cd"),
            2u);
  EXPECT_EQ(FindInvalidUtf8("ok \xEF\xBF\xBD ok"), std::string_view::npos);
  EXPECT_EQ(SanitizeUtf8("ab\xFF"
                         "cd"),
            "ab\xEF\xBF\xBD"
            "cd");
  std::string out;
  AppendUtf8(U'\u00E9', &out);
  AppendUtf8(U'\U0001F600', &out);
  EXPECT_EQ(out, "\xC3\xA9\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace palmyra
