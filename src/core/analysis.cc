#include "core/analysis.h"

#include <algorithm>

namespace palmyra {

std::string_view ClauseKindName(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::kMain:
      return "main";
    case ClauseKind::kSubordinate:
      return "subordinate";
    case ClauseKind::kConditional:
      return "conditional";
    case ClauseKind::kRelative:
      return "relative";
    case ClauseKind::kComplement:
      return "complement";
    case ClauseKind::kInfinitive:
      return "infinitive";
    case ClauseKind::kParticiple:
      return "participle";
    case ClauseKind::kReducedRelative:
      return "reduced-relative";
  }
  return "main";
}

const PhraseActor* Analysis::ActorOf(uint32_t p) const {
  auto it = std::lower_bound(actors.begin(), actors.end(), p,
                             [](const PhraseActor& a, uint32_t value) { return a.phrase < value; });
  return (it != actors.end() && it->phrase == p) ? &*it : nullptr;
}

std::pair<size_t, size_t> Analysis::ActorsOf(uint32_t p) const {
  auto lo = std::lower_bound(actors.begin(), actors.end(), p,
                             [](const PhraseActor& a, uint32_t value) { return a.phrase < value; });
  auto hi = lo;
  while (hi != actors.end() && hi->phrase == p) ++hi;
  return {static_cast<size_t>(lo - actors.begin()), static_cast<size_t>(hi - actors.begin())};
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
  home_country.clear();
  dates.clear();
  phrases.clear();
  sentence_phrase_begin.clear();
  verb_groups.clear();
  mentions.clear();
  actors.clear();
  events.clear();
  places.clear();
  warnings.clear();
}

}  // namespace palmyra
