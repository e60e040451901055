// Noun events: every noun phrase of a sentence whose head (or a noun before
// a head that only carries it: "a mediation effort") is a trigger in the
// pattern dictionary ("Russian airstrikes", "talks between A and B",
// "launched an offensive against X"). A noun spoken about by a reaction
// ("condemned the attack") is not an event of its own; a definite noun
// ("the explosion") after an event of its kind refers back to it.
#ifndef PALMYRA_EVENTS_NOUN_EVENTS_H_
#define PALMYRA_EVENTS_NOUN_EVENTS_H_

#include <cstdint>

#include "core/analysis.h"
#include "events/event_rules.h"
#include "events/extraction_state.h"

namespace palmyra {

// Adds the events of the noun phrases of sentence `sentence` to a->events.
void NounEvents(const EventRules& rules, Analysis* a, ExtractionState* state, uint32_t sentence);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_NOUN_EVENTS_H_
