// ClauseAnalyzer: finds, for every verb group, the clause it heads and its
// relations: kind (main, subordinate, conditional, relative, complement,
// infinitive, participle), governing verb, subject, object and passive agent;
// coordination ("stormed the town and killed ..."); and reported speech
// ("X said (that) ...", "'...,' X said", "according to X", quotes that run
// over several sentences). Runs after the Chunker. Immutable; thread-safe.
#ifndef PALMYRA_SYNTAX_CLAUSES_H_
#define PALMYRA_SYNTAX_CLAUSES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis.h"
#include "syntax/syntax_lexicon.h"

namespace palmyra {

class ClauseAnalyzer {
 public:
  explicit ClauseAnalyzer(const SyntaxLexicon* lexicon) : lexicon_(lexicon) {}

  void Analyze(Analysis* analysis) const;

 private:
  class SentenceView;
  // The steps of one sentence: each verb group's kind and governor, its
  // subject and object, then participles that lean on the main clause,
  // where each clause ends, and conditions that make clauses hypothetical.
  void AnalyzeSentence(Analysis* a, uint32_t sentence) const;
  // The kind of verb group groups[gi] from its form and what precedes it
  // (coordinated, infinitive, gerund, participle, "if required"); returns
  // the verb group it follows on (-1: none).
  int32_t ClassifyVerb(const SentenceView& sv, Analysis* a, const std::vector<uint32_t>& groups,
                       size_t gi, bool no_finite, bool any_finite_before) const;
  int32_t JoinCoordinated(const SentenceView& sv, Analysis* a, const std::vector<uint32_t>& groups,
                          size_t gi) const;
  void ClassifyInfinitive(const SentenceView& sv, Analysis* a, VerbGroup* v,
                          int32_t prev_index) const;
  // A past participle: the finite verb of a clause, a reduced relative
  // ("soldiers killed in the attack") or a participle clause.
  void ClassifyParticiple(const SentenceView& sv, Analysis* a, VerbGroup* v, int32_t prev_index,
                          bool any_finite_before, bool first_of_finiteless) const;
  // "women enslaved for years by Isis fighters have returned": a verb
  // without auxiliary right after a noun, with a "by" phrase after it (past
  // other prepositional phrases) that runs straight into a verb with a
  // tensed auxiliary, or ends a sentence whose clause had a verb before, is
  // a passive participle describing the noun, whatever its tag.
  static bool IsReducedPassive(const SentenceView& sv, const Analysis& a, const VerbGroup& v,
                               bool any_finite_before);
  void FindSubject(const SentenceView& sv, Analysis* a, VerbGroup* v, int32_t prev_index) const;
  // A passive that is a stance its subject holds ("is opposed to") is read
  // as active.
  void HoldStance(const SentenceView& sv, const Analysis& a, VerbGroup* v) const;
  // Moves *k before a parenthetical ending at the comma at *k; false when
  // the comma ends no parenthetical.
  bool SkipParenthetical(const SentenceView& sv, const Analysis& a, int* k) const;
  // The subject found at noun phrase k, or where to go on looking.
  std::optional<int> NounSubject(const SentenceView& sv, Analysis* a, VerbGroup* v, int k,
                                 int32_t prev_index) const;
  void ListInsidePrepositionalPhrase(const SentenceView& sv, const Analysis& a, int* k,
                                     int* b) const;
  void ClauseFromWhatPrecedes(const SentenceView& sv, const Analysis& a, VerbGroup* v, int b,
                              int32_t prev_index) const;
  void FindObject(const SentenceView& sv, const Analysis& a, VerbGroup* v) const;
  static void LeanParticiples(Analysis* a, const std::vector<uint32_t>& groups);
  // Where the clause of w starts when it ends v's; UINT32_MAX when it does not.
  static uint32_t NextClauseStart(const SentenceView& sv, const Analysis& a, const VerbGroup& v,
                                  const VerbGroup& w);
  static void SetClauseEnds(const SentenceView& sv, Analysis* a,
                            const std::vector<uint32_t>& groups, uint32_t sentence_end);
  static void SpreadConditions(Analysis* a, const std::vector<uint32_t>& groups);
  void FindSpeechFrames(Analysis* a, uint32_t sentence) const;
  void AttributeRunOnQuotes(Analysis* a) const;

  const SyntaxLexicon* lexicon_;
};

// "[phrase], as well as B, ...", "[phrase] along with B", "[phrase],
// together with B, ...": the noun phrase B, which does what the phrase does
// (or has it done to it), on its side; -1 when none. Looks no further than
// phrase `end`.
int AlsoConjunct(const Analysis& a, int phrase, int end);

// The noun phrases coordinated with noun phrase `phrase` ("Syria, Iran and
// Russia"; "against Jabhat al-Nusra and Isis"; "Russia, as well as Iran"),
// in text order, including `phrase` itself. Stays inside the phrase range
// [begin, end).
std::vector<uint32_t> CoordinatedPhrases(const Analysis& a, uint32_t phrase, uint32_t begin,
                                         uint32_t end);

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_CLAUSES_H_
