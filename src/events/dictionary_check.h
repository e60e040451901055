// Checking dictionaries (`palmyra dict check`): every file is read by the
// reader of its kind (see entities/dictionary_files.h), and beyond what the
// readers report, the checker warns of duplicate entries (within and across
// the files checked together), of codes CAMEO does not know (event codes
// that cameo.tsv lacks, actor codes that are not three-letter parts, agent
// roles that roles.txt lacks) and of an entry's dated codes whose ranges
// overlap. Errors are what would keep an entry from loading.
#ifndef PALMYRA_EVENTS_DICTIONARY_CHECK_H_
#define PALMYRA_EVENTS_DICTIONARY_CHECK_H_

#include <map>
#include <string>
#include <vector>

#include "entities/actor_codes.h"
#include "entities/dictionary_files.h"
#include "events/cameo_table.h"

namespace palmyra {

struct DictionaryCheck {
  struct FileReport {
    std::string path;
    DictionaryKind kind = DictionaryKind::kActors;
    int entries = 0;  // actors, verb blocks, discard or issue phrases
  };
  std::vector<FileReport> files;
  std::vector<Diagnostic> diagnostics;  // in file and line order
  int errors = 0;
  int warnings = 0;
};

// Checks `paths` (files; see ListDictionaryFiles for folders). A file that
// cannot be read is an error of its own; the others are still checked.
DictionaryCheck CheckDictionaries(const std::vector<std::string>& paths, const CameoTable& cameo,
                                  const ActorCodes& codes);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_DICTIONARY_CHECK_H_
