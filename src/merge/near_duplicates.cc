#include "merge/near_duplicates.h"

#include <cstdio>
#include <limits>

#include "core/hash.h"

namespace palmyra {
namespace {

// Words: runs of letters and digits (any byte of a UTF-8 sequence counts as
// a letter), lower-cased.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')) {
      word.push_back(c);
    } else if (u >= 'A' && u <= 'Z') {
      word.push_back(static_cast<char>(u - 'A' + 'a'));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::optional<MinHash> MinHashOf(std::string_view text) {
  const std::vector<std::string> words = Words(text);
  if (static_cast<int>(words.size()) < kNearDuplicateMinWords) return std::nullopt;
  MinHash signature;
  signature.fill(std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    const uint64_t shingle =
        HashCombine(HashCombine(Hash64(words[i]), Hash64(words[i + 1])), Hash64(words[i + 2]));
    for (int k = 0; k < kMinHashSize; ++k) {
      const uint32_t h =
          static_cast<uint32_t>(MixBits(shingle ^ (0x9e3779b97f4a7c15ULL * (k + 1))));
      if (h < signature[k]) signature[k] = h;
    }
  }
  return signature;
}

double Similarity(const MinHash& a, const MinHash& b) {
  int same = 0;
  for (int k = 0; k < kMinHashSize; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashSize;
}

std::array<uint64_t, kMinHashBands> MinHashBandKeys(const MinHash& signature) {
  constexpr int kRows = kMinHashSize / kMinHashBands;
  std::array<uint64_t, kMinHashBands> keys;
  for (int b = 0; b < kMinHashBands; ++b) {
    uint64_t h = static_cast<uint64_t>(b);
    for (int r = 0; r < kRows; ++r) h = HashCombine(h, signature[b * kRows + r]);
    keys[b] = h;
  }
  return keys;
}

std::string MinHashToHex(const MinHash& signature) {
  std::string hex;
  char buffer[9];
  for (uint32_t v : signature) {
    std::snprintf(buffer, sizeof buffer, "%08x", v);
    hex += buffer;
  }
  return hex;
}

std::optional<MinHash> MinHashFromHex(std::string_view hex) {
  if (hex.size() != 8 * kMinHashSize) return std::nullopt;
  MinHash signature;
  for (int k = 0; k < kMinHashSize; ++k) {
    uint32_t v = 0;
    for (char c : hex.substr(8 * k, 8)) {
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (digit < 0) return std::nullopt;
      v = v * 16 + static_cast<uint32_t>(digit);
    }
    signature[k] = v;
  }
  return signature;
}

std::optional<std::string> NearDuplicateIndex::Find(const MinHash& signature) const {
  std::optional<size_t> best;
  double best_similarity = kNearDuplicateSimilarity;
  for (uint64_t key : MinHashBandKeys(signature)) {
    const auto [from, to] = bands_.equal_range(key);
    for (auto it = from; it != to; ++it) {
      const double s = Similarity(signature, entries_[it->second].first);
      if (s > best_similarity || (s == best_similarity && (!best || it->second < *best))) {
        best_similarity = s;
        best = it->second;
      }
    }
  }
  if (!best) return std::nullopt;
  return entries_[*best].second;
}

void NearDuplicateIndex::Add(const MinHash& signature, const std::string& id) {
  for (uint64_t key : MinHashBandKeys(signature)) bands_.emplace(key, entries_.size());
  entries_.emplace_back(signature, id);
}

}  // namespace palmyra
