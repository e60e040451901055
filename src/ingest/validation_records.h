// PETRARCH validation records (`palmyra validate`): an XML file whose
// <Environment> names the dictionaries and the categories to run, and whose
// <Sentences> hold <Sentence> records, each a <Text> with the codings it
// expects (<EventCoding sourcecode=.. targetcode=.. eventcode=..>, or
// noevents="true", or error="...").
//
// <Config option=.. value=..> elements set the options in force for the
// records after them: require_dyad, new_actor_length, and PETRARCH's comma
// options (comma_min ... comma_emax).
//
// Internal entities are expanded with a budget: an element whose text would
// grow beyond kMaxElementText bytes makes its record unreadable (reported
// with its line), so a file of a few hundred kilobytes cannot make the run
// code gigabytes. Other records are still read.
#ifndef PALMYRA_INGEST_VALIDATION_RECORDS_H_
#define PALMYRA_INGEST_VALIDATION_RECORDS_H_

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ingest/ingest_problem.h"
#include "palmyra/date.h"
#include "palmyra/status.h"

namespace palmyra {

// The text an element may expand to, entities included.
inline constexpr size_t kMaxElementText = 1 << 20;

// PETRARCH's comma options: comma-delimited clauses whose length in words
// lies in [min, max] are taken out before coding, inside the sentence, at
// its beginning and at its end; a max of 0 turns one off.
struct CommaOptions {
  int min = 0, max = 0;    // internal clauses
  int bmin = 0, bmax = 0;  // the clause before the first comma
  int emin = 0, emax = 0;  // the clause after the last comma

  // Sets option "comma_min" ... "comma_emax"; false for another name.
  bool Set(const std::string& option, const std::string& value);
};

// `text` without the comma-delimited clauses the options take out.
std::string WithoutCommaClauses(const std::string& text, const CommaOptions& options);

using Coding = std::tuple<std::string, std::string, std::string>;  // source, target, code

struct ValidationRecord {
  std::string id, category, text;
  Date date;
  std::set<Coding> expected;
  bool no_events = false;
  std::string error;  // an expected error ("dateline", "bad_input_parse")
  bool require_dyad = true;
  CommaOptions commas;
  int new_actor_length = 0;  // PETRARCH's option of that name
  int line = 0;
};

struct ValidationFile {
  std::vector<std::string> dictionaries;  // file names as <Environment> gives them
  std::set<std::string> include;          // categories to run; empty: all
  std::vector<ValidationRecord> records;  // those in the included categories
  int skipped = 0;                        // records of other categories
  std::vector<IngestProblem> problems;    // records that could not be read
};

// Reads the records in `xml`; `where` (the file) names it in messages.
// Fails when `xml` is not XML or has no <Sentences>.
Result<ValidationFile> ParseValidationRecords(std::string_view xml, const std::string& where);

}  // namespace palmyra

#endif  // PALMYRA_INGEST_VALIDATION_RECORDS_H_
