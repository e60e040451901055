// Verb events: every verb group of a sentence whose verb is a trigger in the
// pattern dictionary is matched against its block's patterns and coded with
// its roles ("Russian jets bombed Aleppo"). A demand or appeal takes the
// code of what is asked ("demanded that Russia withdraw" is 1056), a
// participle that tells an attack's toll joins the attack ("..., killing
// six soldiers"), and an obligation reported from someone is their demand
// ("Sudan must return the helicopter, Russia said").
#ifndef PALMYRA_EVENTS_VERB_EVENTS_H_
#define PALMYRA_EVENTS_VERB_EVENTS_H_

#include <cstdint>

#include "core/analysis.h"
#include "events/event_rules.h"
#include "events/extraction_state.h"

namespace palmyra {

// Adds the events of the verb groups of sentence `sentence` to a->events.
void VerbEvents(const EventRules& rules, Analysis* a, ExtractionState* state, uint32_t sentence);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_VERB_EVENTS_H_
