// Chunker: groups each sentence's tagged tokens into phrases: noun phrases
// ("the Syrian government forces", "Russia 's defence ministry", "Hungarian
// and Romanian officials"), verb groups ("had not been killed", "to
// withdraw") with their voice, negation and modality, prepositions and the
// rest. Rules over Penn Treebank tags and lemmas. Immutable; thread-safe.
#ifndef PALMYRA_SYNTAX_CHUNKER_H_
#define PALMYRA_SYNTAX_CHUNKER_H_

#include "core/analysis.h"
#include "syntax/syntax_lexicon.h"

namespace palmyra {

class Chunker {
 public:
  explicit Chunker(const SyntaxLexicon* lexicon) : lexicon_(lexicon) {}

  // Fills analysis->phrases, analysis->sentence_phrase_begin and
  // analysis->verb_groups (voice, negation and modality set; clause roles are
  // left to ClauseAnalyzer).
  void Chunk(Analysis* analysis) const;

 private:
  bool IsAuxiliary(const Analysis& a, uint32_t i) const;
  uint32_t NounPhraseEnd(const Analysis& a, uint32_t i, uint32_t end,
                         uint32_t* possessor_end) const;
  // Whether token i, a noun or modifier after noun i - 1 in the phrase that
  // began at `start`, begins a phrase of its own ("two soldiers two weeks
  // ago", "the militias Turkey is battling").
  bool StartsAfterNoun(const Analysis& a, uint32_t start, uint32_t i, uint32_t end) const;
  bool StartsNounPhrase(const Analysis& a, uint32_t i, uint32_t begin, uint32_t end) const;
  bool StartsVerbGroup(const Analysis& a, uint32_t i, uint32_t end) const;
  uint32_t VerbGroupEnd(const Analysis& a, uint32_t i, uint32_t end) const;
  void DescribeVerbGroup(Analysis* a, VerbGroup* vg) const;

  const SyntaxLexicon* lexicon_;
};

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_CHUNKER_H_
