// Analysis: the shared document model that every pipeline stage reads and adds
// to. It holds the immutable Document, its normalised text, and then tokens,
// sentences, phrases, verb groups, actor mentions and event candidates, all as
// offsets into the text or indices into each other. One Analysis belongs to
// one thread while a document is being coded.
#ifndef PALMYRA_CORE_ANALYSIS_H_
#define PALMYRA_CORE_ANALYSIS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/offset_map.h"
#include "core/pos_tag.h"
#include "palmyra/document.h"
#include "palmyra/event.h"

namespace palmyra {

// Token flags.
inline constexpr uint16_t kTokCapitalized = 1 << 0;  // first letter upper case
inline constexpr uint16_t kTokAllCaps = 1 << 1;      // two or more letters, all upper case
inline constexpr uint16_t kTokHasDigit = 1 << 2;
inline constexpr uint16_t kTokSpaceBefore = 1 << 3;      // whitespace precedes the token
inline constexpr uint16_t kTokNewlineBefore = 1 << 4;    // a line break precedes it
inline constexpr uint16_t kTokParagraphBefore = 1 << 5;  // a blank line (or more) precedes it
inline constexpr uint16_t kTokInQuote = 1 << 6;          // inside quotation marks
inline constexpr uint16_t kTokAbbreviation = 1 << 7;  // ends with a period that is not a full stop
inline constexpr uint16_t kTokNonAscii = 1 << 8;
inline constexpr uint16_t kTokAlpha = 1 << 9;        // contains a letter
inline constexpr uint16_t kTokOpenQuote = 1 << 10;   // a quotation mark that opens a quote
inline constexpr uint16_t kTokCloseQuote = 1 << 11;  // a quotation mark that closes one
inline constexpr uint16_t kTokHasUpper = 1 << 12;    // contains an upper-case letter
inline constexpr uint16_t kTokInLexicon = 1 << 13;   // capitalised, and a word WordNet knows
inline constexpr uint16_t kTokCalendar = 1 << 14;    // a capitalised month or weekday name

struct Token {
  uint32_t start = 0;  // original byte offsets (Document::text)
  uint32_t end = 0;
  uint32_t norm_start = 0;  // offsets in Analysis::norm
  uint32_t norm_end = 0;
  uint32_t key_start = 0;  // case-folded form in Analysis::keys
  uint32_t key_length = 0;
  std::string_view lemma;  // into the lexicon or Analysis::keys (stable once set)
  int32_t word_id = -1;    // vocabulary id of the key, -1 when not in any dictionary
  int32_t lemma_id = -1;   // vocabulary id of the lemma
  uint16_t flags = 0;
  PosTag tag = PosTag::kNone;
};

struct Sentence {
  uint32_t token_begin = 0;  // token index range [begin, end)
  uint32_t token_end = 0;
  bool headline = false;  // the article's first line, set apart from the body
};

// "KABUL, Oct. 3 (Xinhua) --": where and when the story was filed.
struct Dateline {
  uint32_t token_begin = 0;  // tokens of the dateline, excluded from its sentence
  uint32_t token_end = 0;
  uint32_t place_begin = 0;  // tokens naming the place ("KABUL")
  uint32_t place_end = 0;
  uint32_t date_begin = 0;  // tokens of the date ("Oct. 3"); empty when none
  uint32_t date_end = 0;
};

enum class PhraseType : uint8_t {
  kNoun,         // noun phrase: "the Syrian government forces"
  kVerb,         // verb group: "had not been killed"
  kPreposition,  // a preposition or subordinator heading what follows: "against"
  kOther,        // punctuation, conjunctions, adverbs, particles left alone
};

struct Phrase {
  PhraseType type = PhraseType::kOther;
  uint32_t begin = 0;  // token range [begin, end)
  uint32_t end = 0;
  uint32_t head = 0;  // token that heads the phrase
  uint32_t sentence = 0;
  // Noun phrases: tokens [begin, possessor_end) name a possessor ("Russia 's").
  uint32_t possessor_end = 0;
  int32_t verb_group = -1;  // index into Analysis::verb_groups for kVerb
};

enum class ClauseKind : uint8_t {
  kMain,
  kSubordinate,      // "because ...", "after ..."
  kConditional,      // "if ...", "unless ..."
  kRelative,         // "..., who attacked ..."
  kComplement,       // "said (that) ..."
  kInfinitive,       // "agreed to withdraw"
  kParticiple,       // "..., killing six"
  kReducedRelative,  // "soldiers killed in the attack"
};

// "main", "subordinate", ..., "reduced-relative".
std::string_view ClauseKindName(ClauseKind kind);

struct VerbGroup {
  uint32_t phrase = 0;  // index into Analysis::phrases
  uint32_t sentence = 0;
  uint32_t main = 0;            // token of the main verb
  uint32_t begin = 0, end = 0;  // token range of the whole group
  uint32_t particle = 0;        // token of a particle ("out" in "carried out"), 0 when none
  bool has_particle = false;
  bool passive = false;
  bool negated = false;
  bool future = false;        // will, shall, going to, is to, 'll
  bool hypothetical = false;  // could, would, might, may, should, must, conditional clause
  bool obligation = false;    // must, should, ought
  bool finite = true;
  ClauseKind kind = ClauseKind::kMain;
  int32_t governor = -1;     // verb group this one depends on (complement, infinitive ...)
  int32_t opener = -1;       // phrase of the word opening its clause ("who", "after", "that")
  bool coordinated = false;  // shares its subject with the previous verb group ("and killed")
  int32_t subject = -1;      // phrase index of the subject (agent for active, patient for passive)
  int32_t object = -1;       // phrase index of the direct object
  int32_t by_agent = -1;     // phrase index of the "by" agent of a passive
  int32_t clause_end = 0;    // token index where this verb's clause stops on the right
  // Reported speech: the verb group of the speech frame that reports this one.
  int32_t reported_by = -1;
  int32_t according_to = -1;  // phrase of "according to X"
  bool speech = false;        // this group is a speech frame ("said") that reports others
};

// An actor named by a contiguous run of tokens, found by the dictionaries.
enum class MentionKind : uint8_t {
  kCountry,  // "Russia"
  kDemonym,  // "Russian", "Russians"
  kCapital,  // "Moscow" (as the government, when it acts)
  kOrganization,
  kPerson,
  kAgent,    // "forces", "government", "rebels"
  kPronoun,  // "he", "its" (resolved by coreference)
};

struct Mention {
  uint32_t begin = 0;  // token range
  uint32_t end = 0;
  MentionKind kind = MentionKind::kAgent;
  int32_t entry = -1;       // dictionary entry that matched
  int32_t name = -1;        // which of its names
  int32_t antecedent = -1;  // for pronouns and descriptions: the mention it refers to
};

// The actor of one noun phrase, composed from its mentions ("Syrian
// government forces" -> SYR + MIL) or found by coreference ("its jets").
struct PhraseActor {
  uint32_t phrase = 0;
  uint32_t begin = 0, end = 0;  // tokens that name the actor
  std::string code;             // full code ("SYRMIL")
  std::string country;          // "SYR", "IGO", ...; empty when unknown
  std::string sector;           // "MIL", ...; empty when none
  std::string rule;             // dictionary entry that decided the code ("file:line")
  int32_t mention = -1;         // the mention that decided the code
  int32_t antecedent = -1;      // index into Analysis::actors when found by coreference
  bool individual = false;      // one person ("he" may refer to it)
  bool plural = false;          // "they" may refer to it
  bool place_like = false;      // a bare country or capital: a place after "in"
  bool settlement = false;      // a place where people live ("the town"): its people
  bool people = false;          // a people named alone ("Iraqis"): its civilians when acted upon
  // A people without a state ("Kurdish forces"): the countries it lives in,
  // comma-separated; the article's country when it is one of them.
  std::string homelands;
  int32_t pronoun = -1;   // token of a pronoun to resolve ("he", "its" in "its jets")
  bool definite = false;  // opens with "the" ("the rebels", "the group")
};

// An event found in a sentence, before it is written out.
// A date expression: "14 March 2016", "on Thursday", "last week", "two
// weeks ago". What the text says; the resolve stage turns it into a date
// against the publication date and the tense of the clause.
struct DateMention {
  enum class Kind : uint8_t {
    kCalendar,  // year, month, day as given (0 = not given)
    kWeekday,   // weekday 1-7; direction -1 "last", +1 "next", 0 by tense
    kRelative,  // offset units from the publication date
    kRecent,    // the week or month up to the publication date
  };
  uint32_t begin = 0, end = 0;  // tokens
  Kind kind = Kind::kCalendar;
  int year = 0, month = 0, day = 0;
  int weekday = 0;
  int direction = 0;
  int offset = 0;
  DatePrecision unit = DatePrecision::kDay;  // of kRelative and kRecent; the precision
};

// A place named in the text ("near Palmyra", "in Idlib province", "shelled
// Homs"), resolved to a gazetteer entry by the place finder.
struct PlaceMention {
  uint32_t begin = 0, end = 0;  // tokens of the name ("Palmyra")
  uint32_t sentence = 0;        // kDatelineSentence for the dateline's place
  uint32_t place = 0;           // gazetteer entry
  // How the place belongs to what the clause says: 3 where it happened ("in",
  // "near", "north of", the object of "shelled"), 2 where it went ("into") or
  // a modifier ("the Aleppo offensive"), 1 where it came from ("from"), 0
  // otherwise.
  uint8_t strength = 0;
  int32_t preposition = -1;  // token of the preposition before it, -1 when none
  int32_t phrase = -1;       // noun phrase holding it, -1 when none
  bool actor = false;        // the words act as an actor ("Washington said", "Russia will")
  // Named by its own name, or in a country the article is about, or in an
  // article about no country: not a namesake found by another of its names
  // ("Boni" in Mali is no old name of Bonn).
  bool sure = true;
};
inline constexpr uint32_t kDatelineSentence = UINT32_MAX;

struct EventCandidate {
  uint32_t sentence = 0;
  uint32_t trigger = 0;       // token of the verb or noun
  bool noun = false;          // the trigger is a noun ("the attack"), not a verb
  int specificity = -1;       // of the pattern that matched; -1 for the trigger's own code
  bool actorless_ok = false;  // the rules find it plausible without actors ("a bomb exploded")
  int32_t verb_group = -1;    // the verb group whose clause holds the event
  // Verb groups of clauses that tell the same happening and were joined to
  // this event ("... and injured 40"): their tolls are its tolls.
  std::vector<int32_t> joined_groups;
  int32_t source = -1;  // index into actors, -1 when none
  int32_t target = -1;
  // A place the event is done to when no actor is ("jets bombed Aleppo"):
  // an index into places (set by the resolve stage); its country is the
  // target's code.
  int32_t target_place = -1;
  // The phrase naming where the event's own forces went, stayed or left
  // ("withdrew its troops from Syria"), when its words say so; -1 when not.
  int32_t place_phrase = -1;
  // The country of a source that fights where it belongs ("Syrian rebels"),
  // for a civic target left without one once places are resolved.
  std::string home_country;
  std::string source_code;  // the code as used here (a capital as a place: "SYR")
  std::string target_code;
  std::string cameo;         // event code
  std::string pattern_code;  // the dictionary's code, before intent and refusal recoding
  Modality modality = Modality::kAsserted;
  int32_t attribution = -1;     // phrase of the speaker, -1 when none
  uint32_t evidence_begin = 0;  // token range of the evidence
  uint32_t evidence_end = 0;
  std::string rule;  // "file:line" of the pattern or trigger
  double confidence = 0.0;
  std::optional<EventDate> date;     // set by the resolve stage
  std::vector<Quantity> quantities;  // set by the resolve stage
  std::optional<Location> location;  // set by the resolve stage
};

struct Analysis {
  const Document* doc = nullptr;
  Date reference_date;  // publication date, or the --date default
  bool has_reference_date = false;

