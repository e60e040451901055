// SyntaxStage: the syntax stage's entry point. Chunks each sentence and
// analyses its clauses: subjects, objects, voice, modality, negation,
// reported speech. Immutable after Load(); Run() is thread-safe.
#ifndef PALMYRA_SYNTAX_SYNTAX_STAGE_H_
#define PALMYRA_SYNTAX_SYNTAX_STAGE_H_

#include <memory>
#include <string>

#include "core/analysis.h"
#include "syntax/chunker.h"
#include "syntax/clauses.h"
#include "syntax/syntax_lexicon.h"

namespace palmyra {

class SyntaxStage {
 public:
  static Result<std::unique_ptr<SyntaxStage>> Load(const std::string& data_dir) {
    ASSIGN_OR_RETURN(auto lexicon, SyntaxLexicon::Load(data_dir));
    return std::unique_ptr<SyntaxStage>(new SyntaxStage(std::move(lexicon)));
  }

  void Run(Analysis* analysis) const {
    chunker_.Chunk(analysis);
    clauses_.Analyze(analysis);
  }

  const SyntaxLexicon& lexicon() const { return *lexicon_; }

 private:
  explicit SyntaxStage(std::unique_ptr<SyntaxLexicon> lexicon)
      : lexicon_(std::move(lexicon)), chunker_(lexicon_.get()), clauses_(lexicon_.get()) {}

  std::unique_ptr<SyntaxLexicon> lexicon_;
  Chunker chunker_;
  ClauseAnalyzer clauses_;
};

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_SYNTAX_STAGE_H_
