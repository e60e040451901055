// Cleaning up a document's candidate events once every sentence has been
// read: the events that tell one violent happening become one ("Russian
// airstrikes killed 20 civilians", "killed in an airstrike", "killed 12
// people and injured 40", "the attack on Douma, which killed 50"), and an
// event that another of the same sentence and code says more about is
// dropped.
#ifndef PALMYRA_EVENTS_EVENT_CLEANUP_H_
#define PALMYRA_EVENTS_EVENT_CLEANUP_H_

#include "core/analysis.h"
#include "events/event_rules.h"

namespace palmyra {

// Joins the violent events of a sentence that tell one happening: a weapon
// or attack named as a violent verb's subject, agent or means joins the
// verb; a violent verb coordinated with another of the same subject joins
// the first; a relative clause that tells an attack's toll joins the
// attack. The joined event has the more specific code (195 for "airstrikes
// killed"), the actors either names, and the clauses of both, whose tolls
// count for it (EventCandidate::joined_groups).
void JoinHappenings(const EventRules& rules, Analysis* a);

// Removes events that another event of the same sentence and code says more
// about: the same source, and a target where it has none ("The army killed
// 15 militants in the fighting": MIL -> REB, not also MIL -> -).
void DropSubsumed(Analysis* a);

// Removes violent events no one is named doing in a sentence that names a
// hazard (an earthquake, a flood, a crash, a fire, a disease) and no attack,
// or that follows such a sentence: "the earthquake killed 20 people",
// "five died when their bus crashed" are no violence.
void DropHazards(const EventRules& rules, Analysis* a);

// In an article about sport (at least three of its words, of two kinds or
// more, are words of sport reporting, one word in 200 or more, and words of
// attack are fewer), removes the events of which no authority
// (government, military, police, courts, legislature) is source or target:
// teams that "attack", "beat" or "take on" each other do no violence.
void DropSportEvents(const EventRules& rules, Analysis* a);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_CLEANUP_H_
