// Training and evaluating the part-of-speech tagger: averaged perceptron
// (Collins 2002) over TaggerFeatures, greedy left to right, with a tag
// dictionary for frequent unambiguous words. Runs at build time.
#ifndef PALMYRA_LEXICAL_TAGGER_TRAINER_H_
#define PALMYRA_LEXICAL_TAGGER_TRAINER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lexical/brown_corpus.h"
#include "lexical/pos_tagger.h"

namespace palmyra {

struct TrainerOptions {
  int iterations = 5;
  int dictionary_min_count = 20;       // a word must be this frequent ...
  double dictionary_min_share = 0.97;  // ... and this unambiguous to be in the tag dictionary
  uint32_t seed = 7;                   // shuffling order between iterations
};

// `lexicon` gives WordNet's word classes as features; the tagger that uses
// the model must be given the same (PosTagger::SetLexicon).
TaggerModelData TrainTagger(const std::vector<const TaggedSentence*>& train,
                            const TrainerOptions& options, const Lemmatizer* lexicon);

struct TaggerEvaluation {
  size_t tokens = 0;
  size_t correct = 0;
  size_t unknown = 0;  // tokens whose word never occurs in training
  size_t unknown_correct = 0;
  double Accuracy() const { return tokens ? static_cast<double>(correct) / tokens : 0; }
  double UnknownAccuracy() const {
    return unknown ? static_cast<double>(unknown_correct) / unknown : 0;
  }
};

TaggerEvaluation EvaluateTagger(const PosTagger& tagger,
                                const std::vector<const TaggedSentence*>& train,
                                const std::vector<const TaggedSentence*>& test);

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_TAGGER_TRAINER_H_
