// Filters as users give them, in words: the options of `palmyra export` and
// `palmyra stats`, and the parameters of the HTTP API (`palmyra serve`).
// Checked against what Palmyra codes, so that a typing slip is an error that
// names the accepted values and the nearest one rather than an empty
// result ("Syria" -> did you mean SYR?).
#ifndef PALMYRA_QUERY_FILTER_WORDS_H_
#define PALMYRA_QUERY_FILTER_WORDS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "palmyra/status.h"
#include "store/event_store.h"

namespace palmyra {

struct FilterWords {
  std::string from, to;        // YYYY-MM-DD, inclusive
  std::string actor;           // a code or its start, source or target
  std::string type;            // a PLOVER type, a CAMEO code or its start
  std::string country;         // whose actors, or where (ISO alpha-3, IGO, NGO, IMG, MNC)
  std::string source, target;  // actor code prefixes
  std::string place_country;   // where it happened
  std::string modality;        // comma-separated; "all"; empty: the caller's default
  std::string precision;       // day | week | month
};

// What went wrong: the filter's name for the value ("type", "from") and
// what is wrong with it ("'FOO' is neither a PLOVER type (...) nor ...").
struct FilterProblem {
  std::string name;
  std::string message;
};

// The countries of data/actors/countries.txt: their codes, the code of
// each name, adjective and people ("syria" -> SYR), and each code's name
// ("SYR" -> "Syria"). Empty when the file cannot be read.
struct CountryNames {
  std::vector<std::string> codes;
  std::unordered_map<std::string, std::string> by_name;
  std::unordered_map<std::string, std::string> name_of;
};
CountryNames ReadCountryNames(const std::string& data_dir);

// "; did you mean X?" for the accepted value nearest `value`, or "".
std::string DidYouMean(std::string_view value, const std::vector<std::string>& accepted);

// Builds the store's filter from `words`, checking every value against the
// data of `data_dir` (PLOVER types and CAMEO codes, country codes).
// `happened_by_default`: without a modality, only what happened (asserted
// or reported). Returns false and fills *problem on a wrong value.
// *modality_note says which modalities were kept (" (modality asserted,
// reported)"), empty for all.
bool BuildEventFilter(const FilterWords& words, bool happened_by_default,
                      const std::string& data_dir, EventFilter* filter, FilterProblem* problem,
                      std::string* modality_note);

}  // namespace palmyra

#endif  // PALMYRA_QUERY_FILTER_WORDS_H_
