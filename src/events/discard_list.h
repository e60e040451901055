// DiscardList: the phrases of PETRARCH discard dictionaries. A sentence that
// holds a sentence-level phrase ("months later") gives no events; a story
// that holds a story-level one ("+Manchester United") gives none at all.
// Built with Add(), then immutable; Apply() is thread-safe.
#ifndef PALMYRA_EVENTS_DISCARD_LIST_H_
#define PALMYRA_EVENTS_DISCARD_LIST_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "entities/dictionary_files.h"

namespace palmyra {

class DiscardList {
 public:
  void Add(const DiscardFile& file);
  bool empty() const { return phrases_.empty(); }
  // Removes the events of discarded sentences, or all when the story is.
  void Apply(Analysis* analysis) const;

 private:
  // Whether phrase p starts at token i (within [i, end)).
  bool MatchAt(const Analysis& a, const DiscardPhrase& p, uint32_t i, uint32_t end) const;
  std::vector<DiscardPhrase> phrases_;
  std::unordered_map<std::string, std::vector<int32_t>> by_first_word_;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_DISCARD_LIST_H_
