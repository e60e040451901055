// palmyra dict check: reports the errors and warnings of dictionary files
// (actors, agents, verbs, discards, issues) with file and line.
#ifndef PALMYRA_CLI_DICT_COMMAND_H_
#define PALMYRA_CLI_DICT_COMMAND_H_

#include <string>
#include <vector>

namespace palmyra {

struct DictCommandOptions {
  std::vector<std::string> inputs;  // files or folders
  std::string data_dir;             // for cameo.tsv and roles.txt
  bool errors_only = false;         // do not print warnings
};

// Returns the exit status: 0 without errors, 1 with errors, 2 when the
// inputs or Palmyra's own tables cannot be read.
int RunDictCheckCommand(const DictCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_DICT_COMMAND_H_
