// ClauseAnalyzer: finds, for every verb group, the clause it heads and its
// relations: kind (main, subordinate, conditional, relative, complement,
// infinitive, participle), governing verb, subject, object and passive agent;
// coordination ("stormed the town and killed ..."); and reported speech
// ("X said (that) ...", "'...,' X said", "according to X", quotes that run
// over several sentences). Runs after the Chunker. Immutable; thread-safe.
#ifndef PALMYRA_SYNTAX_CLAUSES_H_
#define PALMYRA_SYNTAX_CLAUSES_H_

#include <vector>

#include "core/analysis.h"
#include "syntax/syntax_lexicon.h"

namespace palmyra {

class ClauseAnalyzer {
 public:
  explicit ClauseAnalyzer(const SyntaxLexicon* lexicon) : lexicon_(lexicon) {}

  void Analyze(Analysis* analysis) const;

 private:
  class SentenceView;
  void AnalyzeSentence(Analysis* a, uint32_t sentence) const;
  void FindSpeechFrames(Analysis* a, uint32_t sentence) const;
  void AttributeRunOnQuotes(Analysis* a) const;

  const SyntaxLexicon* lexicon_;
};

// The noun phrases coordinated with noun phrase `phrase` ("Syria, Iran and
// Russia"; "against Jabhat al-Nusra and Isis"), in text order, including
// `phrase` itself. Stays inside the phrase range [begin, end).
std::vector<uint32_t> CoordinatedPhrases(const Analysis& a, uint32_t phrase, uint32_t begin,
                                         uint32_t end);

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_CLAUSES_H_
