#include "text/name_tokenizer.h"

#include "core/analysis.h"

namespace palmyra {

NameTokens NameTokenizer::Tokenize(std::string_view name) const {
  std::string text(name);
  for (char& c : text) {
    if (c == '_') c = ' ';
  }
  Analysis a;
  normalizer_->Normalize(text, &a.norm, &a.offsets);
  tokenizer_->Tokenize(&a);
  NameTokens out;
  for (const Token& t : a.tokens) {
    out.keys.emplace_back(a.Key(t));
    out.forms.emplace_back(a.Form(t));
  }
  return out;
}

}  // namespace palmyra
