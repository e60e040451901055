// Reading verb and noun pattern dictionaries in Palmyra's pattern format, a
// superset of the TABARI / PETRARCH-1 linear verb syntax and of PETRARCH-2's
// verb blocks (see data/README.md):
//
//   &WEAPON                        a synonym set ...
//   +MISSILE                       ... and its members (words or &SETS)
//   --- ATTACK [190] ---           a block: name and default code
//   ATTACK                         a verb of the block (its lemma)
//   STRIKE {STRUCK STRIKING} [190] irregular forms and a code of its own
//   +CARRY_OUT                     a verb of several words
//   - &AIRCRAFT * (ON +) [195]     a pattern: words before and after the verb
//   --- AIRSTRIKE [195] @noun ---  a noun block: nominal events
//   --- BOMB [183] @actorless ---  events coded even when no actor is named
//                                  ("a car bomb exploded", "an explosion")
//
// Pattern items: WORD (joined by "_" when adjacent), &SET, * the verb or
// noun, $ the source, + the target, % both (compound), ^ any one phrase,
// (PREP ...) a prepositional phrase, {...} one noun phrase. The code is
// [CODE], [CODE:CODE] or [---] (no event). PETRARCH-2 transformations ("~")
// are read and ignored. The reader is lenient: malformed lines are reported
// with file and line and skipped.
#ifndef PALMYRA_EVENTS_PATTERN_READER_H_
#define PALMYRA_EVENTS_PATTERN_READER_H_

#include <string>
#include <vector>

#include "entities/actor_reader.h"
#include "palmyra/status.h"

namespace palmyra {

struct RawElement {
  enum class Kind : uint8_t {
    kWord,       // text = the word as written
    kSynset,     // text = the set's name (without "&")
    kSource,     // $
    kTarget,     // +
    kCompound,   // %
    kSkip,       // ^
    kPrep,       // ( ... ): children
    kNounGroup,  // { ... }: children
  };
  Kind kind = Kind::kWord;
  std::string text;
  bool joined = false;  // joined to the item before it (or the verb) by "_"
  std::vector<RawElement> children;
};

struct RawPattern {
  std::vector<RawElement> left;   // items before "*", in text order
  std::vector<RawElement> right;  // items after "*"
  bool last_left_joined = false;  // the last left item is joined to the verb ("IN_*")
  std::string code;               // empty for [---]
  std::string alternate_code;     // after ":" in [A:B]
  int line = 0;
};

struct RawVerb {
  std::vector<std::string> words;  // "CARRY OUT" -> {"CARRY", "OUT"}
  int head = 0;                    // the verb's index when words come before it ("WIRE_+TAP": 1)
  std::vector<std::vector<std::string>> forms;  // irregular forms, each its words
  std::string code;                             // empty: the block's
  std::string alternate_code;                   // after ":" in [A:B]
  bool has_code = false;
  int line = 0;
};

struct RawBlock {
  std::string name;
  std::string code;            // empty for [---]
  std::string alternate_code;  // after ":" in [A:B]
  bool noun = false;
  bool actorless = false;  // @actorless: may be coded without any actor
  // @ongoing: a state rather than an act ("the war"): coded only as the
  // object of a light verb ("waged war") or where one of its patterns matches.
  bool ongoing = false;
  std::vector<RawVerb> verbs;
  std::vector<RawPattern> patterns;
  int line = 0;
};

struct RawSynset {
  std::string name;
  std::vector<std::vector<std::string>> members;  // word sequences, or {"&SET"}
  int line = 0;
};

struct PatternFile {
  std::string file;
  std::vector<RawBlock> blocks;
  std::vector<RawSynset> synsets;
  std::vector<Diagnostic> diagnostics;
};

PatternFile ParsePatternDictionary(const std::string& file, std::string_view text);
Result<PatternFile> ReadPatternDictionary(const std::string& path);

// Parses the items of one pattern line (without "- " and the code); returns
// false with `error` set when it is malformed.
bool ParsePatternItems(std::string_view text, RawPattern* pattern, std::string* error);

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_PATTERN_READER_H_
