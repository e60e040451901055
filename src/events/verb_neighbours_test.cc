// Verbs no pattern lists take the code of their nearest listed WordNet
// neighbour when the user asks for it (Options::wordnet_verbs), and only then.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "palmyra/engine.h"

namespace palmyra {
namespace {

// "CODE rule" for each event of `text`, every candidate kept.
std::vector<std::string> Code(bool wordnet_verbs, bool petrarch, const std::string& text) {
  Options options;
  options.min_confidence = 0;
  options.wordnet_verbs = wordnet_verbs;
  options.petrarch_conventions = petrarch;
  auto engine = Engine::Create(options);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  std::vector<std::string> out;
  if (!engine.ok()) return out;
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.published = Date::Parse("2020-06-01");
  auto events = (*engine)->Code(doc);
  EXPECT_TRUE(events.ok()) << events.status().ToString();
  if (!events.ok()) return out;
  for (const Event& e : *events) out.push_back(e.cameo.code + " " + e.rule);
  return out;
}

using Codes = std::vector<std::string>;

// WordNet: "eulogize" is a kind of praising ({eulogize} -> {praise}), and
// the dictionary lists "praise" under PRAISE [051].
constexpr const char* kEulogy = "Germany's chancellor eulogized the French president.";

TEST(VerbNeighboursTest, AnUnlistedVerbTakesItsHypernymsCode) {
  EXPECT_EQ(Code(true, false, kEulogy), Codes{"051 wordnet/hypernym:praise"});
}

TEST(VerbNeighboursTest, OffByDefaultAndUnderPetrarchConventions) {
  EXPECT_EQ(Code(false, false, kEulogy), Codes{});
  EXPECT_EQ(Code(true, true, kEulogy), Codes{});
}

TEST(VerbNeighboursTest, CommonVerbsTheDictionariesLeaveOutGetNoCode) {
  // "include" is frequent in WordNet's tagged corpus: left out on purpose.
  EXPECT_EQ(Code(true, false, "The delegation included Iranian diplomats."), Codes{});
}

TEST(VerbNeighboursTest, ListedVerbsKeepTheirOwnCode) {
  // "praise" itself is listed; no neighbour stands in for it.
  EXPECT_EQ(Code(true, false, "Germany's chancellor praised the French president."),
            Codes{"051 events/verbs/05_diplomatic.txt:6"});
}

}  // namespace
}  // namespace palmyra
