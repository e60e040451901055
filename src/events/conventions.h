// Conventions: the choices where coders differ in how a sentence is coded,
// each a switch. Palmyra's defaults are those that measure better on
// annotated news; PETRARCH's are the ones its validation records expect.
// A plain value, given to the events stage when it is loaded.
#ifndef PALMYRA_EVENTS_CONVENTIONS_H_
#define PALMYRA_EVENTS_CONVENTIONS_H_

namespace palmyra {

struct Conventions {
  // Any preposition's object after the verb may be its target (the sets of
  // data/petrarch/synsets.txt), not only "against", "on", "with", ...
  bool any_preposition_target = false;
  // The verbs of speech frames are events when a dictionary lists them
  // ("..., the minister said"); otherwise they only attribute.
  bool speech_verbs_are_events = false;
  // With no object or prepositional target, the first actor after the verb
  // is the target ("allowed that Mordor isn't ..."). PETRARCH's convention,
  // and the default: it finds more right targets than wrong ones on the
  // annotated news and the PLOVER records (README, Measured).
  bool first_actor_after_verb = true;
  // That first actor lies in the verb's own clause (before the next verb
  // and where its patterns stop), not in a later one ("set fire to trucks
  // before fleeing towards Burkina Faso"); PETRARCH looks to the end of the
  // sentence.
  bool first_actor_in_own_clause = true;
  // A passive without a "by" agent reads as an active clause ("The
  // Philippines was criticized over its dispute with Eriador": PHL -> ERI).
  bool agentless_passive_as_active = false;
  // A subordinate clause is coded only when the clause above gave no event.
  bool subordinate_only_when_silent = false;
  // A pattern's noun matches a plural only as written ("RESOLUTION" is not
  // "resolutions").
  bool plurals_as_written = false;
  // A noun phrase that names no one stands for the actor of its "of" phrase
  // ("goats of Gondor" is Gondor).
  bool actor_of_of_phrase = false;
  // An event without a target needs a noun phrase after its verb ("said on
  // Saturday", not "said today").
  bool needs_noun_after_verb = false;
  // A compound after the verb with a subject before it is the subject's
  // partners ("agrees with the Philippines and France").
  bool compound_after_verb_is_target = false;
  // When a pattern makes the clause's subject the target, the source is the
  // subject of the clause above ("X noted that Y regretted ...").
  bool source_from_clause_above = false;
  // A pattern's words may lie in the clauses the verb governs.
  bool patterns_reach_governed_clauses = false;
  // A verb listed in several blocks takes its default code from the longest
  // trigger first listed, even from a block that codes nothing by itself
  // ([---]), as PETRARCH reads its dictionaries; otherwise from the first
  // such block that gives a code ("DENY" is listed among statements, whose
  // patterns code denials of responsibility, and under REJECT).
  bool first_listing_gives_code = false;
  // CAMEO's own coding of the future: an intended cooperation is an intent
  // ("will meet" is 036), a future attack a threat (1384). Off by default:
  // the event keeps its own code with modality "future", which annotated
  // news agrees with more often; on under PETRARCH's conventions.
  bool future_as_intent = false;
  // A verb no pattern lists takes the code of its nearest WordNet synonym or
  // hypernym that one does (VerbNeighbours), and the decision model weighs
  // it. Off by default: on the annotated news none of the verbs it proposes
  // names an event of that type (README, Measured). PETRARCH codes only the
  // verbs its dictionaries list.
  bool wordnet_neighbours = false;
  // PETRARCH's new_actor_length: when above 0, a source or target phrase
  // that names no known actor and has at most this many words is coded by
  // its words ("\"THE MINISTRY OF MAGIC\"").
  int new_actor_length = 0;

  // PETRARCH-2's conventions, all of them.
  static Conventions Petrarch() {
    Conventions c;
    c.any_preposition_target = c.speech_verbs_are_events = c.first_actor_after_verb = true;
    c.agentless_passive_as_active = c.subordinate_only_when_silent = true;
    c.plurals_as_written = c.actor_of_of_phrase = c.needs_noun_after_verb = true;
    c.compound_after_verb_is_target = c.source_from_clause_above = true;
    c.patterns_reach_governed_clauses = c.first_listing_gives_code = true;
    c.future_as_intent = true;
    c.first_actor_in_own_clause = false;
    return c;
  }
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_CONVENTIONS_H_
