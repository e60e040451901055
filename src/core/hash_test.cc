// Hash64 gives the same values on every machine: event ids and model files
// depend on it. The expected values were computed by an independent
// implementation of the same function (little-endian blocks).
#include "core/hash.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(Hash64Test, ValuesDoNotDependOnTheMachine) {
  EXPECT_EQ(Hash64(""), 0x8d50af5257def2fdULL);
  EXPECT_EQ(Hash64("abc"), 0x5a9d7be280cea5d7ULL);
  EXPECT_EQ(Hash64("abcdefghij"), 0xa7a673b2464bccf5ULL);  // a full block and a tail
  EXPECT_EQ(Hash64("\xe1\xb8\xa8"
                   "am\xc4\x81h"),
            0x4791eeedbe07049dULL);
}

TEST(Hash64Test, SeedsAndCombinationsDiffer) {
  EXPECT_NE(Hash64("abc", 1), Hash64("abc", 2));
  EXPECT_NE(HashCombine(1, 2), HashCombine(2, 1));
}

}  // namespace
}  // namespace palmyra
