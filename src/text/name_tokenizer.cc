#include "text/name_tokenizer.h"

#include "core/analysis.h"
#include "core/hash.h"

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

uint64_t NameTokenizer::Stamp() const {
  uint64_t h = 0;
  for (const char* probe : {"Deir ez-Zor",
                            "Dar'a",
                            "Ra's al 'Ayn",
                            "Al-Bab",
                            "St. Petersburg",
                            "Ma`arrat an Nu`man",
                            "N'Djamena",
                            "Washington, D.C.",
                            "Sana’a",
                            "Cote d'Ivoire",
                            "Bandar-e Abbas",
                            "Xi'an",
                            "O'Higgins",
                            "Kurdistan Workers' Party",
                            "U.S._STATE_DEPARTMENT",
                            "AL-QA'IDA",
                            "WO N'T",
                            "SAUDI-LED_COALITION",
                            "NON-GOVERNMENTAL_ORGANISATION",
                            "Côte_d’Ivoire",
                            "U.N.",
                            "3RD"}) {
    for (const std::string& key : Tokenize(probe).keys) h = HashCombine(h, Hash64(key));
    h = HashCombine(h, 1);
  }
  return h;
}

}  // namespace palmyra
