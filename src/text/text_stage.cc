#include "text/text_stage.h"

namespace palmyra {

Result<std::unique_ptr<TextStage>> TextStage::Load(const std::string& data_dir) {
  ASSIGN_OR_RETURN(auto rules, TextRules::Load(data_dir));
  ASSIGN_OR_RETURN(auto normalizer, Normalizer::Create());
  return std::unique_ptr<TextStage>(new TextStage(std::move(rules), std::move(normalizer)));
}

TextStage::TextStage(std::unique_ptr<TextRules> rules, std::unique_ptr<Normalizer> normalizer)
    : rules_(std::move(rules)),
      normalizer_(std::move(normalizer)),
      tokenizer_(rules_.get()),
      splitter_(rules_.get()),
      names_(normalizer_.get(), &tokenizer_) {}

void TextStage::Run(Analysis* a) const {
  const NormalizeResult normalized = normalizer_->Normalize(a->doc->text, &a->norm, &a->offsets);
  if (normalized.invalid_bytes > 0) {
    a->warnings.push_back("invalid UTF-8: " + std::to_string(normalized.invalid_bytes) +
                          " byte(s) replaced, the first at byte " +
                          std::to_string(normalized.first_invalid));
  }
  tokenizer_.Tokenize(a);
  splitter_.Split(a);
}

}  // namespace palmyra
