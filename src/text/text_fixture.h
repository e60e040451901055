// Test helper: runs the text stage on a string.
#ifndef PALMYRA_TEXT_TEXT_FIXTURE_H_
#define PALMYRA_TEXT_TEXT_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/analysis.h"
#include "text/text_stage.h"

namespace palmyra {

class TextFixture {
 public:
  TextFixture() {
    auto stage = TextStage::Load(PALMYRA_TEST_DATA_DIR);
    EXPECT_TRUE(stage.ok()) << stage.status().ToString();
    stage_ = std::move(stage).value();
  }
  // Analyses `text` (with `title` as the headline, if any).
  const Analysis& Run(const std::string& text, const std::string& title = "") {
    doc_.text = text;
    doc_.title = title;
    analysis_.Clear();
    analysis_.doc = &doc_;
    stage_->Run(&analysis_);
    return analysis_;
  }
  std::vector<std::string> Forms() const {
    std::vector<std::string> out;
    for (const Token& t : analysis_.tokens) out.emplace_back(analysis_.Form(t));
    return out;
  }
  std::vector<std::string> Sentences() const {
    std::vector<std::string> out;
    for (const Sentence& s : analysis_.sentences) {
      out.emplace_back(analysis_.OriginalText(s.token_begin, s.token_end));
    }
    return out;
  }
  const TextStage& stage() const { return *stage_; }
  Analysis& analysis() { return analysis_; }

 private:
  std::unique_ptr<TextStage> stage_;
  Document doc_;
  Analysis analysis_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_TEXT_FIXTURE_H_
