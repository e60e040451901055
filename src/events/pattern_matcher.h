// PatternMatcher: matches the patterns of a PatternDictionary around one
// trigger (a verb or noun) in one analysed sentence. Words match a token's
// word or lemma; items may be separated by any tokens unless joined ("_");
// $, + and % bind noun phrases that have actors; (PREP ...) matches a
// preposition and the noun phrase after it; {...} words of one noun phrase.
// One matcher serves one Analysis on one thread.
#ifndef PALMYRA_EVENTS_PATTERN_MATCHER_H_
#define PALMYRA_EVENTS_PATTERN_MATCHER_H_

#include <cstdint>
#include <vector>

#include "core/analysis.h"
#include "events/pattern_dictionary.h"

namespace palmyra {

struct PatternMatch {
  int32_t source = -1;  // phrases bound by $, + and %
  int32_t target = -1;
  int32_t compound = -1;
  std::vector<uint32_t> consumed;  // tokens matched by words
};

class PatternMatcher {
 public:
  PatternMatcher(const PatternDictionary* dictionary, const Analysis* analysis);

  // Matches `pattern` with the trigger at tokens [trigger_begin, trigger_end);
  // left items within [lo, trigger_begin), right items within
  // [trigger_end, hi).
  bool Match(const Pattern& pattern, uint32_t trigger_begin, uint32_t trigger_end, uint32_t lo,
             uint32_t hi, PatternMatch* match) const;

  // The end of `trigger`'s words when they start at token t (its first word
  // or one of its irregular forms), skipping adverbs between words and a
  // short object between a verb and its particle (its phrase in
  // *object_inside, else -1); 0 when it does not match.
  uint32_t MatchTrigger(const Trigger& trigger, uint32_t t, uint32_t hi,
                        int32_t* object_inside) const;

  // True when tokens [t, ...) start a member of synonym set `synset`; sets *end.
  bool MatchSynset(int32_t synset, uint32_t t, uint32_t hi, uint32_t* end) const;

  int32_t PhraseAt(uint32_t token) const { return phrase_at_[token]; }

  // With `yes`, a plural noun matches a pattern's word only as written, not
  // by its singular lemma.
  void MatchPluralsAsWritten(bool yes) { plurals_as_written_ = yes; }

 private:
  // Matches elements[k..] from token pos on; with outside_adjuncts, plain
  // words and sets may not stand in a prepositional phrase.
  bool Sequence(const std::vector<PatternElement>& elements, size_t k, uint32_t pos, uint32_t end,
                bool first_joined, uint32_t must_end, PatternMatch* m,
                bool outside_adjuncts = false) const;
  bool InPrepositionalPhrase(uint32_t token) const;
  bool Element(const PatternElement& e, uint32_t p, uint32_t end, uint32_t* next,
               PatternMatch* m) const;
  bool Words(const std::vector<int32_t>& words, uint32_t p, uint32_t end, uint32_t* next) const;
  bool HasActor(int32_t phrase) const;
  // After a noun phrase of a few words at `pos` that the particle
  // `particle` follows, the particle's position; else `pos`.
  uint32_t AfterShortObject(uint32_t pos, int32_t particle, uint32_t hi) const;

  const PatternDictionary* dictionary_;
  const Analysis* a_;
  std::vector<int32_t> phrase_at_;
  std::vector<bool> has_actor_;
  int32_t adjunct_prepositions_;  // &ADJUNCTPREP, or -1
  int32_t particles_;             // &PARTICLE, or -1
  bool plurals_as_written_ = false;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_PATTERN_MATCHER_H_
