// Runs the hand-checked golden cases of tests/golden/ and the example
// articles' expected events (examples/expected.txt).
#include <filesystem>

#include <gtest/gtest.h>

#include "golden_cases.h"

namespace palmyra {
namespace {

class GoldenTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    auto engine = Engine::Create(Options());
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value().release();
  }
  static Engine* engine_;
};
Engine* GoldenTest::engine_ = nullptr;

TEST_P(GoldenTest, CasesCodeAsExpected) {
  const auto cases = ReadGoldenCases(GetParam());
  ASSERT_FALSE(cases.empty());
  for (const GoldenCase& c : cases) {
    const std::string report = CheckGoldenCase(*engine_, c);
    EXPECT_TRUE(report.empty()) << report;
  }
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(PALMYRA_TEST_SOURCE_DIR "/tests/golden")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return std::filesystem::path(info.param).stem().string();
                         });

TEST(GoldenCountTest, AtLeastSixtyHandCheckedCases) {
  size_t total = 0;
  for (const std::string& file : GoldenFiles()) total += ReadGoldenCases(file).size();
  EXPECT_GE(total, 60u);
}

}  // namespace
}  // namespace palmyra
