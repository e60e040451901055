// Runs the hand-checked golden cases of tests/golden/ and the example
// articles' expected events (tests/examples_expected.txt).
#include <filesystem>

#include <gtest/gtest.h>

#include "golden_cases.h"
#include "ingest/document_source.h"

namespace palmyra {
namespace {

// The rules alone: every candidate event kept.
Options RulesOnly() {
  Options options;
  options.min_confidence = 0;
  return options;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    auto rules = Engine::Create(RulesOnly());
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    rules_ = std::move(rules).value().release();
    auto decided = Engine::Create(Options());
    ASSERT_TRUE(decided.ok()) << decided.status().ToString();
    decided_ = std::move(decided).value().release();
  }
  static Engine* rules_;
  static Engine* decided_;
};
Engine* GoldenTest::rules_ = nullptr;
Engine* GoldenTest::decided_ = nullptr;

TEST_P(GoldenTest, CasesCodeAsExpected) {
  const auto cases = ReadGoldenCases(GetParam());
  ASSERT_FALSE(cases.empty());
  for (const GoldenCase& c : cases) {
    const std::string report = CheckGoldenCase(c.decided ? *decided_ : *rules_, c);
    EXPECT_TRUE(report.empty()) << report;
  }
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(PALMYRA_TEST_SOURCE_DIR "/tests/golden")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return std::filesystem::path(info.param).stem().string();
                         });

// The example articles of examples/, read as `palmyra code examples/` reads
// them, code to the events of tests/examples_expected.txt (a case per article,
// named by its id or file name) by the rules.
TEST(ExamplesTest, ExampleArticlesCodeAsExpected) {
  const std::string dir = PALMYRA_TEST_SOURCE_DIR "/examples";
  auto engine = Engine::Create(RulesOnly());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const auto cases = ReadGoldenCases(PALMYRA_TEST_SOURCE_DIR "/tests/examples_expected.txt");
  ASSERT_GE(cases.size(), 3u);
  std::vector<bool> seen(cases.size(), false);
  DocumentSource source({dir}, IngestOptions());
  Document doc;
  std::vector<IngestProblem> problems;
  int documents = 0;
  while (source.Next(&doc, &problems)) {
    ++documents;
    auto coded = (*engine)->Code(doc);
    ASSERT_TRUE(coded.ok()) << doc.id << ": " << coded.status().ToString();
    bool matched = false;
    for (size_t i = 0; i < cases.size(); ++i) {
      const std::string& name = cases[i].name;
      if (doc.id.size() < name.size() ||
          doc.id.compare(doc.id.size() - name.size(), name.size(), name) != 0) {
        continue;
      }
      matched = seen[i] = true;
      const std::string report = CompareEvents(*coded, cases[i]);
      EXPECT_TRUE(report.empty()) << doc.id << "\n" << report;
    }
    EXPECT_TRUE(matched) << "no expected events for " << doc.id
                         << " in tests/examples_expected.txt";
  }
  for (const IngestProblem& p : problems) ADD_FAILURE() << p.where << ": " << p.message;
  EXPECT_EQ(documents, static_cast<int>(cases.size()));
  for (size_t i = 0; i < cases.size(); ++i) EXPECT_TRUE(seen[i]) << "no article " << cases[i].name;
}

TEST(GoldenCountTest, AtLeastSixtyHandCheckedCases) {
  size_t total = 0;
  for (const std::string& file : GoldenFiles()) total += ReadGoldenCases(file).size();
  EXPECT_GE(total, 60u);
}

}  // namespace
}  // namespace palmyra
