// StringTable: interns strings into dense ids (0, 1, 2, ...) with a flat
// open-addressing index. Built single-threaded with Add(), then only read:
// Find() and Get() are safe from any number of threads at once.
// StringTableView reads a table written into a compiled image
// (mapped_image.h) in place, with the same ids.
#ifndef PALMYRA_CORE_STRING_TABLE_H_
#define PALMYRA_CORE_STRING_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace palmyra {

class ImageReader;
class ImageWriter;

// The tables' arrays, wherever they live.
struct StringTableArrays {
  const char* chars = nullptr;
  const uint32_t* offsets = nullptr;  // size + 1 entries
  const int32_t* slots = nullptr;     // id + 1, 0 when empty; a power of two
  const uint32_t* slot_hashes = nullptr;
  size_t size = 0;
  size_t num_slots = 0;

  int32_t Find(std::string_view s) const;
  std::string_view Get(int32_t id) const {
    return std::string_view(chars + offsets[id], offsets[id + 1] - offsets[id]);
  }
};

class StringTable {
 public:
  static constexpr int32_t kNotFound = -1;

  StringTable();

  // Returns the id of `s`, adding it when new.
  int32_t Add(std::string_view s);
  // Returns the id of `s`, or kNotFound.
  int32_t Find(std::string_view s) const;
  std::string_view Get(int32_t id) const {
    return std::string_view(chars_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  int32_t size() const { return static_cast<int32_t>(offsets_.size() - 1); }
  // Appends the table to an image, for StringTableView::Read.
  void Write(ImageWriter* out) const;

 private:
  void Grow();

  std::string chars_;              // all strings, back to back
  std::vector<uint32_t> offsets_;  // start of string i; offsets_[size()] is the end
  std::vector<int32_t> slots_;     // id + 1, 0 when empty; size is a power of two
  std::vector<uint32_t> slot_hashes_;
};

class StringTableView {
 public:
  static constexpr int32_t kNotFound = StringTable::kNotFound;
  // Reads the sections StringTable::Write wrote; false when they do not
  // form a table.
  bool Read(ImageReader* in);
  int32_t Find(std::string_view s) const { return a_.Find(s); }
  std::string_view Get(int32_t id) const { return a_.Get(id); }
  int32_t size() const { return static_cast<int32_t>(a_.size); }

 private:
  StringTableArrays a_;
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_STRING_TABLE_H_
