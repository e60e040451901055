#include "cli/input_options.h"

#include <cstdio>

namespace palmyra {

std::optional<IngestOptions> MakeIngestOptions(const std::string& date,
                                               uint64_t max_article_bytes) {
  IngestOptions ingest;
  ingest.max_article_bytes = max_article_bytes;
  if (!date.empty()) {
    ingest.default_date = Date::Parse(date);
    if (!ingest.default_date) {
      std::fprintf(stderr, "palmyra: --date '%s' is not a date in the form YYYY-MM-DD\n",
                   date.c_str());
      return std::nullopt;
    }
  }
  return ingest;
}

}  // namespace palmyra
