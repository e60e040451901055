#include "core/offset_map.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

// Original: "a’b" + zero-width space + "c" = a, E2 80 99, b, E2 80 8B, c.
// Normalised: "a'bc".
OffsetMap Example() {
  OffsetMap map;
  map.AppendIdentity(0, 1);     // a
  map.AppendReplaced(1, 3, 1);  // ’ -> '
  map.AppendIdentity(4, 1);     // b
  map.AppendReplaced(5, 3, 0);  // zero-width space dropped
  map.AppendIdentity(8, 1);     // c
  return map;
}

TEST(OffsetMapTest, MapsStartsAndEndsAroundReplacements) {
  const OffsetMap map = Example();
  EXPECT_EQ(map.norm_size(), 4u);
  EXPECT_EQ(map.MapStart(0), 0u);
  EXPECT_EQ(map.MapStart(1), 1u);  // the apostrophe starts where ’ starts
  EXPECT_EQ(map.MapEnd(2), 4u);    // and ends where ’ ends
  EXPECT_EQ(map.MapStart(2), 4u);  // b
  EXPECT_EQ(map.MapStart(3), 8u);  // c skips the dropped character
  EXPECT_EQ(map.MapEnd(4), 9u);
  EXPECT_EQ(map.MapEnd(3), 5u);  // "a'b" ends after b
}

TEST(OffsetMapTest, MergesAdjacentIdentityRuns) {
  OffsetMap map;
  map.AppendIdentity(0, 3);
  map.AppendIdentity(3, 4);
  EXPECT_EQ(map.MapStart(5), 5u);
  EXPECT_EQ(map.MapEnd(7), 7u);
  EXPECT_EQ(map.MapStart(7), 7u);  // end of text
}

}  // namespace
}  // namespace palmyra
