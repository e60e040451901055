// Triggers: the verbs and nouns the pattern dictionary knows, and the best
// pattern of a trigger's block that matches around it. The most specific
// matching pattern gives the code and any roles it binds; with none, the
// trigger's own code (or its block's) stands.
#ifndef PALMYRA_EVENTS_TRIGGER_MATCH_H_
#define PALMYRA_EVENTS_TRIGGER_MATCH_H_

#include <cstdint>
#include <string>

#include "core/analysis.h"
#include "events/event_rules.h"
#include "events/pattern_matcher.h"

namespace palmyra {

struct TriggerMatch {
  std::string code;       // empty: the words name no event ([---])
  std::string alternate;  // the reciprocal event's code ([A:B])
  std::string rule;       // "file:line" of the pattern or trigger
  int specificity = -1;   // of the pattern; -1: the trigger's own code
  PatternMatch match;     // roles the pattern binds, tokens it consumed
  uint32_t trigger_end = 0;
  // The noun phrase between the verb and its particle ("pushed Isis out"),
  // or -1.
  int32_t object_inside = -1;
  int32_t block = -1;
  bool noun = false;  // found for a noun ("the attack")
};

// The best pattern (or the default code) for the triggers starting at token
// t, with the pattern's left words within [lo, t) and right words before hi;
// false when no trigger matches there.
bool BestMatch(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
               uint32_t t, bool noun, uint32_t lo, uint32_t hi, TriggerMatch* found);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_TRIGGER_MATCH_H_
