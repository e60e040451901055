#include "lexical/lexical_stage.h"

namespace palmyra {

Result<std::unique_ptr<LexicalStage>> LexicalStage::Load(const Options& options) {
  std::unique_ptr<LexicalStage> stage(new LexicalStage());
  ASSIGN_OR_RETURN(stage->tagger_, PosTagger::Load(options.model_dir + "/tagger.bin"));
  RETURN_IF_ERROR(stage->tagger_->LoadTagConstraints(options.data_dir + "/lexical/news_tags.txt"));
  ASSIGN_OR_RETURN(stage->lemmatizer_,
                   Lemmatizer::Load(options.wordnet_dir, options.data_dir, options.model_dir));
  stage->tagger_->SetLexicon(stage->lemmatizer_.get());
  return stage;
}

}  // namespace palmyra
