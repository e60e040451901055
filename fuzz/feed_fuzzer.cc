// libFuzzer target: RSS and Atom feeds (ingest/feed_reader.h).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<palmyra::IngestProblem> problems;
  palmyra::ReadFeed(bytes, "fuzz.xml", &problems);
  palmyra::LooksLikeFeed(bytes);
  return 0;
}
