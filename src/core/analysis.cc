#include "core/analysis.h"

#include <algorithm>

namespace palmyra {

const PhraseActor* Analysis::ActorOf(uint32_t p) const {
  auto it = std::lower_bound(actors.begin(), actors.end(), p,
                             [](const PhraseActor& a, uint32_t value) { return a.phrase < value; });
  return (it != actors.end() && it->phrase == p) ? &*it : nullptr;
}

void Analysis::Clear() {
  doc = nullptr;
  has_reference_date = false;
  norm.clear();
  offsets.Clear();
  keys.clear();
  tokens.clear();
  sentences.clear();
  dateline.reset();
  phrases.clear();
  sentence_phrase_begin.clear();
  verb_groups.clear();
  mentions.clear();
  actors.clear();
  warnings.clear();
}

}  // namespace palmyra
