#include "events/discard_list.h"

#include <algorithm>

namespace palmyra {

void DiscardList::Add(const DiscardFile& file) {
  for (const DiscardPhrase& p : file.phrases) {
    by_first_word_[p.words[0]].push_back(static_cast<int32_t>(phrases_.size()));
    phrases_.push_back(p);
  }
}

bool DiscardList::MatchAt(const Analysis& a, const DiscardPhrase& p, uint32_t i,
                          uint32_t end) const {
  if (i + p.words.size() > end) return false;
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (a.Key(i + static_cast<uint32_t>(k)) != p.words[k]) return false;
  }
  return true;
}

void DiscardList::Apply(Analysis* a) const {
  if (phrases_.empty() || a->events.empty()) return;
  std::vector<char> discarded(a->sentences.size(), 0);
  for (uint32_t s = 0; s < a->sentences.size(); ++s) {
    const Sentence& sentence = a->sentences[s];
    for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
      const auto it = by_first_word_.find(std::string(a->Key(i)));
      if (it == by_first_word_.end()) continue;
      for (int32_t index : it->second) {
        const DiscardPhrase& p = phrases_[index];
        if (!MatchAt(*a, p, i, sentence.token_end)) continue;
        if (p.story) {
          a->events.clear();
          return;
        }
        discarded[s] = 1;
      }
    }
  }
  a->events.erase(std::remove_if(a->events.begin(), a->events.end(),
                                 [&](const EventCandidate& c) { return discarded[c.sentence]; }),
                  a->events.end());
}

}  // namespace palmyra
