// How the commands that read articles (code, enqueue, watch) read them,
// from their options.
#ifndef PALMYRA_CLI_INPUT_OPTIONS_H_
#define PALMYRA_CLI_INPUT_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "ingest/document_source.h"

namespace palmyra {

// The reading options of --date (YYYY-MM-DD, or empty) and
// --max-article-bytes; nullopt after saying what is wrong with --date.
std::optional<IngestOptions> MakeIngestOptions(const std::string& date,
                                               uint64_t max_article_bytes);

}  // namespace palmyra

#endif  // PALMYRA_CLI_INPUT_OPTIONS_H_
