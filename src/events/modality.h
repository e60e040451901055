// Modality and attribution of events: whether what a verb group says
// happened is asserted, reported, future, hypothetical or negated (from its
// own auxiliaries and negation, the speech frame or "according to" around
// it, quotation marks, and the verb that governs it: "refused to withdraw",
// "plans to attack", "demanded that Israel withdraw"), who says so, and how
// CAMEO recodes intended, refused and demanded cooperation.
#ifndef PALMYRA_EVENTS_MODALITY_H_
#define PALMYRA_EVENTS_MODALITY_H_

#include <cstdint>
#include <string>

#include "core/analysis.h"
#include "events/event_rules.h"

namespace palmyra {

struct ModalityFlags {
  bool negated = false, hypothetical = false, future = false, reported = false;
  // Negated by a denial ("denied meeting him", "denied he met him"): the
  // act did not happen, which is no refusal of it.
  bool denied = false;
  // Done unless something else happens ("will withdraw its troops unless
  // ..."): said as a threat.
  bool ultimatum = false;
  Modality Resolve() const {
    if (negated) return Modality::kNegated;
    if (hypothetical) return Modality::kHypothetical;
    if (future) return Modality::kFuture;
    if (reported) return Modality::kReported;
    return Modality::kAsserted;
  }
};

// The modality of the events of verb group `vg`.
ModalityFlags ModalityOf(const EventRules& rules, const Analysis& a, int32_t vg);

// The subject of the verb that accuses the subject of verb group `vg` of it
// ("accused Russia of blocking"); -1 when none.
int32_t Accuser(const EventRules& rules, const Analysis& a, int32_t vg);

// The phrase of whoever says that the events of verb group `vg` happened:
// the accuser, the speech frame's subject, or "according to X"; -1 when the
// article says so itself.
int32_t AttributionOf(const EventRules& rules, const Analysis& a, int32_t vg);

// CAMEO's codes for intended and refused cooperation: a refused (negated)
// cooperation is a rejection, and the refusal itself happened, so *flags
// lose their negation; with Conventions::future_as_intent, a future
// cooperation is an intent and a future attack a threat (only when someone
// intends it: `has_source`). Returns the code to use.
std::string RecodeByModality(const EventRules& rules, const std::string& code, bool has_source,
                             ModalityFlags* flags);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_MODALITY_H_
