#include "events/event_extractor.h"

#include <algorithm>

#include "events/event_cleanup.h"
#include "events/extraction_state.h"
#include "events/noun_events.h"
#include "events/verb_events.h"

namespace palmyra {

void EventExtractor::Extract(Analysis* a) const {
  a->events.clear();
  ExtractionState state(&rules_->dictionary(), a);
  state.matcher.MatchPluralsAsWritten(rules_->conventions().plurals_as_written);
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    VerbEvents(*rules_, a, &state, s);
    NounEvents(*rules_, a, &state, s);
  }
  JoinHappenings(*rules_, a);
  DropSubsumed(a);
  DropHazards(*rules_, a);
  DropSportEvents(*rules_, a);
  std::stable_sort(a->events.begin(), a->events.end(),
                   [](const EventCandidate& x, const EventCandidate& y) {
                     if (x.sentence != y.sentence) return x.sentence < y.sentence;
                     if (x.evidence_begin != y.evidence_begin)
                       return x.evidence_begin < y.evidence_begin;
                     return x.trigger < y.trigger;
                   });
}

}  // namespace palmyra
