// libFuzzer target: PETRARCH validation records (ingest/validation_records.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/validation_records.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = palmyra::ParseValidationRecords(bytes, "fuzz.xml");
  if (!file.ok()) return 0;
  for (const palmyra::ValidationRecord& r : file->records) {
    // Entities never expand a record's text beyond the cap.
    if (r.text.size() > palmyra::kMaxElementText) __builtin_trap();
    palmyra::WithoutCommaClauses(r.text, r.commas);
  }
  return 0;
}
