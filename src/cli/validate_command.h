// palmyra validate: runs PETRARCH validation records (an XML file of
// <Sentence> records with expected <EventCoding>s) and reports each failure
// with the expected and produced codings, ending with "N passed, M failed".
//
// The dictionaries named in <Environment> are looked for beside the records
// file, then in ../dictionaries (PETRARCH's own layout), then in --dict-dir;
// they replace Palmyra's built-in dictionaries. Records whose category is
// not in <Include> are skipped; <Config> options apply to the records after
// them: require_dyad (whether an event needs both actors) and comma_min,
// comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax (comma-delimited
// clauses of those lengths in words are taken out of the text). Palmyra
// codes the <Text> alone and ignores the <Parse>. A record passes when the set of (source, target,
// code) Palmyra codes equals the expected one; "noevents" and "error" records pass when nothing is
// coded.
#ifndef PALMYRA_CLI_VALIDATE_COMMAND_H_
#define PALMYRA_CLI_VALIDATE_COMMAND_H_

#include <string>

#include "palmyra/options.h"

namespace palmyra {

struct ValidateCommandOptions {
  Options engine;
  std::string records;   // the XML file
  std::string dict_dir;  // another folder to look for the dictionaries in
  int min_pass = 0;      // exit 1 when fewer records pass
  bool quiet = false;    // only the summary line
};

// Returns 0, 1 when fewer than min_pass records pass, 2 when the records or
// their dictionaries cannot be read.
int RunValidateCommand(const ValidateCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_VALIDATE_COMMAND_H_
