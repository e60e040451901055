// libFuzzer target: JSON Lines records and the telling of input formats
// (ingest/document_source.h).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/document_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  palmyra::Document doc;
  std::vector<palmyra::IngestProblem> warnings;
  if (palmyra::ParseJsonArticle(bytes, "fuzz.jsonl:1", &doc, &warnings).ok() && doc.id.empty())
    __builtin_trap();  // every article gets an id
  palmyra::DetectInputFormat(bytes);
  return 0;
}
