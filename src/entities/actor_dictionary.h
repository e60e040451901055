// ActorDictionary: the compiled actor and agent dictionaries. Names are
// interned into the engine's vocabulary and indexed by their first word;
// Match() finds the longest names in each sentence. Codes may depend on the
// date (a leader's term of office). Built with Add(), then Freeze(); after
// that it is immutable and Match() is thread-safe.
#ifndef PALMYRA_ENTITIES_ACTOR_DICTIONARY_H_
#define PALMYRA_ENTITIES_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/string_table.h"
#include "entities/actor_reader.h"
#include "text/name_tokenizer.h"

namespace palmyra {

// What a matched name stands for.
enum class NameRole : uint8_t {
  kName,        // the entry itself: "Russia", "the United Nations", "soldier"
  kAdjective,   // "Russian"
  kPeople,      // "Russians"
  kCapital,     // "Moscow": the government when it acts, a place otherwise
  kGovernment,  // "the Kremlin": the government
  kPlural,      // "soldiers"
};

struct ActorEntry {
  std::vector<DatedCode> codes;
  MentionKind kind = MentionKind::kOrganization;  // kCountry, kOrganization, kPerson or kAgent
  bool generic = false;     // an agent that yields to a more specific one ("official")
  bool individual = false;  // names one person ("president", a leader)
  bool modified = false;    // an actor only with a country or name before it ("Russian positions")
  bool place = false;       // a place where people live ("the town"): not what "they" refers to
  // @in=SYR,IRQ: a people without a state of its own ("Kurdish"), living in
  // these countries; empty for others.
  std::vector<std::string> homelands;
  bool agent_prefix = false;  // [ROLE~]: the role is written before the country
  std::string rule;           // "file:line"
};

// The name before "-led" in a word such as "US-led" or "Saudi-led"; empty
// for other words.
inline std::string_view LeaderName(std::string_view word) {
  constexpr std::string_view kLed = "-led";
  if (word.size() <= kLed.size() + 1 || word.substr(word.size() - kLed.size()) != kLed) return {};
  return word.substr(0, word.size() - kLed.size());
}

class ActorDictionary {
 public:
  // Adds the entries of a parsed file; names are split into tokens by
  // `names` and their words go into `vocabulary`.
  void Add(const ActorFile& file, const NameTokenizer& names, StringTable* vocabulary);
  // Sorts the indexes; call once after the last Add().
  void Freeze();

  // Finds actor and agent names in every sentence (longest match first) and
  // appends them to analysis->mentions. Tokens need word and lemma ids.
  void Match(Analysis* analysis) const;
  // The country of the place of the article's dateline ("BAMAKO, Sept. 8 -"
  // -> "MLI"); "" when there is none or it is not a country or capital.
  std::string DatelineCountry(const Analysis& analysis) const;

  const ActorEntry& entry(int32_t i) const { return entries_[i]; }
  int32_t size() const { return static_cast<int32_t>(entries_.size()); }
  // The code of entry i on `date`: its dated code valid then, else its
  // undated one; with no date, a person's latest dated code.
  const std::string& CodeOn(int32_t i, const Date* date) const;
  // The role of name `name_index` of a match.
  NameRole RoleOfName(int32_t name_index) const { return names_[name_index].role; }

 private:
  struct Name {
    std::vector<int32_t> words;
    std::vector<std::string> exact;  // forms that must match exactly (@exact), else empty
    int32_t entry = -1;
    NameRole role = NameRole::kName;
    bool proper = true;     // needs a capital letter somewhere in the text
    bool singular = false;  // matches forms only, not lemmas ("{}" or @singular)
    bool loose = false;     // up to two modifiers may stand between its words
    bool noun = false;      // only as a noun (@noun): not "general" in "general strike"
  };
  // Appends the names found in tokens [begin, end) to *out.
  void MatchRange(const Analysis& a, uint32_t begin, uint32_t end, std::vector<Mention>* out) const;
  // Length of the match of name n at token i, or 0.
  uint32_t MatchAt(const Analysis& a, const Name& n, uint32_t i, uint32_t end) const;

  std::vector<ActorEntry> entries_;
  std::vector<Name> names_;
  std::vector<std::vector<int32_t>> by_first_word_;  // vocabulary id -> names
};

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ACTOR_DICTIONARY_H_
