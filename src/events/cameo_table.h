// CameoTable: every CAMEO event code with its label, Goldstein value and
// crosswalks to PLOVER and ACLED, loaded from data/ontology/cameo.tsv.
// Immutable after Load(); thread-safe.
#ifndef PALMYRA_EVENTS_CAMEO_TABLE_H_
#define PALMYRA_EVENTS_CAMEO_TABLE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "palmyra/status.h"

namespace palmyra {

struct CameoEntry {
  std::string code;
  std::string label;
  double goldstein = 0.0;
  int quad_class = 0;
  std::string plover_type;
  std::string plover_mode;
  std::string acled_type;  // empty when ACLED has no counterpart
  std::string acled_subtype;
};

class CameoTable {
 public:
  static Result<std::unique_ptr<CameoTable>> Load(const std::string& data_dir);

  // The entry of `code`, or nullptr for a code CAMEO does not have.
  const CameoEntry* Find(std::string_view code) const;
  size_t size() const { return entries_.size(); }

  // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
  // 4 material conflict; 0 for a malformed code.
  static int QuadClass(std::string_view code);

 private:
  CameoTable() = default;
  std::unordered_map<std::string, CameoEntry> entries_;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_CAMEO_TABLE_H_
