#include "events/cameo_table.h"

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {

int CameoTable::QuadClass(std::string_view code) {
  if (code.size() < 2 || !IsAsciiDigit(code[0]) || !IsAsciiDigit(code[1])) return 0;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

Result<std::unique_ptr<CameoTable>> CameoTable::Load(const std::string& data_dir) {
  std::unique_ptr<CameoTable> table(new CameoTable());
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/ontology/cameo.tsv", [&](std::string_view line, int) {
        const auto f = Split(line, '\t');
        if (f.size() != 7) return DataError("expected 7 tab-separated columns");
        CameoEntry e;
        e.code = std::string(f[0]);
        e.label = std::string(f[1]);
        const auto goldstein = ParseDouble(f[2]);
        e.quad_class = QuadClass(e.code);
        if (!goldstein || *goldstein < -10 || *goldstein > 10 || e.quad_class == 0) {
          return DataError("bad code '" + e.code + "' or Goldstein value");
        }
        e.goldstein = *goldstein;
        e.plover_type = std::string(f[3]);
        e.plover_mode = std::string(f[4]);
        if (f[5] != "-") {
          e.acled_type = std::string(f[5]);
          e.acled_subtype = std::string(f[6]);
        }
        const std::string code = e.code;
        table->entries_.emplace(code, std::move(e));
        return Status::Ok();
      }));
  return table;
}

const CameoEntry* CameoTable::Find(std::string_view code) const {
  auto it = entries_.find(std::string(code));
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace palmyra
