// VerbNeighbours: for a verb no pattern lists ("lambaste", "shell out"), the
// nearest verb that one does, found in WordNet (data.verb): a synonym in
// one of its senses, a verb of the same verb group, or its hypernym
// ("castigate" -> "criticize", "strafe" -> "attack"), in the sense the
// dictionary means the listed verb. Its triggers
// then propose the code, and the decision model weighs the proposal like
// any other candidate. Built once at load; immutable and thread-safe.
#ifndef PALMYRA_EVENTS_VERB_NEIGHBOURS_H_
#define PALMYRA_EVENTS_VERB_NEIGHBOURS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_table.h"
#include "events/pattern_dictionary.h"
#include "palmyra/status.h"

namespace palmyra {

class VerbNeighbours {
 public:
  enum class Relation : uint8_t { kSynonym, kVerbGroup, kHypernym };

  struct Neighbour {
    int32_t trigger = -1;  // a single-word verb trigger of the dictionary with a code
    Relation relation = Relation::kSynonym;
    int32_t sense = 0;  // the unknown verb's sense it came through, 0 the most frequent
    std::string rule;   // the events' rule: "wordnet/synonym:criticize"
  };

  // Reads index.verb and data.verb under `wordnet_dir` and finds the
  // neighbours of every WordNet verb that `dictionary` does not list, in its
  // first `senses` senses. `vocabulary` spells the dictionary's words;
  // verbs for which `excluded` is true neither get nor give a proposal
  // (auxiliaries, verbs too general to carry a code: "be", "make", "go").
  static Result<std::unique_ptr<VerbNeighbours>> Build(
      const std::string& wordnet_dir, const PatternDictionary& dictionary,
      const StringTable& vocabulary, const std::function<bool(std::string_view)>& excluded,
      int senses = 1);

  // The neighbour of verb lemma `lemma`, or nullptr.
  const Neighbour* Find(std::string_view lemma) const {
    const int32_t id = lemmas_.Find(lemma);
    return id < 0 ? nullptr : &neighbours_[id];
  }
  int32_t size() const { return lemmas_.size(); }

 private:
  VerbNeighbours() = default;
  StringTable lemmas_;                 // verbs with a neighbour
  std::vector<Neighbour> neighbours_;  // by lemma id
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_VERB_NEIGHBOURS_H_
