// Reading actor and agent dictionaries in Palmyra's dictionary format, a
// superset of the TABARI/PETRARCH actor and agent formats (see data/README.md):
//
//   RUSSIA [RUS] @country          an entry: a name, its codes, Palmyra tags
//   +RUSSIAN @adj                  a synonym of the entry above
//   VLADIMIR_PUTIN [RUSGOV 20000507-20080507] [RUSELI]
//   	[RUSGOV >20120507]          more codes of the entry above
//   SOLDIER {SOLDIERS} [~MIL]      an agent with its plurals
//   !PERSON! = MAN, MEN, WOMAN     a substitution set used in names
//
// The reader is lenient: a malformed line is reported with its file and line
// and skipped, and the rest of the file is read.
#ifndef PALMYRA_ENTITIES_ACTOR_READER_H_
#define PALMYRA_ENTITIES_ACTOR_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "palmyra/status.h"
#include "text/name_tokenizer.h"

namespace palmyra {

// A code valid between two dates (YYYYMMDD, inclusive; 0 = unbounded).
struct DatedCode {
  std::string code;
  int from = 0;
  int to = 0;
};

struct RawName {
  std::vector<std::string> words;  // lower-case words
  std::vector<std::string> forms;  // the same words as written
  std::vector<std::string> tags;   // Palmyra tags of this name ("adj", "capital", ...)
  bool loose = false;              // words parted by spaces: modifiers may stand between them
  int line = 0;
  NameTokens tokens;  // split as text is (TokenizeNames); empty until then
};

struct RawActor {
  std::vector<RawName> names;  // names[0] is the primary name
  std::vector<DatedCode> codes;
  std::vector<std::string> tags;  // tags of the entry
  bool agent = false;             // an agent ([~ROLE] or [ROLE~])
  bool agent_prefix = false;      // [ROLE~]: the role goes before the country code
  std::string file;
  int line = 0;
};

struct Diagnostic {
  std::string file;
  int line = 0;
  std::string message;
  bool error = true;  // false for a warning
  std::string ToString() const;
};

struct ActorFile {
  std::vector<RawActor> actors;
  std::vector<Diagnostic> diagnostics;
};

// Parses the text of one dictionary file; `file` names it in diagnostics.
ActorFile ParseActorDictionary(const std::string& file, std::string_view text);
Result<ActorFile> ReadActorDictionary(const std::string& path);

// Parses "20000507", "000507" (TABARI: years 00-29 are 20xx) into YYYYMMDD.
bool ParseDictionaryDate(std::string_view text, int* ymd);

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ACTOR_READER_H_
