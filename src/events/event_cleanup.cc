#include "events/event_cleanup.h"

#include <algorithm>
#include <vector>

namespace palmyra {
namespace {

// Removes the events marked in `drop`, keeping the order of the rest.
void RemoveMarked(const std::vector<bool>& drop, std::vector<EventCandidate>* events) {
  size_t kept = 0;
  for (size_t i = 0; i < events->size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) (*events)[kept] = std::move((*events)[i]);
    ++kept;
  }
  events->resize(kept);
}

// Events are made sentence by sentence: [begin, end) of the run of events
// of the sentence of event i.
std::pair<size_t, size_t> SentenceRun(const std::vector<EventCandidate>& events, size_t i) {
  size_t begin = i, end = i + 1;
  while (begin > 0 && events[begin - 1].sentence == events[i].sentence) --begin;
  while (end < events.size() && events[end].sentence == events[i].sentence) ++end;
  return {begin, end};
}

}  // namespace

void MergeWeaponSubjects(const EventRules& rules, Analysis* a) {
  std::vector<bool> drop(a->events.size(), false);
  for (size_t i = 0; i < a->events.size(); ++i) {
    EventCandidate& verb = a->events[i];
    if (verb.verb_group < 0 || !rules.IsViolent(verb.cameo)) continue;
    const VerbGroup& v = a->verb_groups[verb.verb_group];
    if (v.main != verb.trigger || v.subject < 0 || v.passive) continue;
    const uint32_t head = a->phrases[v.subject].head;
    const auto [begin, end] = SentenceRun(a->events, i);
    for (size_t j = begin; j < end; ++j) {
      EventCandidate& noun = a->events[j];
      if (j == i || drop[j] || noun.trigger != head || !noun.target_code.empty()) continue;
      if (!rules.IsViolent(noun.cameo)) continue;
      // The noun's code says how; a generic killing or attack takes it.
      if (rules.Has(verb.cameo, CameoTrait::kUnspecified) &&
          noun.cameo.size() >= verb.cameo.size() &&
          !rules.Has(noun.cameo, CameoTrait::kUnspecified)) {
        verb.cameo = noun.cameo;
        verb.rule = noun.rule;
      }
      verb.evidence_begin = std::min(verb.evidence_begin, noun.evidence_begin);
      drop[j] = true;
    }
  }
  RemoveMarked(drop, &a->events);
}

void DropSubsumed(Analysis* a) {
  auto subsumes = [](const EventCandidate& big, const EventCandidate& small) {
    if (big.sentence != small.sentence || big.cameo != small.cameo) return false;
    const bool source = small.source_code.empty() || small.source_code == big.source_code;
    const bool target = small.target_code.empty() || small.target_code == big.target_code;
    const bool less = (small.source_code.empty() && !big.source_code.empty()) ||
                      (small.target_code.empty() && !big.target_code.empty());
    return source && target && less;
  };
  std::vector<bool> drop(a->events.size(), false);
  for (size_t begin = 0, end; begin < a->events.size(); begin = end) {
    end = SentenceRun(a->events, begin).second;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = begin; j < end && !drop[i]; ++j) {
        if (i != j && !drop[j] && subsumes(a->events[j], a->events[i])) drop[i] = true;
      }
    }
  }
  RemoveMarked(drop, &a->events);
}

}  // namespace palmyra
