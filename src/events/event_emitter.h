// Emitting events: a matched trigger and its roles become candidate events,
// one per pair of source and target actors (coordinated actors each give
// one; "A and B met" gives A -> B and B -> A), with the modality and
// attribution of the clause, CAMEO's recoding of intended and refused
// cooperation, and the evidence span. Pairs that say nothing are left out:
// an actor acting on itself or its own forces, violence only among civil
// actors (a figure of speech), the same event twice in a sentence.
#ifndef PALMYRA_EVENTS_EVENT_EMITTER_H_
#define PALMYRA_EVENTS_EVENT_EMITTER_H_

#include <cstdint>

#include "core/analysis.h"
#include "events/event_rules.h"
#include "events/extraction_state.h"
#include "events/roles.h"
#include "events/trigger_match.h"

namespace palmyra {

// Adds the candidates of the event `found` with `roles`, in the clause of
// verb group vg (-1: none), to a->events.
void EmitEvents(const EventRules& rules, Analysis* a, ExtractionState* state,
                const TriggerMatch& found, const Roles& roles, int32_t vg, uint32_t sentence,
                uint32_t trigger);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_EMITTER_H_
