// PosTagger: an averaged-perceptron part-of-speech tagger giving Penn Treebank
// tags. Its model is trained at build time on the Brown corpus (see
// tagger_trainer.h) and loaded from one binary file. Immutable after Load();
// Tag() is thread-safe.
#ifndef PALMYRA_LEXICAL_POS_TAGGER_H_
#define PALMYRA_LEXICAL_POS_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/pos_tag.h"
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

  // Tags the words of one sentence (tagger forms, see TaggerForm).
  void TagWords(const std::vector<std::string_view>& words, std::vector<PosTag>* tags) const;
  // The stage entry: tags every token of every sentence.
  void Tag(Analysis* analysis) const;

  size_t num_features() const { return entries_.size(); }

 private:
  PosTagger() = default;
  void Build(const TaggerModelData& data);
  // Index into entries_ for feature `hash`, or -1.
  int64_t Find(uint64_t hash) const;
  int TagOf(uint64_t word_key) const;

  struct Entry {
    uint32_t offset;
    uint32_t count;
  };
  std::vector<uint64_t> keys_;         // open addressing; 0 is empty
  std::vector<uint32_t> slots_;        // index into entries_
  std::vector<Entry> entries_;
  std::vector<TaggerModelData::Weight> weights_;
  std::vector<uint64_t> dict_keys_;    // open addressing tag dictionary
  std::vector<uint8_t> dict_tags_;
};

}  // namespace palmyra

#endif  // PALMYRA_LEXICAL_POS_TAGGER_H_
