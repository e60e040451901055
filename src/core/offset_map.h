// OffsetMap: maps byte offsets in a normalised text back to byte offsets in
// the original text it came from. Normalisation copies most text unchanged
// ("identity" runs) and rewrites a few characters (curly quotes, compatibility
// forms, invisible characters); each rewrite is one segment that maps as a
// whole, so a token never points into the middle of an original character.
#ifndef PALMYRA_CORE_OFFSET_MAP_H_
#define PALMYRA_CORE_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

namespace palmyra {

class OffsetMap {
 public:
  // Appends `length` bytes copied unchanged from original offset `orig_start`.
  void AppendIdentity(uint32_t orig_start, uint32_t length);
  // Appends `norm_length` normalised bytes standing for `orig_length` original
  // bytes starting at `orig_start` (norm_length may be 0 for removed text).
  void AppendReplaced(uint32_t orig_start, uint32_t orig_length, uint32_t norm_length);

  // Original offset of the character that starts at normalised offset `n`.
  uint32_t MapStart(uint32_t n) const;
  // Original offset just past the character that ends at normalised offset `n`.
  uint32_t MapEnd(uint32_t n) const;

  uint32_t norm_size() const { return norm_size_; }
  void Clear();

 private:
  struct Segment {
    uint32_t norm_start;
    uint32_t orig_start;
    uint32_t norm_length;
    uint32_t orig_length;
    bool identity;
  };
  // The segment holding normalised byte `n` (n < norm_size_); never one of
  // length 0.
  const Segment& Find(uint32_t n) const;

  std::vector<Segment> segments_;
  uint32_t norm_size_ = 0;
  uint32_t orig_end_ = 0;
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_OFFSET_MAP_H_
