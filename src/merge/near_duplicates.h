// Near-duplicate articles: syndicated copies of a story and lightly edited
// updates of it. Each text gets a MinHash signature of its word three-grams
// (64 minima of 64 hash functions); two texts whose signatures agree in at
// least kNearDuplicateSimilarity of their places share about that share of
// three-grams (Jaccard similarity). To find candidates among many texts, a
// signature is cut into 16 bands of 4 minima: texts that share a band are
// compared, which finds nearly all pairs above 0.7 and almost no pair below
// 0.3.
#ifndef PALMYRA_MERGE_NEAR_DUPLICATES_H_
#define PALMYRA_MERGE_NEAR_DUPLICATES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace palmyra {

inline constexpr int kMinHashSize = 64;
inline constexpr int kMinHashBands = 16;
inline constexpr double kNearDuplicateSimilarity = 0.7;
// Texts shorter than this many words are too short to compare this way.
inline constexpr int kNearDuplicateMinWords = 40;

using MinHash = std::array<uint32_t, kMinHashSize>;

// The signature of `text`, or nothing when it has too few words.
std::optional<MinHash> MinHashOf(std::string_view text);

// The estimated Jaccard similarity of two texts' three-grams.
double Similarity(const MinHash& a, const MinHash& b);

// The keys of a signature's bands.
std::array<uint64_t, kMinHashBands> MinHashBandKeys(const MinHash& signature);

// The signature as text (hex) for storage, and back.
std::string MinHashToHex(const MinHash& signature);
std::optional<MinHash> MinHashFromHex(std::string_view hex);

// An index of the signatures of one run.
class NearDuplicateIndex {
 public:
  // The id of an earlier text at least kNearDuplicateSimilarity alike, if any
  // (the most alike; the first added among equals).
  std::optional<std::string> Find(const MinHash& signature) const;
  void Add(const MinHash& signature, const std::string& id);

 private:
  std::vector<std::pair<MinHash, std::string>> entries_;
  std::unordered_multimap<uint64_t, size_t> bands_;
};

}  // namespace palmyra

#endif  // PALMYRA_MERGE_NEAR_DUPLICATES_H_
