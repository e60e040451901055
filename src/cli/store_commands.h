// `palmyra export` and `palmyra stats`: reading a database written by
// `palmyra code --db`.
#ifndef PALMYRA_CLI_STORE_COMMANDS_H_
#define PALMYRA_CLI_STORE_COMMANDS_H_

#include <string>

namespace palmyra {

struct ExportCommandOptions {
  std::string db;
  std::string format = "jsonl";  // jsonl | csv | gdelt | plover
  std::string from, to;          // YYYY-MM-DD, inclusive
  std::string actor, type, country;
  std::string source, target, place_country;
  std::string modality;   // comma-separated; "all"; empty: the format's default
  std::string precision;  // day | week | month
  std::string output;     // file; empty: standard output
};

// Returns 0; 1 when the database cannot be read or the output written; 2
// when an option is wrong (an unknown format, type or country).
int RunExportCommand(const ExportCommandOptions& options);

struct ShowCommandOptions {
  std::string db;
};

// A readable summary of the stored events, article by article: who did what
// to whom, where and when, and according to whom.
int RunShowCommand(const ShowCommandOptions& options);

struct StatsCommandOptions {
  std::string db;
  int top = 20;  // rows of each ranking
};

int RunStatsCommand(const StatsCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_STORE_COMMANDS_H_
