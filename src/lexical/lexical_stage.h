// LexicalStage: the lexical stage's entry point. Tags every token with its
// part of speech and gives it its lemma. Immutable after Load(); Run() is
// thread-safe.
#ifndef PALMYRA_LEXICAL_LEXICAL_STAGE_H_
#define PALMYRA_LEXICAL_LEXICAL_STAGE_H_

#include <memory>

#include "core/analysis.h"
#include "lexical/lemmatizer.h"
#include "lexical/pos_tagger.h"
#include "palmyra/options.h"

namespace palmyra {

class LexicalStage {
 public:
  // Reads the tagger model from options.model_dir, WordNet from
  // options.wordnet_dir and the project's tables from options.data_dir.
  static Result<std::unique_ptr<LexicalStage>> Load(const Options& options);

  void Run(Analysis* analysis) const {
    tagger_->Tag(analysis);
    lemmatizer_->Lemmatize(analysis);
  }

  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }

 private:
  LexicalStage() = default;
  std::unique_ptr<PosTagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
};

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_LEXICAL_STAGE_H_
