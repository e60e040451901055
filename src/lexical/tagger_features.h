// The features of Palmyra's averaged-perceptron part-of-speech tagger, shared
// by training (at build time, on the Brown corpus) and tagging, so that both
// see exactly the same thing. A feature is a 64-bit hash of a template and its
// values (the word, its suffixes and shape, the neighbouring words and the two
// previous tags).
#ifndef PALMYRA_LEXICAL_TAGGER_FEATURES_H_
#define PALMYRA_LEXICAL_TAGGER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace palmyra {

inline constexpr int kNumTaggerFeatures = 20;
inline constexpr int kNumWordFeatures = 15;
inline constexpr int kNumTagFeatures = 3;
inline constexpr int kNumWordTagFeatures = 2;
// Tag index used for positions before the sentence.
inline constexpr int kStartTag = 255;

// Per-sentence precomputed hashes of each word's parts.
class Lemmatizer;

class TaggerFeatures {
 public:
  // `words` are tagger forms (see TaggerForm); they must outlive the call.
  // `lexicon`, when given, tells in which word classes WordNet knows each
  // word (the word's "ambiguity class"), which helps with words the training
  // corpus lacks.
  void Prepare(const std::vector<std::string_view>& words, const Lemmatizer* lexicon);
  // Writes the kNumTaggerFeatures features of word i given the previous two
  // tags (tag indices, or kStartTag) into `out`.
  void Extract(size_t i, int prev, int prev2, uint64_t* out) const;
  // The same features in three groups, for a tagger that sums each group
  // apart: those of the words alone (kNumWordFeatures), those of the two
  // previous tags alone (kNumTagFeatures), and those of word i and the
  // previous tag (kNumWordTagFeatures). Together they are Extract's.
  void ExtractWordFeatures(size_t i, uint64_t* out) const;
  static void ExtractTagFeatures(int prev, int prev2, uint64_t* out);
  void ExtractWordTagFeatures(size_t i, int prev, uint64_t* out) const;
  // The feature value standing for the word itself (numbers are folded).
  uint64_t WordHash(size_t i) const { return parts_[i].word; }

 private:
  struct Parts {
    uint64_t word, suffix1, suffix2, suffix3, prefix1, shape;
    uint8_t classes;
    bool capitalized;
  };
  std::vector<Parts> parts_;
};

// The form the tagger sees for a token: quotation marks as `` and '', spaced
// hyphens as "--", everything else unchanged.
std::string_view TaggerForm(std::string_view form, bool open_quote, bool close_quote);

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_TAGGER_FEATURES_H_
