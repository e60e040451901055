#include "merge/near_duplicates.h"

#include <cctype>
#include <limits>
#include <string>
#include <vector>

#include "core/hash.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

// A story written for this test, about 170 words.
const char kStory[] =
    "Flood waters rose again across Sindh province on Monday as rain fell for a third straight "
    "day, officials said, forcing thousands more families from their homes. The provincial "
    "disaster authority said at least 40 people had died in the province since Friday, most of "
    "them when houses collapsed in the night. Army helicopters dropped food to villages cut off "
    "by the water near Sukkur, where the river is expected to peak on Wednesday. The federal "
    "government said it would release emergency funds and asked international donors for tents "
    "and medicine. Aid groups warned that stagnant water could spread disease in the camps along "
    "the highway, where more than 20,000 people are sheltering under plastic sheets. Farmers said "
    "the cotton crop had been destroyed in several districts, and wheat stored for the winter had "
    "been lost. The meteorological office forecast more rain for the coming week, with the "
    "heaviest falls expected in the north of the province, and urged residents of low-lying areas "
    "to move to higher ground while roads remained open.";

const char kOtherStory[] =
    "Talks between the government and the opposition resumed in Geneva on Monday after a break "
    "of three months, the United Nations envoy said, adding that both delegations had agreed to "
    "discuss a new constitution before turning to the question of elections. Opposition leaders "
    "said they wanted guarantees that detainees would be released and that aid convoys would be "
    "allowed into besieged towns. The government delegation said it would not discuss the "
    "president's future. Diplomats said the talks were expected to last two weeks.";

// The signature as defined (near_duplicates.h), computed the plain way: all
// words first, then every three-gram. Signatures are stored, so the
// streaming computation must give exactly these values.
MinHash ReferenceMinHash(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  MinHash m;
  m.fill(std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    const uint64_t shingle =
        HashCombine(HashCombine(Hash64(words[i]), Hash64(words[i + 1])), Hash64(words[i + 2]));
    for (int k = 0; k < kMinHashSize; ++k) {
      const uint32_t h =
          static_cast<uint32_t>(MixBits(shingle ^ (0x9e3779b97f4a7c15ULL * (k + 1))));
      if (h < m[k]) m[k] = h;
    }
  }
  return m;
}

TEST(NearDuplicatesTest, SignatureIsThatOfEveryWordThreeGram) {
  EXPECT_EQ(MinHashOf(kStory), ReferenceMinHash(kStory));
  EXPECT_EQ(MinHashOf(kOtherStory), ReferenceMinHash(kOtherStory));
  // Exactly the minimum number of words has a signature; one fewer has none.
  std::string words;
  for (int i = 0; i < kNearDuplicateMinWords; ++i)
    words.append("w").append(std::to_string(i)).append(" ");
  EXPECT_EQ(MinHashOf(words), ReferenceMinHash(words));
  EXPECT_FALSE(MinHashOf(words.substr(0, words.rfind("w"))).has_value());
}

TEST(NearDuplicatesTest, CopiesAndUpdatesAreNearAndAnotherStoryIsNot) {
  const auto original = MinHashOf(kStory);
  ASSERT_TRUE(original.has_value());
  // The copy another outlet runs: a dateline added, one figure changed.
  std::string copy = std::string("KARACHI (Wire) - ") + kStory;
  copy.replace(copy.find("at least 40"), 11, "at least 42");
  const auto syndicated = MinHashOf(copy);
  ASSERT_TRUE(syndicated.has_value());
  EXPECT_GE(Similarity(*original, *syndicated), kNearDuplicateSimilarity);
  // An update: a new last sentence.
  const auto update = MinHashOf(std::string(kStory) +
                                " Later on Monday the authority raised the toll to 45 and said "
                                "two more districts would be evacuated.");
  ASSERT_TRUE(update.has_value());
  EXPECT_GE(Similarity(*original, *update), kNearDuplicateSimilarity);
  const auto other = MinHashOf(kOtherStory);
  ASSERT_TRUE(other.has_value());
  EXPECT_LT(Similarity(*original, *other), 0.2);
  EXPECT_FALSE(MinHashOf("Too short to compare.").has_value());
  EXPECT_EQ(MinHashFromHex(MinHashToHex(*original)), original);
  EXPECT_FALSE(MinHashFromHex("zz").has_value());
}

TEST(NearDuplicatesTest, TheIndexFindsTheEarlierCopy) {
  NearDuplicateIndex index;
  index.Add(*MinHashOf(kOtherStory), "other");
  index.Add(*MinHashOf(kStory), "first");
  std::string copy = std::string("KARACHI (Wire) - ") + kStory;
  EXPECT_EQ(index.Find(*MinHashOf(copy)), std::optional<std::string>("first"));
  index.Add(*MinHashOf(kStory), "second");
  EXPECT_EQ(index.Find(*MinHashOf(kStory)), std::optional<std::string>("first"));
  NearDuplicateIndex empty;
  EXPECT_EQ(empty.Find(*MinHashOf(kStory)), std::nullopt);
}

}  // namespace
}  // namespace palmyra
