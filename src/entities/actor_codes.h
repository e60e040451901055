// ActorCodes: reading CAMEO-style actor codes ("SYRMIL", "IGOUNOPKO") into
// their country and sector, with the code parts listed in
// data/actors/roles.txt. Immutable after Load(); thread-safe.
#ifndef PALMYRA_ENTITIES_ACTOR_CODES_H_
#define PALMYRA_ENTITIES_ACTOR_CODES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/string_table.h"
#include "palmyra/status.h"

namespace palmyra {

class ActorCodes {
 public:
  static Result<std::unique_ptr<ActorCodes>> Load(const std::string& data_dir);

  bool IsRole(std::string_view part) const { return roles_.Find(part) != StringTable::kNotFound; }
  bool IsInternational(std::string_view part) const {
    return international_.Find(part) != StringTable::kNotFound;
  }
  // "SYRMIL" -> SYR; "MIL" -> "" (no country); "IGOUNO" -> IGO.
  std::string_view Country(std::string_view code) const;
  // The first role part after the country: "SYRMIL" -> MIL, "IGOUNO" -> "".
  std::string_view Sector(std::string_view code) const;
  // True for sectors of civil life whose "attacks" and "fights" are figures
  // of speech (BUS, MED, ...), marked "civil" in roles.txt. Not true for "".
  bool IsNonviolent(std::string_view sector) const {
    return !sector.empty() && civil_.Find(sector) != StringTable::kNotFound;
  }
  // True when `code` has a role part after its country.
  bool HasRole(std::string_view code) const { return !Sector(code).empty(); }
  // True when roles.txt gives role or international kind `part` the tag
  // "@tag": HasTag("MIL", "armed").
  bool HasTag(std::string_view part, std::string_view tag) const;

 private:
  ActorCodes() = default;
  StringTable roles_;
  StringTable international_;
  StringTable civil_;
  std::map<std::string, StringTable, std::less<>> tagged_;  // tag (without "@") -> parts
};

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ACTOR_CODES_H_
