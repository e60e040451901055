// CameoTable: every CAMEO event code with its label, Goldstein value,
// crosswalk to PLOVER, and the traits that steer the rules
// (violent, mutual, request, ...), loaded from data/ontology/cameo.tsv. The
// one place that says what a code means. Immutable after Load(); thread-safe.
#ifndef PALMYRA_EVENTS_CAMEO_TABLE_H_
#define PALMYRA_EVENTS_CAMEO_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "palmyra/status.h"

namespace palmyra {

// What a code means to the rules; see data/ontology/cameo.tsv.
enum class CameoTrait : uint8_t {
  kViolent = 1 << 0,
  kMutual = 1 << 1,
  kRequest = 1 << 2,
  kUnspecified = 1 << 3,
  kCoercion = 1 << 4,
  kProtest = 1 << 5,
  kOwnForces = 1 << 6,
  kCombat = 1 << 7,
};

struct CameoEntry {
  std::string code;
  std::string label;
  double goldstein = 0.0;
  int quad_class = 0;
  std::string plover_type;
  std::string plover_mode;
  uint8_t traits = 0;  // CameoTrait bits, its root's included
  // PLOVER contexts ("military", "economic"), from the words of its label
  // and its root's (data/ontology/plover_contexts.txt); may be empty.
  std::vector<std::string> plover_contexts;
};

class CameoTable {
 public:
  static Result<std::unique_ptr<CameoTable>> Load(const std::string& data_dir);

  // The entry of `code`, or nullptr for a code CAMEO does not have.
  const CameoEntry* Find(std::string_view code) const;
  size_t size() const { return entries_.size(); }
  const std::unordered_map<std::string, CameoEntry>& entries() const { return entries_; }

  // Whether `code` has `trait`; false for a code the table lacks.
  bool Has(std::string_view code, CameoTrait trait) const {
    const CameoEntry* e = Find(code);
    return e != nullptr && (e->traits & static_cast<uint8_t>(trait)) != 0;
  }

  // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
  // 4 material conflict; 0 for a malformed code.
  static int QuadClass(std::string_view code);
  // The root, 1-20; 0 for a code of another scheme ("075A") or a malformed one.
  static int Root(std::string_view code);

 private:
  CameoTable() = default;
  std::unordered_map<std::string, CameoEntry> entries_;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_CAMEO_TABLE_H_
