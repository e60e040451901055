// TextStage: the text stage's entry point. Normalises a document's text,
// splits it into tokens and sentences, and sets the dateline apart.
// Immutable after Load(); Run() is thread-safe.
#ifndef PALMYRA_TEXT_TEXT_STAGE_H_
#define PALMYRA_TEXT_TEXT_STAGE_H_

#include <memory>
#include <string>

#include "core/analysis.h"
#include "palmyra/status.h"
#include "text/name_tokenizer.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/text_rules.h"
#include "text/tokenizer.h"

namespace palmyra {

class TextStage {
 public:
  static Result<std::unique_ptr<TextStage>> Load(const std::string& data_dir);

  // Reads analysis->doc; fills norm, offsets, keys, tokens, sentences and
  // dateline, and warns about invalid UTF-8.
  void Run(Analysis* analysis) const;

  const NameTokenizer& names() const { return names_; }
  const TextRules& rules() const { return *rules_; }

 private:
  TextStage(std::unique_ptr<TextRules> rules, std::unique_ptr<Normalizer> normalizer);

  std::unique_ptr<TextRules> rules_;
  std::unique_ptr<Normalizer> normalizer_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
  NameTokenizer names_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_TEXT_STAGE_H_
