#include "events/modality_codes.h"

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {

Result<std::unique_ptr<ModalityCodes>> ModalityCodes::Load(const std::string& data_dir) {
  std::unique_ptr<ModalityCodes> codes(new ModalityCodes());
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/ontology/modality_codes.tsv", [&](std::string_view line, int) {
        const auto f = SplitWhitespace(line);
        int kind = -1;
        if (f.size() == 3) {
          kind = f[0] == "future" ? 0 : f[0] == "negated" ? 1 : f[0] == "obligation" ? 2 : -1;
        }
        if (kind < 0) return DataError("expected 'future|negated|obligation PREFIX CODE'");
        codes->table_[kind][std::string(f[1])] = std::string(f[2]);
        return Status::Ok();
      }));
  return codes;
}

std::string ModalityCodes::Recode(Kind kind, std::string_view code) const {
  const auto& table = table_[static_cast<int>(kind)];
  for (size_t n = code.size(); n > 0; --n) {
    auto it = table.find(std::string(code.substr(0, n)));
    if (it != table.end()) return it->second;
  }
  return "";
}

}  // namespace palmyra
