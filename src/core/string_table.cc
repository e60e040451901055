#include "core/string_table.h"

#include "core/hash.h"

namespace palmyra {

StringTable::StringTable() : offsets_{0}, slots_(64, 0), slot_hashes_(64, 0) {}

int32_t StringTable::Find(std::string_view s) const {
  const uint64_t h = Hash64(s);
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const int32_t slot = slots_[i];
    if (slot == 0) return kNotFound;
    if (slot_hashes_[i] == tag && Get(slot - 1) == s) return slot - 1;
  }
}

int32_t StringTable::Add(std::string_view s) {
  const int32_t found = Find(s);
  if (found != kNotFound) return found;
  if ((size() + 1) * 2 > static_cast<int32_t>(slots_.size())) Grow();
  const int32_t id = size();
  chars_.append(s);
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  const uint64_t h = Hash64(s);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = id + 1;
  slot_hashes_[i] = static_cast<uint32_t>(h >> 32);
  return id;
}

void StringTable::Grow() {
  std::vector<int32_t> slots(slots_.size() * 2, 0);
  std::vector<uint32_t> hashes(slots.size(), 0);
  const size_t mask = slots.size() - 1;
  for (int32_t id = 0; id < size(); ++id) {
    const uint64_t h = Hash64(Get(id));
    size_t i = h & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
    hashes[i] = static_cast<uint32_t>(h >> 32);
  }
  slots_ = std::move(slots);
  slot_hashes_ = std::move(hashes);
}

}  // namespace palmyra
