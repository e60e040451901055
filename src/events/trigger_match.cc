#include "events/trigger_match.h"

#include <algorithm>
#include <vector>

namespace palmyra {
namespace {

// The code the trigger gives when no pattern does: its own or its block's.
void TakeDefault(const Trigger& trigger, const PatternBlock& block, std::string* code,
                 std::string* alternate) {
  *code = trigger.has_code ? trigger.code : block.code;
  *alternate = trigger.has_code ? trigger.alternate : block.alternate;
}

// Tries trigger `id` ending at `end` (the words it matched) and the patterns
// of its block: the first trigger found, or a longer one's, gives the
// default code; a more specific pattern than any so far gives its own.
void TryTrigger(const EventRules& rules, const PatternMatcher& matcher, uint32_t t, uint32_t lo,
                uint32_t hi, int32_t id, uint32_t end, int32_t object_inside, size_t* default_words,
                bool* any, TriggerMatch* found) {
  const PatternDictionary& dictionary = rules.dictionary();
  const Trigger& trigger = dictionary.trigger(id);
  const PatternBlock& block = dictionary.block(trigger.block);
  // The longest trigger gives the default code; a verb listed both in a
  // block that codes nothing by itself ("DENY" among the statements,
  // whose patterns code denials of responsibility) and in one that does
  // (REJECT) takes the code of the latter (Conventions).
  // An idiom that codes nothing ("armed with") still shadows its verb.
  const bool coded = !(trigger.has_code ? trigger.code : block.code).empty();
  if (!*any ||
      (found->specificity < 0 && found->code.empty() && coded &&
       trigger.words.size() == *default_words && !rules.conventions().first_listing_gives_code)) {
    *default_words = trigger.words.size();
    TakeDefault(trigger, block, &found->code, &found->alternate);
    found->rule = trigger.rule;
    found->specificity = -1;
    found->trigger_end = end;
    found->object_inside = object_inside;
    found->block = trigger.block;
    *any = true;
  }
  for (int32_t pid : block.patterns) {
    const Pattern& pattern = dictionary.pattern(pid);
    if (pattern.specificity <= found->specificity) continue;
    PatternMatch m;
    // The verb's words before it ("wire" of "wire tap") belong to it.
    const uint32_t begin = t - static_cast<uint32_t>(trigger.before.size());
    if (!matcher.Match(pattern, begin, end, lo, std::max(hi, end), &m)) continue;
    // TABARI's [+++]: the pattern matches but the verb keeps its own code.
    if (pattern.code == "+++") {
      TakeDefault(trigger, block, &found->code, &found->alternate);
    } else {
      found->code = pattern.code;
      found->alternate = pattern.alternate;
    }
    found->rule = pattern.rule;
    found->specificity = pattern.specificity;
    found->match = std::move(m);
    found->trigger_end = end;
    found->object_inside = object_inside;
    found->block = trigger.block;
  }
}

}  // namespace

bool BestMatch(const EventRules& rules, const PatternMatcher& matcher, const Analysis& a,
               uint32_t t, bool noun, uint32_t lo, uint32_t hi, TriggerMatch* found) {
  const PatternDictionary& dictionary = rules.dictionary();
  std::vector<int32_t> triggers;
  dictionary.TriggersAt(a, t, noun, &triggers);
  std::stable_sort(triggers.begin(), triggers.end(), [&](int32_t x, int32_t y) {
    return dictionary.trigger(x).words.size() > dictionary.trigger(y).words.size();
  });
  const uint32_t sentence_end = a.sentences[a.phrases[matcher.PhraseAt(t)].sentence].token_end;
  bool any = false;
  size_t default_words = 0;  // words of the trigger that gave the default code
  for (int32_t id : triggers) {
    int32_t object_inside = -1;
    const uint32_t end =
        matcher.MatchTrigger(dictionary.trigger(id), t, sentence_end, &object_inside);
    if (end != 0)
      TryTrigger(rules, matcher, t, lo, hi, id, end, object_inside, &default_words, &any, found);
  }
  if (any || noun || rules.neighbours() == nullptr) return any;
  // A verb no pattern lists: its nearest listed neighbour in WordNet stands
  // in for it, patterns and all; the rule names the neighbour.
  const VerbNeighbours::Neighbour* n = rules.neighbours()->Find(a.tokens[t].lemma);
  if (n == nullptr) return false;
  TryTrigger(rules, matcher, t, lo, hi, n->trigger, t + 1, -1, &default_words, &any, found);
  found->rule = n->rule;
  return any;
}

}  // namespace palmyra
