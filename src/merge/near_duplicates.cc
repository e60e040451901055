#include "merge/near_duplicates.h"

#include <cstdio>
#include <limits>

#include "core/hash.h"

namespace palmyra {
namespace {

// Calls fn(word) for each word: a run of letters and digits (any byte of a
// UTF-8 sequence counts as a letter), lower-cased. One word is held at a
// time, so memory does not grow with the text.
template <typename Fn>
void ForEachWord(std::string_view text, Fn fn) {
  std::string word;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z')) {
      word.push_back(c);
    } else if (u >= 'A' && u <= 'Z') {
      word.push_back(static_cast<char>(u - 'A' + 'a'));
    } else if (!word.empty()) {
      fn(word);
      word.clear();
    }
  }
  if (!word.empty()) fn(word);
}

}  // namespace

std::optional<MinHash> MinHashOf(std::string_view text) {
  MinHash signature;
  signature.fill(std::numeric_limits<uint32_t>::max());
  // The hashes of the last two words; each word closes a three-gram.
  uint64_t previous[2] = {0, 0};
  int64_t count = 0;
  ForEachWord(text, [&](const std::string& word) {
    const uint64_t h = Hash64(word);
    if (count >= 2) {
      const uint64_t shingle = HashCombine(HashCombine(previous[0], previous[1]), h);
      for (int k = 0; k < kMinHashSize; ++k) {
        const uint32_t v =
            static_cast<uint32_t>(MixBits(shingle ^ (0x9e3779b97f4a7c15ULL * (k + 1))));
        if (v < signature[k]) signature[k] = v;
      }
    }
    previous[0] = previous[1];
    previous[1] = h;
    ++count;
  });
  if (count < kNearDuplicateMinWords) return std::nullopt;
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
