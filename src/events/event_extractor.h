// EventExtractor: finds the events of a document, sentence by sentence: the
// events of its verbs (verb_events.h), then of its nouns (noun_events.h),
// each with its roles (roles.h), modality and attribution (modality.h) and
// evidence (event_emitter.h); then joins and drops what the document says
// twice (event_cleanup.h). Immutable; thread-safe.
#ifndef PALMYRA_EVENTS_EVENT_EXTRACTOR_H_
#define PALMYRA_EVENTS_EVENT_EXTRACTOR_H_

#include "core/analysis.h"
#include "events/event_rules.h"

namespace palmyra {

class EventExtractor {
 public:
  explicit EventExtractor(const EventRules* rules) : rules_(rules) {}

  // Fills analysis->events, in sentence and text order.
  void Extract(Analysis* analysis) const;

 private:
  const EventRules* rules_;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_EXTRACTOR_H_
