// Roles: who does an event and to whom. For a verb, roles a pattern binds
// come first; else the subject is the source and the object, the actor of
// the object's "of" phrase, or a prepositional object after a preposition
// that names a target ("against", "on") is the target, swapped in the
// passive. For a noun event, the source is its light verb's subject
// ("launched airstrikes"), its own modifier ("Russian airstrikes") or its
// "by" phrase; the target a prepositional object. "Between A and B" names
// both sides of a compound. Phrases are indices into Analysis::phrases.
#ifndef PALMYRA_EVENTS_ROLES_H_
#define PALMYRA_EVENTS_ROLES_H_

#include <cstdint>
#include <string>

#include "core/analysis.h"
#include "events/event_rules.h"
#include "events/pattern_matcher.h"
#include "events/trigger_match.h"

namespace palmyra {

struct Roles {
  int32_t source = -1;  // phrases
  int32_t target = -1;
  int32_t compound = -1;  // both sides: "talks between A and B"
  // Where the event's own forces went, stayed or left, named as an actor
  // but no target ("withdrew from Syria"): a phrase, -1 when none.
  int32_t place = -1;
  // The target is the verb's own object ("fought Isis"), not an actor found
  // further on ("agreed to hold joint patrols").
  bool target_is_object = false;
  // The target is what the verb is done to: its object, or the subject of
  // its passive ("troops were deployed").
  bool target_is_patient = false;
  bool actorless_ok = false;  // plausible even without any actor ("a car bomb exploded")
  // No event without actors: "the explosion" after one was coded refers
  // back to it; a verb with no subject, object or agent at all ("if
  // required"); an agent that is a name Palmyra does not know ("Chelsea
  // attacked relentlessly").
  bool needs_actor = false;
};

// The roles of the event of the verb at phrase p, matched as `found`, whose
// pattern may reach up to token hi.
Roles VerbRoles(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
                uint32_t p, const TriggerMatch& found, uint32_t hi);

// The roles of the noun event at noun phrase p, held by the clause of verb
// group vg (-1: none), matched as `found`, up to token hi. `light_object`:
// the phrase is the object of a light verb ("launched airstrikes");
// `reaction`: the clause's verb was coded with a reaction to what the noun
// names ("condemned the attack"), so the noun is not an event of its own.
// False when the noun is not an event here.
bool NounRoles(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
               uint32_t p, int32_t vg, bool light_object, bool reaction, const TriggerMatch& found,
               uint32_t hi, Roles* roles);

// Whether noun phrase p is the object of verb group v (or a conjunct of it,
// or what it counts: "hundreds of strikes").
bool IsObjectOf(const EventRules& rules, const Analysis& a, const VerbGroup& v, uint32_t p);
// Whether verb group v's verb is a light verb ("launched", "carried out").
bool IsLightVerb(const EventRules& rules, const PatternMatcher& matcher, const VerbGroup& v);

// Whether x, named through a possessive ("their resumption"), is a thing of
// the subject (phrase `subject`) of the verb at phrase verb_phrase.
bool OwnedBySubject(const Analysis& a, const PhraseActor& x, uint32_t verb_phrase, int32_t subject);

// PETRARCH's new actors: the words of noun phrase p and of an "of" phrase
// after it, upper case and in quotes ("\"THE MINISTRY OF MAGIC\""), without
// possessive endings; empty when they are more than `limit` words.
std::string NewActorWords(const Analysis& a, uint32_t p, uint32_t phrases_end, int limit);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_ROLES_H_
