// Test helper: runs the text stage on a string.
#ifndef PALMYRA_TEXT_TEXT_TEST_UTIL_H_
#define PALMYRA_TEXT_TEXT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/analysis.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/text_rules.h"
#include "text/tokenizer.h"

namespace palmyra {

class TextStage {
 public:
  TextStage() {
    auto rules = TextRules::Load(PALMYRA_TEST_DATA_DIR);
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    rules_ = std::move(rules).value();
    normalizer_ = std::move(Normalizer::Create()).value();
  }
  // Analyses `text` (with `title` as the headline, if any).
  const Analysis& Run(const std::string& text, const std::string& title = "") {
    doc_.text = text;
    doc_.title = title;
    analysis_.Clear();
    analysis_.doc = &doc_;
    normalizer_->Normalize(doc_.text, &analysis_.norm, &analysis_.offsets);
    Tokenizer(rules_.get()).Tokenize(&analysis_);
    SentenceSplitter(rules_.get()).Split(&analysis_);
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
  const TextRules& rules() const { return *rules_; }

 private:
  std::unique_ptr<TextRules> rules_;
  std::unique_ptr<Normalizer> normalizer_;
  Document doc_;
  Analysis analysis_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_TEXT_TEST_UTIL_H_
