// ExtractionState: what the events stage keeps while it walks one document:
// the pattern matcher over its analysis, the tokens patterns have used, and
// which verb groups have been coded with reactions or with violence.
#ifndef PALMYRA_EVENTS_EXTRACTION_STATE_H_
#define PALMYRA_EVENTS_EXTRACTION_STATE_H_

#include <algorithm>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "events/pattern_matcher.h"

namespace palmyra {

struct ExtractionState {
  ExtractionState(const PatternDictionary* dictionary, const Analysis* a)
      : matcher(dictionary, a),
        consumed(a->tokens.size(), false),
        reaction(a->verb_groups.size(), false),
        violent(a->verb_groups.size(), false),
        blamed(a->phrases.size(), -1) {}
  PatternMatcher matcher;
  std::vector<bool> consumed;           // tokens used by a pattern already
  std::vector<bool> reaction;           // verb groups coded with a non-violent event
  std::vector<bool> violent;            // verb groups coded with a violent event
  std::vector<std::string> types_seen;  // PLOVER types coded so far
  // For a noun phrase naming harm someone is said to be behind ("X was
  // behind the attack"), that someone's phrase; else -1.
  std::vector<int32_t> blamed;

  bool Seen(const std::string& type) const {
    return std::find(types_seen.begin(), types_seen.end(), type) != types_seen.end();
  }
  void See(const std::string& type) {
    if (!type.empty() && !Seen(type)) types_seen.push_back(type);
  }
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EXTRACTION_STATE_H_
