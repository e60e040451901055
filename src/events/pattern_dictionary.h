// PatternDictionary: compiled verb and noun patterns. Words are interned in
// the engine's vocabulary; triggers (a block's verbs or nouns) are indexed by
// their lemma and irregular forms; synonym sets are resolved across files.
// Built with Add() and Freeze(); then immutable and thread-safe.
#ifndef PALMYRA_EVENTS_PATTERN_DICTIONARY_H_
#define PALMYRA_EVENTS_PATTERN_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/string_table.h"
#include "events/pattern_reader.h"
#include "text/name_tokenizer.h"

namespace palmyra {

using ElementKind = RawElement::Kind;

struct PatternElement {
  ElementKind kind = ElementKind::kWord;
  std::vector<int32_t> words;            // kWord: the word's tokens (vocabulary ids)
  int32_t synset = -1;                   // kSynset
  bool joined = false;                   // must follow the previous element directly
  std::vector<PatternElement> children;  // kPrep, kNounGroup
};

struct Pattern {
  std::vector<PatternElement> left;   // before the trigger, in text order
  std::vector<PatternElement> right;  // after the trigger
  bool last_left_joined = false;
  std::string code;       // empty: [---], no event
  std::string alternate;  // [A:B]: B, the code of the reciprocal event (target to source)
  int32_t block = -1;
  int specificity = 0;  // words and groups it requires
  std::string rule;     // "file:line"
};

struct Trigger {
  std::vector<int32_t> words;   // lemma of the verb or noun, then any further words ("carry out")
  std::vector<int32_t> before;  // words that must come right before it ("wire" of "wire tap")
  std::vector<std::vector<int32_t>> forms;  // irregular forms, matched against the text's words
  int32_t block = -1;
  std::string code;  // empty and !has_code: the block's code
  std::string alternate;
  bool has_code = false;
  std::string rule;
};

struct PatternBlock {
  std::string name;
  std::string code;  // empty: no event unless a pattern gives one
  std::string alternate;
  bool noun = false;
  bool actorless = false;
  bool ongoing = false;  // @ongoing (RawBlock)
  std::vector<int32_t> patterns;
  std::string rule;
};

class PatternDictionary {
 public:
  // Adds a parsed file. Problems (an unknown synonym set, say) are added to
  // `diagnostics`; the rest of the file is used.
  void Add(const PatternFile& file, const NameTokenizer& names, StringTable* vocabulary,
           std::vector<Diagnostic>* diagnostics);
  // Resolves synonym sets (nested sets, unknown names); call once after the
  // last Add().
  void Freeze(std::vector<Diagnostic>* diagnostics);

  // Triggers (indices) whose first word is token `t` of `a`, verbs or nouns.
  void TriggersAt(const Analysis& a, uint32_t t, bool noun, std::vector<int32_t>* out) const;

  const Trigger& trigger(int32_t i) const { return triggers_[i]; }
  const PatternBlock& block(int32_t i) const { return blocks_[i]; }
  const Pattern& pattern(int32_t i) const { return patterns_[i]; }
  // Member word sequences of synonym set i.
  const std::vector<std::vector<int32_t>>& synset(int32_t i) const { return synsets_[i]; }
  int32_t num_patterns() const { return static_cast<int32_t>(patterns_.size()); }
  int32_t num_triggers() const { return static_cast<int32_t>(triggers_.size()); }
  // The id of synonym set `name` ("LIGHTVERB"), or -1.
  int32_t SynsetId(std::string_view name) const;

 private:
  int32_t SynsetIndex(const std::string& name);
  std::vector<int32_t> WordIds(const std::string& word, const NameTokenizer& names,
                               StringTable* vocabulary) const;
  bool Compile(const RawElement& raw, const NameTokenizer& names, StringTable* vocabulary,
               PatternElement* out, int* specificity);

  std::vector<PatternBlock> blocks_;
  std::vector<Pattern> patterns_;
  std::vector<Trigger> triggers_;
  std::vector<std::vector<int32_t>> verb_index_;  // vocabulary id -> triggers
  std::vector<std::vector<int32_t>> noun_index_;
  StringTable synset_names_;
  std::vector<std::vector<std::vector<int32_t>>> synsets_;  // resolved members
  // Members not yet resolved: words, or "&NAME" references (as synset ids).
  struct PendingMember {
    std::vector<int32_t> words;
    int32_t reference = -1;
  };
  std::vector<std::vector<PendingMember>> pending_;
  std::vector<bool> defined_;
  std::vector<std::string> defined_where_;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_PATTERN_DICTIONARY_H_
