// `palmyra export` and `palmyra stats`: reading a database written by
// `palmyra code --db`.
#ifndef PALMYRA_CLI_STORE_COMMANDS_H_
#define PALMYRA_CLI_STORE_COMMANDS_H_

#include <string>

#include "query/filter_words.h"

namespace CLI {
class App;
}

namespace palmyra {

// The filters `export` and `stats` share.
using FilterOptions = FilterWords;
// Adds the filter options to a command.
void AddFilterOptions(CLI::App* command, FilterOptions* options);

struct ExportCommandOptions {
  std::string db;
  std::string pg;      // instead of db: a PostgreSQL database (libpq connection string)
  std::string events;  // instead of db: events as `code` writes them ("-": standard input)
  std::string format = "jsonl";  // jsonl | csv | gdelt | plover | acled | geojson | happenings
  FilterOptions filter;
  std::string output;  // file; empty: standard output
};

// Returns 0; 1 when the database cannot be read or the output written; 2
// when an option is wrong (an unknown format, type or country).
int RunExportCommand(const ExportCommandOptions& options);

struct ShowCommandOptions {
  std::string db;
  std::string pg;
};

// A readable summary of the stored events, article by article: who did what
// to whom, where and when, and according to whom.
int RunShowCommand(const ShowCommandOptions& options);

struct StatsCommandOptions {
  std::string db;
  std::string pg;
  int top = 20;        // rows of each ranking
  std::string by;      // day | week | month: a time series instead of rankings
  std::string format;  // text (default) | csv, for --by
  FilterOptions filter;
};

// Rankings of the stored events, or with --by the events (and their dead)
// per period and PLOVER type, under the filters of `export`.
int RunStatsCommand(const StatsCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_STORE_COMMANDS_H_
