// Options: everything an Engine is built from. Typed values only; the command
// line turns strings into these. Empty paths mean "use the built-in default"
// (the locations chosen when Palmyra was built, or $PALMYRA_DATA_DIR,
// $PALMYRA_MODEL_DIR and $PALMYRA_WORDNET_DIR when set).
#ifndef PALMYRA_OPTIONS_H_
#define PALMYRA_OPTIONS_H_

#include <string>
#include <vector>

namespace palmyra {

struct Options {
  // Folder with the authored dictionaries and tables (the project's data/).
  std::string data_dir;
  // Folder with files produced at build time (the part-of-speech model, the
  // gazetteer and its index).
  std::string model_dir;
  // Folder with WordNet's dictionary files (index.noun, verb.exc, ...).
  std::string wordnet_dir;
  // Resolve dates, quantities and places (the resolve stage). Off, events
  // carry the publication date, no quantities and no location; for
  // measuring what resolution costs.
  bool resolve = true;
  // Dictionary files or folders in the PETRARCH and TABARI formats (actors,
  // agents, verbs, discards; issue files are checked, not used), loaded with
  // the built-in dictionaries, or instead of them when builtin_dictionaries
  // is false (the engine's own synonym sets stay). Malformed entries are
  // skipped and reported (Engine::load_warnings()).
  std::vector<std::string> dictionaries;
  bool builtin_dictionaries = true;
  // Keep the actor and agent files of `dictionaries` compiled in the user's
  // cache folder ($XDG_CACHE_HOME/palmyra or ~/.cache/palmyra) and read them
  // from there while they are unchanged.
  bool dictionary_cache = true;
  // Code as PETRARCH does where its conventions differ from Palmyra's: any
  // preposition's object after the verb may be the target (the sets of
  // data/petrarch/), speech frames' verbs are events when a dictionary
  // lists them, the first actor after the verb is the target when nothing
  // else is, a passive without a "by" agent reads as active, and a
  // subordinate clause is coded only when the clause above gave no event.
  // Used to validate against PETRARCH's records.
  bool petrarch_conventions = false;
  // PETRARCH's new_actor_length: when above 0, a source or target phrase
  // that names no known actor and has at most this many words is coded by
  // its words, upper case in quotes ("\"THE MINISTRY OF MAGIC\"").
  int new_actor_length = 0;
  // A verb no pattern lists ("castigate", "strafe") takes the code of its
  // nearest WordNet synonym or hypernym that one lists, marked in the
  // event's rule ("wordnet/synonym:criticize"); the decision model weighs
  // it with the rest. Off by default: on annotated everyday news the
  // dictionaries already list the verbs that name events.
  bool wordnet_verbs = false;
  // Decide each candidate event with the decision model
  // (data/decide/model.tsv): its calibrated probability of being a real
  // event of its type becomes the event's confidence, and events below
  // min_confidence are left out. Off (for training the model), every
  // candidate is written, with confidence 0.
  bool decide = true;
  // Events whose confidence is below this are left out; below 0, the
  // decision model's own threshold (chosen for F1 on annotated news).
  double min_confidence = -1.0;
};

// The folders an Engine actually uses for `options`, with defaults filled in.
Options ResolveDefaults(const Options& options);

// The folder of the web page `palmyra serve` serves: `given`, else
// $PALMYRA_WEB_DIR, else the installed one, else the build's.
std::string ResolveWebDir(const std::string& given);

}  // namespace palmyra

#endif  // PALMYRA_OPTIONS_H_
