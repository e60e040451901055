// Stable 64-bit hashing for strings and for combining hashes. The values do
// not depend on the platform or the standard library, so they can be stored
// in model files and used for event ids.
#ifndef PALMYRA_CORE_HASH_H_
#define PALMYRA_CORE_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace palmyra {

// The splitmix64 finaliser: a good avalanche for one 64-bit word.
inline uint64_t MixBits(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  return MixBits(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

inline uint64_t Hash64(std::string_view s, uint64_t seed = 0) {
  uint64_t h = seed ^ (0x27d4eb2f165667c5ULL * (s.size() + 1));
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    // Little-endian whatever the machine's byte order.
    uint64_t block;
    std::memcpy(&block, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    block = __builtin_bswap64(block);
#endif
    h = (h ^ MixBits(block)) * 0x9e3779b97f4a7c15ULL;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < n; ++i)
    tail |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
  h = (h ^ MixBits(tail ^ n)) * 0x9e3779b97f4a7c15ULL;
  return MixBits(h);
}

}  // namespace palmyra

#endif  // PALMYRA_CORE_HASH_H_
