// SentenceSplitter: groups tokens into sentences. A sentence ends at a full
// stop, question or exclamation mark (with any closing quotes or brackets)
// followed by something that can start a sentence, at a paragraph break, and
// after a headline line. Abbreviations ("Gen.", "U.S."), initials and quotes
// that run on ("'We will win,' he said") do not end sentences. The first
// body sentence's dateline ("KABUL, Oct. 3 (Xinhua) --") is set apart.
// Immutable; Split() is thread-safe.
#ifndef PALMYRA_TEXT_SENTENCE_SPLITTER_H_
#define PALMYRA_TEXT_SENTENCE_SPLITTER_H_

#include "core/analysis.h"
#include "text/text_rules.h"

namespace palmyra {

class SentenceSplitter {
 public:
  // Sentences longer than this are cut (tables, lists and other non-prose).
  static constexpr uint32_t kMaxSentenceTokens = 200;

  explicit SentenceSplitter(const TextRules* rules) : rules_(rules) {}

  // Reads analysis->tokens; fills analysis->sentences and analysis->dateline.
  void Split(Analysis* analysis) const;

 private:
  bool BreaksBefore(const Analysis& a, uint32_t i, uint32_t sentence_start,
                    uint32_t line_start) const;
  void FindDateline(Analysis* a, size_t sentence) const;

  const TextRules* rules_;
};

}  // namespace palmyra

#endif  // PALMYRA_TEXT_SENTENCE_SPLITTER_H_
