#include "core/string_table.h"

#include "core/hash.h"
#include "core/mapped_image.h"

namespace palmyra {

StringTable::StringTable() : offsets_{0}, slots_(64, 0), slot_hashes_(64, 0) {}

int32_t StringTableArrays::Find(std::string_view s) const {
  const uint64_t h = Hash64(s);
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  const size_t mask = num_slots - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const int32_t slot = slots[i];
    if (slot == 0) return StringTable::kNotFound;
    if (slot_hashes[i] == tag && Get(slot - 1) == s) return slot - 1;
  }
}

int32_t StringTable::Find(std::string_view s) const {
  StringTableArrays a;
  a.chars = chars_.data();
  a.offsets = offsets_.data();
  a.slots = slots_.data();
  a.slot_hashes = slot_hashes_.data();
  a.num_slots = slots_.size();
  return a.Find(s);
}

void StringTable::Write(ImageWriter* out) const {
  out->Add(chars_.data(), chars_.size());
  out->Add(offsets_);
  out->Add(slots_);
  out->Add(slot_hashes_);
}

bool StringTableView::Read(ImageReader* in) {
  std::string_view chars;
  size_t offsets, slots, hashes;
  if (!in->Next(&chars) || !in->Next(&a_.offsets, &offsets) || !in->Next(&a_.slots, &slots) ||
      !in->Next(&a_.slot_hashes, &hashes)) {
    return false;
  }
  // A table as Write wrote it: ordered offsets within the characters, a
  // power-of-two index with an empty slot, ids in range.
  if (offsets == 0 || slots == 0 || (slots & (slots - 1)) != 0 || hashes != slots ||
      offsets - 1 >= slots || a_.offsets[0] != 0 || a_.offsets[offsets - 1] != chars.size()) {
    return false;
  }
  for (size_t i = 1; i < offsets; ++i) {
    if (a_.offsets[i] < a_.offsets[i - 1]) return false;
  }
  for (size_t i = 0; i < slots; ++i) {
    if (a_.slots[i] < 0 || static_cast<size_t>(a_.slots[i]) > offsets - 1) return false;
  }
  a_.chars = chars.data();
  a_.size = offsets - 1;
  a_.num_slots = slots;
  return true;
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
