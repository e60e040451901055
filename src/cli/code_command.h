// `palmyra code`: reads articles and writes their events.
#ifndef PALMYRA_CLI_CODE_COMMAND_H_
#define PALMYRA_CLI_CODE_COMMAND_H_

#include <string>
#include <vector>

#include "ingest/document_source.h"
#include "palmyra/options.h"

namespace palmyra {

struct CodeCommandOptions {
  Options engine;
  std::vector<std::string> inputs;
  std::string date;              // YYYY-MM-DD for articles without one
  int threads = 0;               // 0: all cores
  std::string format = "jsonl";  // jsonl | text
  std::string output;            // file; empty: standard output ("-" too)
  std::string db;                // SQLite database to store into; empty: none
  std::string pg;                // or a PostgreSQL database (libpq connection string)
  bool quiet = false;            // no summary line
  bool keep_duplicates = false;  // code near-duplicate articles too
  uint64_t max_article_bytes = kDefaultMaxArticleBytes;  // longer articles are skipped
};

// Returns the process exit status: 0, or 1 when an input could not be read
// (the rest is still coded), or 2 when nothing could be done.
int RunCodeCommand(const CodeCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_CODE_COMMAND_H_
