#include "core/offset_map.h"

#include <algorithm>

namespace palmyra {

void OffsetMap::AppendIdentity(uint32_t orig_start, uint32_t length) {
  if (length == 0) return;
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    if (last.identity && last.orig_start + last.orig_length == orig_start) {
      last.norm_length += length;
      last.orig_length += length;
      norm_size_ += length;
      orig_end_ = orig_start + length;
      return;
    }
  }
  segments_.push_back({norm_size_, orig_start, length, length, true});
  norm_size_ += length;
  orig_end_ = orig_start + length;
}

void OffsetMap::AppendReplaced(uint32_t orig_start, uint32_t orig_length, uint32_t norm_length) {
  segments_.push_back({norm_size_, orig_start, norm_length, orig_length, false});
  norm_size_ += norm_length;
  orig_end_ = orig_start + orig_length;
}

const OffsetMap::Segment& OffsetMap::Find(uint32_t n) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), n,
                             [](uint32_t value, const Segment& s) { return value < s.norm_start; });
  // `it` is the first segment starting after n; step back to one that covers n.
  do {
    --it;
  } while (it->norm_length == 0);
  return *it;
}

uint32_t OffsetMap::MapStart(uint32_t n) const {
  if (n >= norm_size_) return orig_end_;
  const Segment& s = Find(n);
  return s.identity ? s.orig_start + (n - s.norm_start) : s.orig_start;
}

uint32_t OffsetMap::MapEnd(uint32_t n) const {
  if (n == 0) return segments_.empty() ? 0 : segments_.front().orig_start;
  if (n > norm_size_) return orig_end_;
  const Segment& s = Find(n - 1);
  return s.identity ? s.orig_start + (n - s.norm_start) : s.orig_start + s.orig_length;
}

void OffsetMap::Clear() {
  segments_.clear();
  norm_size_ = 0;
  orig_end_ = 0;
}

}  // namespace palmyra
