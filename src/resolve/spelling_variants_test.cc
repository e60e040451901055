// Spelling keys: the transliterations of one name share a key, different
// names do not.
#include "resolve/spelling_variants.h"

#include <gtest/gtest.h>

namespace palmyra {
namespace {

TEST(SpellingKeyTest, TransliterationsOfOneNameShareAKey) {
  const std::vector<std::vector<std::string>> same = {
      {"Manbij", "Menbij", "Al-Manbij"},
      {"Quamishli", "Qamishli", "Al Qamishli", "Kamishli"},
      {"Ein Issa", "Ain Issa", "‘Ayn ‘Īsá", "'Ayn 'Isa"},
      {"Tall Refaat", "Tal Refaat", "Tell Rifat", "Tall Rif‘at"},
      {"Kafr Nabl", "Kafranbel", "Kafr Nubl"},
      {"Deir ez-Zor", "Dayr az Zawr", "Dair al-Zour"},
      {"Maarrat al-Numan", "Ma‘arrat an Nu‘mān", "Maarat al-Nouman"},
      {"Hassakeh", "Al Ḩasakah", "Hasaka"},
      {"Idleb", "Idlib"},
      {"Chaddadi", "Shaddadi", "Ash Shaddādī"},
  };
  for (const auto& names : same) {
    const std::string key = SpellingKey(names[0]);
    EXPECT_FALSE(key.empty()) << names[0];
    for (const std::string& n : names) EXPECT_EQ(SpellingKey(n), key) << n << " vs " << names[0];
  }
}

TEST(SpellingKeyTest, DifferentNamesDiffer) {
  EXPECT_NE(SpellingKey("Tall Rif'at"), SpellingKey("Tall Tamr"));
  EXPECT_NE(SpellingKey("Homs"), SpellingKey("Hama"));
  EXPECT_NE(SpellingKey("Aleppo"), SpellingKey("Afrin"));
  EXPECT_NE(SpellingKey("Jisr al-Shughour"), SpellingKey("Jarabulus"));
  // Vowels inside a word are dropped: the key is coarse, and a place found
  // by it alone must lie in a country the article is about.
  EXPECT_EQ(SpellingKey("Boston"), SpellingKey("Bostan"));
}

TEST(SpellingDistanceTest, LettersAfterFoldingAndArticles) {
  EXPECT_EQ(SpellingDistance("Karama", "Al Karāmah"), 0);
  EXPECT_EQ(SpellingDistance("Karama", "Al Karīmah"), 1);
  EXPECT_EQ(SpellingDistance("Tall Refaat", "Tall Rif‘at"), 2);
  EXPECT_EQ(SpellingDistance("", "Homs"), 4);
}

TEST(SpellingKeyTest, TooShortOrNoLettersGivesNoKey) {
  EXPECT_EQ(SpellingKey(""), "");
  EXPECT_EQ(SpellingKey("--"), "");
  EXPECT_EQ(SpellingKey("A"), "");
  EXPECT_EQ(SpellingKey("Ar-Raqqa"), "") << "rk: too short to tell places apart";
  EXPECT_EQ(SpellingKey("دمشق"), "");
}

}  // namespace
}  // namespace palmyra
