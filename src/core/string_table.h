// StringTable: interns strings into dense ids (0, 1, 2, ...) with a flat
// open-addressing index. Built single-threaded with Add(), then only read:
// Find() and Get() are safe from any number of threads at once.
#ifndef PALMYRA_CORE_STRING_TABLE_H_
#define PALMYRA_CORE_STRING_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace palmyra {

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

 private:
  void Grow();

  std::string chars_;              // all strings, back to back
  std::vector<uint32_t> offsets_;  // start of string i; offsets_[size()] is the end
  std::vector<int32_t> slots_;     // id + 1, 0 when empty; size is a power of two
  std::vector<uint32_t> slot_hashes_;
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_STRING_TABLE_H_
