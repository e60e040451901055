// Lemmatizer: dictionary forms of words ("killed" -> "kill", "airstrikes" ->
// "airstrike", "forces" -> "force"), following WordNet's morphy: its
// exception lists first, then suffix rules whose result must be a WordNet
// lemma of the right part of speech. The WordNet files (Debian wordnet-base)
// are compiled once into the lemmatizer's own tables, an image that later
// runs map into memory (see mapped_image.h); libwordnet is not used because
// its morphology functions keep hidden global state. Immutable after Load();
// thread-safe.
#ifndef PALMYRA_LEXICAL_LEMMATIZER_H_
#define PALMYRA_LEXICAL_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/mapped_image.h"
#include "core/string_table.h"
#include "palmyra/status.h"

namespace palmyra {

enum class WordClass : uint8_t { kNoun = 1, kVerb = 2, kAdjective = 4, kAdverb = 8 };

// "year-old" for a person named by their age in years ("36-year-old",
// "five-year-olds"), "month-old" in months; empty for any other word.
std::string_view AgeNoun(std::string_view word);

class Lemmatizer {
 public:
  // Reads WordNet's index and exception files from `wordnet_dir` and the
  // project's own additions from `data_dir`/lexical/lemmas.txt. With an
  // `image_dir`, the tables are compiled into `image_dir`/wordnet.idx (or
  // the cache folder) on first use and mapped from there afterwards, until
  // one of the files changes; without, they are built in memory.
  static Result<std::unique_ptr<Lemmatizer>> Load(const std::string& wordnet_dir,
                                                  const std::string& data_dir,
                                                  const std::string& image_dir = "");

  // One of an inflected form's lemmas.
  struct Exception {
    int32_t lemma;
    uint8_t cls;  // a WordClass
    uint8_t padding[3];
  };

  // The lemma of lower-cased `word` as a `cls`. The result points into the
  // lemmatizer's tables when WordNet knows it; otherwise it is a prefix of
  // `word` (a guessed stem) or `word` itself.
  std::string_view Lemma(std::string_view word, WordClass cls) const;
  // The lemma of a token tagged `tag` (proper nouns and closed classes keep
  // their lower-cased form).
  std::string_view LemmaForTag(std::string_view word, PosTag tag) const;
  // True when WordNet lists `word` as a lemma of `cls`.
  bool IsLemma(std::string_view word, WordClass cls) const;
  // The classes (WordClass bits) in which WordNet knows lower-cased `word`,
  // as a lemma or an inflected form: "withdrew" -> verb, "attacks" -> noun
  // and verb, "the" -> none.
  uint8_t Classes(std::string_view word) const;
  // The stage entry: sets Token::lemma for every token in a sentence.
  void Lemmatize(Analysis* analysis) const;

 private:
  Lemmatizer() = default;
  // Id of `word` when it is a lemma of `cls`, else -1.
  int32_t LemmaId(std::string_view word, WordClass cls) const;
  // Id of the WordNet lemma of `word` as a `cls` (exceptions, then morphy's
  // rules), else -1. With `inflected`, the word is known to carry an ending
  // (a plural noun), and a shorter lemma is preferred to the word itself:
  // "troops" -> "troop", "talks" -> "talk", though WordNet lists both.
  int32_t WordNetLemma(std::string_view word, WordClass cls, bool inflected = false) const;
  std::string_view Lemma(std::string_view word, WordClass cls, bool inflected) const;
  // Lemma's result as a number: a lemma id (>= 0), or -(n + 1) for the first
  // n bytes of `word`.
  int32_t LemmaCode(std::string_view word, WordClass cls, bool inflected) const;
  uint8_t ComputeClasses(std::string_view word) const;
  // Tells this lemmatizer's records in the per-thread word cache apart from
  // those of another (see lemmatizer.cc).
  uint64_t instance_ = 0;

  // The tables' image body, built from the files.
  static Result<std::string> Compile(const std::string& wordnet_dir, const std::string& data_dir);
  // Points the tables into `image`, which the lemmatizer keeps.
  Status View(std::unique_ptr<MappedImage> image);

  std::unique_ptr<MappedImage> image_;
  StringTableView lemmas_;            // every lemma of every class
  const uint8_t* classes_ = nullptr;  // WordClass bits per lemma id
  StringTableView exception_forms_;   // inflected forms in the *.exc files and lemmas.txt
  // The (lemma, class) pairs of exception form f:
  // exceptions_[exception_begins_[f] .. exception_begins_[f + 1]).
  const uint32_t* exception_begins_ = nullptr;
  const Exception* exceptions_ = nullptr;
};

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_LEMMATIZER_H_
