// PosTagger: an averaged-perceptron part-of-speech tagger giving Penn Treebank
// tags. Its model is trained at build time on the Brown corpus (see
// tagger_trainer.h) and written to one binary file, which the first run
// compiles into tagger.idx beside it (laid out for lookups, mapped into
// memory by later runs; see mapped_image.h). Immutable after Load(); Tag()
// is thread-safe.
#ifndef PALMYRA_LEXICAL_POS_TAGGER_H_
#define PALMYRA_LEXICAL_POS_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/mapped_image.h"
#include "core/pos_tag.h"
#include "core/string_table.h"
#include "lexical/lemmatizer.h"
#include "palmyra/status.h"

namespace palmyra {

inline constexpr int kNumTaggerTags = kNumPosTags - 1;  // every PosTag but kNone
inline int TagIndex(PosTag tag) { return static_cast<int>(tag) - 1; }
inline PosTag TagFromIndex(int index) { return static_cast<PosTag>(index + 1); }

// The weights a model file holds, as the trainer writes them.
struct TaggerModelData {
  struct Weight {
    uint8_t tag;
    float value;
  };
  // feature hash -> its non-zero weights
  std::vector<std::pair<uint64_t, std::vector<Weight>>> features;
  // tagger form hash (TagDictionaryKey) -> the tag of an unambiguous frequent word
  std::vector<std::pair<uint64_t, uint8_t>> tag_dictionary;
};

uint64_t TagDictionaryKey(std::string_view form);
Status WriteTaggerModel(const TaggerModelData& data, const std::string& path);

class PosTagger {
 public:
  static Result<std::unique_ptr<PosTagger>> Load(const std::string& path);
  static std::unique_ptr<PosTagger> FromData(const TaggerModelData& data);

  // Gives the tagger WordNet's word classes as features (the model must have
  // been trained with the same lexicon). Call before sharing the tagger.
  void SetLexicon(const Lemmatizer* lexicon) { lexicon_ = lexicon; }

  // Restricts the tags of the words listed in `path` (data/lexical/news_tags.txt).
  // Call before sharing the tagger between threads.
  Status LoadTagConstraints(const std::string& path);

  // Tags the words of one sentence (tagger forms, see TaggerForm). `keys`,
  // when given, are the lower-cased words, used to apply the tag constraints.
  void TagWords(const std::vector<std::string_view>& words, std::vector<PosTag>* tags,
                const std::vector<std::string_view>* keys = nullptr) const;
  // The stage entry: tags every token of every sentence.
  void Tag(Analysis* analysis) const;

  size_t num_features() const { return num_features_; }

 private:
  // Rules after the model: compounds, gerunds heading noun phrases, verbs
  // after "to" and auxiliaries, dates' prepositions, plurals in -s.
  void CorrectTags(const Analysis& a, const Sentence& s, const std::vector<std::string_view>& keys,
                   std::vector<PosTag>* tags) const;
  // "did not even ever clash": after a modal or "do" and adverbs, a word that
  // can be a verb is its base form.
  void VerbsAfterAuxiliaries(const std::vector<std::string_view>& keys,
                             std::vector<PosTag>* tags) const;
  // "Calenardhon crowds burned down ...": a plural noun read as a verb.
  void PluralNounsBeforePastVerbs(const std::vector<std::string_view>& keys,
                                  std::vector<PosTag>* tags) const;
  // "Iraqi police beat protesters": the verb of a sentence the model gave none.
  void VerbOfVerblessSentence(const std::vector<std::string_view>& keys,
                              std::vector<PosTag>* tags) const;
  // "The 67-year-old accused ...": a person named by their age before a verb.
  static void AgeNounsBeforeVerbs(const std::vector<std::string_view>& keys,
                                  std::vector<PosTag>* tags);
  // "demanded that the council lift the ban": the verb (a subjunctive) of a
  // clause opened by "that" that the model gave none.
  void BaseVerbOfVerblessThatClause(const std::vector<std::string_view>& keys,
                                    std::vector<PosTag>* tags) const;
  // "Armed men entered the village": a participle opening a sentence
  // before its subject's nouns and their verb is an adjective.
  static void ParticiplesOpeningSentences(std::vector<PosTag>* tags);
  // "Mordor arrests and tortures dissidents": the verb the model
  // missed in a clause it gave none.
  void PresentVerbOfVerblessClause(const Analysis& a, const Sentence& s,
                                   const std::vector<std::string_view>& keys,
                                   std::vector<PosTag>* tags) const;
  PosTagger() = default;
  // A feature's slot in the open-addressing table: its key (0 when the slot
  // is empty) and its weights' range, together in one 16-byte slot so that
  // a lookup costs one cache line.
  struct Slot {
    uint64_t key;
    uint32_t offset;
    uint32_t count;
  };
  // The tables as they are built, before they are written into the image.
  struct Tables;
  // The image's body: the model file read straight into the tables (no
  // vector per feature), or the trainer's data.
  static Result<std::string> Compile(const std::string& path);
  static std::string Compile(const TaggerModelData& data);
  // Sums the previous tags' features and writes the image's body.
  static std::string Finish(Tables* t);
  // Points the tables into `image`, which the tagger keeps.
  Status View(std::unique_ptr<MappedImage> image);
  // The slot of feature `hash`, or nullptr.
  const Slot* Find(uint64_t hash) const;
  // The slot where the search for `hash` begins (for prefetching).
  const Slot* Home(uint64_t hash) const;
  // Adds the weights of feature `hash` to `scores`.
  void AddWeights(uint64_t hash, float* scores) const;
  int TagOf(uint64_t word_key) const;

  // The tables, in the image (see mapped_image.h).
  std::unique_ptr<MappedImage> image_;
  const Slot* slots_ = nullptr;
  size_t num_slots_ = 0;  // a power of two
  const TaggerModelData::Weight* weights_ = nullptr;
  size_t num_features_ = 0;
  // The summed weights of the features of the two previous tags alone, for
  // each pair (kNumTaggerTags + 1 values each, the last standing for the
  // start): [(prev * (T + 1) + prev2) * T + tag].
  const float* transitions_ = nullptr;
  // The tag dictionary, by open addressing.
  const uint64_t* dict_keys_ = nullptr;
  const uint8_t* dict_tags_ = nullptr;
  size_t dict_size_ = 0;  // a power of two
  const Lemmatizer* lexicon_ = nullptr;
  // Allowed tags (bit i = tag index i) of constrained words: exact forms and
  // lower-case forms.
  uint64_t Allowed(std::string_view word, std::string_view key) const;
  StringTable exact_constraints_;
  std::vector<uint64_t> exact_masks_;
  StringTable folded_constraints_;
  std::vector<uint64_t> folded_masks_;
};

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_POS_TAGGER_H_