  std::string norm;   // normalised text
  OffsetMap offsets;  // norm -> Document::text
  std::string keys;   // case-folded token forms, back to back

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::optional<Dateline> dateline;
  std::string home_country;        // the dateline's country, when it names one ("MLI")
  std::vector<DateMention> dates;  // date expressions, in text order (the dateline's first)
  std::vector<Phrase> phrases;
  std::vector<uint32_t> sentence_phrase_begin;  // first phrase of each sentence (+ end marker)
  std::vector<VerbGroup> verb_groups;
  std::vector<Mention> mentions;
  std::vector<PhraseActor>
      actors;  // sorted by phrase; several for "Hungarian and Romanian officials"
  std::vector<EventCandidate> events;
  std::vector<PlaceMention> places;  // in text order (the dateline's first)
  std::vector<std::string> warnings;

  std::string_view Form(const Token& t) const {
    return std::string_view(norm).substr(t.norm_start, t.norm_end - t.norm_start);
  }
  std::string_view Key(const Token& t) const {
    return std::string_view(keys).substr(t.key_start, t.key_length);
  }
  std::string_view Form(uint32_t i) const { return Form(tokens[i]); }
  std::string_view Key(uint32_t i) const { return Key(tokens[i]); }
  // The original bytes of tokens [begin, end).
  std::string_view OriginalText(uint32_t begin, uint32_t end) const {
    const uint32_t s = tokens[begin].start, e = tokens[end - 1].end;
    return std::string_view(doc->text).substr(s, e - s);
  }
  // The first actor of phrase `p`, or nullptr.
  const PhraseActor* ActorOf(uint32_t p) const;
  // All actors of phrase `p` (index range into actors).
  std::pair<size_t, size_t> ActorsOf(uint32_t p) const;
  void Clear();
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_ANALYSIS_H_
