// Cleaning up a document's candidate events once every sentence has been
// read: a violent noun event joins the violent verb it is the subject of
// ("Russian airstrikes killed 20 civilians" is one event), and an event that
// another of the same sentence and code says more about is dropped.
#ifndef PALMYRA_EVENTS_EVENT_CLEANUP_H_
#define PALMYRA_EVENTS_EVENT_CLEANUP_H_

#include "core/analysis.h"
#include "events/event_rules.h"

namespace palmyra {

// Joins a violent noun event to the violent verb it is the subject of,
// coded as the more specific of the two (195 for "airstrikes killed").
void MergeWeaponSubjects(const EventRules& rules, Analysis* a);

// Removes events that another event of the same sentence and code says more
// about: the same source, and a target where it has none ("The army killed
// 15 militants in the fighting": MIL -> REB, not also MIL -> -).
void DropSubsumed(Analysis* a);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_CLEANUP_H_
