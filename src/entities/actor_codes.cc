#include "entities/actor_codes.h"

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {

Result<std::unique_ptr<ActorCodes>> ActorCodes::Load(const std::string& data_dir) {
  std::unique_ptr<ActorCodes> codes(new ActorCodes());
  RETURN_IF_ERROR(ForEachDataLine(data_dir + "/actors/roles.txt", [&](std::string_view line, int) {
    const auto fields = SplitWhitespace(line);
    if (fields.size() < 2 || fields[1].size() != 3) {
      return DataError("expected 'role CODE description' with a three-letter code");
    }
    for (size_t i = 2; i < fields.size(); ++i) {
      if (fields[i].size() > 1 && fields[i][0] == '@') {
        codes->tagged_[std::string(fields[i].substr(1))].Add(fields[1]);
      }
    }
    if (fields[0] == "role" || fields[0] == "civil-role") {
      codes->roles_.Add(fields[1]);
      if (fields[0] == "civil-role") codes->civil_.Add(fields[1]);
    } else if (fields[0] == "international") {
      codes->international_.Add(fields[1]);
    } else {
      return DataError("expected 'role', 'civil-role' or 'international', not '" +
                       std::string(fields[0]) + "'");
    }
    return Status::Ok();
  }));
  return codes;
}

bool ActorCodes::HasTag(std::string_view part, std::string_view tag) const {
  if (part.empty()) return false;
  const auto it = tagged_.find(std::string(tag));
  return it != tagged_.end() && it->second.Find(part) != StringTable::kNotFound;
}

std::string_view ActorCodes::Country(std::string_view code) const {
  if (code.size() < 3 || IsRole(code.substr(0, 3))) return {};
  return code.substr(0, 3);
}

std::string_view ActorCodes::Sector(std::string_view code) const {
  const size_t start = Country(code).empty() ? 0 : 3;
  for (size_t i = start; i + 3 <= code.size(); i += 3) {
    if (IsRole(code.substr(i, 3))) return code.substr(i, 3);
  }
  return {};
}

}  // namespace palmyra
