#include "events/verb_neighbours.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

// One synset of data.verb: its words and the synsets it points to.
struct Synset {
  std::vector<std::string> words;
  std::vector<uint32_t> hypernyms;    // '@'
  std::vector<uint32_t> verb_groups;  // '$'
};

using SynsetMap = std::unordered_map<uint32_t, Synset>;

uint32_t ParseOffset(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  return v;
}

// A line of data.verb: "offset lexfile v w_cnt(hex) word lex_id ...
// p_cnt ptr offset pos source/target ... | gloss".
bool ParseSynset(std::string_view line, uint32_t* offset, Synset* out) {
  const size_t bar = line.find(" | ");
  const auto f = SplitWhitespace(line.substr(0, bar));
  if (f.size() < 5) return false;
  *offset = ParseOffset(f[0]);
  const size_t words = std::strtoul(std::string(f[3]).c_str(), nullptr, 16);
  size_t i = 4;
  for (size_t w = 0; w < words && i + 1 < f.size(); ++w, i += 2) {
    std::string word = AsciiLowercase(f[i]);
    std::replace(word.begin(), word.end(), '_', ' ');
    out->words.push_back(std::move(word));
  }
  if (i >= f.size()) return false;
  const size_t pointers = ParseOffset(f[i++]);
  for (size_t p = 0; p < pointers && i + 3 < f.size(); ++p, i += 4) {
    if (f[i + 2] != "v") continue;
    if (f[i] == "@") out->hypernyms.push_back(ParseOffset(f[i + 1]));
    if (f[i] == "$") out->verb_groups.push_back(ParseOffset(f[i + 1]));
  }
  return *offset != 0;
}

Result<SynsetMap> ReadSynsets(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  SynsetMap synsets;
  int line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    if (line.empty() || line[0] == ' ') continue;  // the licence header
    uint32_t offset = 0;
    Synset s;
    if (!ParseSynset(line, &offset, &s))
      return DataError(path + ":" + std::to_string(line_number) + ": not a WordNet synset");
    synsets.emplace(offset, std::move(s));
  }
  if (synsets.size() < 1000) return DataError(path + ": almost no synsets");
  return synsets;
}

// index.verb: "lemma v synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt
// offset..." -> the lemma's synsets, most frequent sense first.
Result<std::vector<std::pair<std::string, std::vector<uint32_t>>>> ReadIndex(
    const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::vector<std::pair<std::string, std::vector<uint32_t>>> index;
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty() || line[0] == ' ') continue;
    const auto f = SplitWhitespace(line);
    if (f.size() < 6) continue;
    const size_t senses = ParseOffset(f[2]);
    if (f.size() < senses) continue;
    std::vector<uint32_t> offsets;
    for (size_t k = f.size() - senses; k < f.size(); ++k) offsets.push_back(ParseOffset(f[k]));
    std::string lemma(f[0]);
    std::replace(lemma.begin(), lemma.end(), '_', ' ');
    index.emplace_back(std::move(lemma), std::move(offsets));
  }
  return index;
}

// How many of a listed verb's most frequent senses count as what it means.
constexpr size_t kMeantSenses = 2;

// cntlist.rev: "lemma%2:41:00:: sense tagged" -> how often each verb is
// tagged in WordNet's sense-tagged corpus, all senses together.
Result<std::unordered_map<std::string, int>> ReadVerbCounts(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::unordered_map<std::string, int> counts;
  for (std::string_view line : Split(text, '\n')) {
    const size_t percent = line.find('%');
    if (percent == std::string_view::npos || line.substr(percent + 1, 2) != "2:") continue;
    const size_t space = line.rfind(' ');
    std::string lemma(line.substr(0, percent));
    std::replace(lemma.begin(), lemma.end(), '_', ' ');
    counts[lemma] += std::atoi(std::string(line.substr(space + 1)).c_str());
  }
  return counts;
}

// A verb tagged this often is common: the dictionaries list the common verbs
// that code events, and one they leave out ("include", "set", "show") is
// common in other senses. Rare verbs get a neighbour.
constexpr int kCommonVerb = 10;

}  // namespace

Result<std::unique_ptr<VerbNeighbours>> VerbNeighbours::Build(
    const std::string& wordnet_dir, const PatternDictionary& dictionary,
    const StringTable& vocabulary, const std::function<bool(std::string_view)>& excluded,
    int senses) {
  ASSIGN_OR_RETURN(SynsetMap synsets, ReadSynsets(wordnet_dir + "/data.verb"));
  ASSIGN_OR_RETURN(auto index, ReadIndex(wordnet_dir + "/index.verb"));
  ASSIGN_OR_RETURN(auto counts, ReadVerbCounts(wordnet_dir + "/cntlist.rev"));
  // Verbs the dictionary lists as a trigger of one word, and the trigger
  // that gives a code for each (the first listed).
  std::unordered_set<std::string> listed;
  std::unordered_map<std::string, int32_t> coded;
  for (int32_t t = 0; t < dictionary.num_triggers(); ++t) {
    const Trigger& trigger = dictionary.trigger(t);
    const PatternBlock& block = dictionary.block(trigger.block);
    if (block.noun || trigger.words.size() != 1 || !trigger.before.empty()) continue;
    const std::string word(vocabulary.Get(trigger.words[0]));
    listed.insert(word);
    const std::string& code = trigger.has_code ? trigger.code : block.code;
    if (!code.empty() && !excluded(word)) coded.emplace(word, t);
  }
  // The senses in which the dictionary means its verbs: their most
  // frequent ones ("shell" is to bombard, not to take nuts from their shells).
  std::unordered_map<std::string, std::vector<uint32_t>> meant;
  for (const auto& [lemma, offsets] : index) {
    if (!coded.count(lemma)) continue;
    meant[lemma].assign(offsets.begin(),
                        offsets.begin() + std::min<size_t>(offsets.size(), kMeantSenses));
  }
  std::unique_ptr<VerbNeighbours> out(new VerbNeighbours());
  // The first coded verb among a synset's words that is meant in its sense.
  auto in_synset = [&](uint32_t offset) -> int32_t {
    const auto it = synsets.find(offset);
    if (it == synsets.end()) return -1;
    for (const std::string& w : it->second.words) {
      const auto c = coded.find(w);
      if (c == coded.end()) continue;
      const auto& senses = meant[w];
      if (std::find(senses.begin(), senses.end(), offset) != senses.end()) return c->second;
    }
    return -1;
  };
  auto pointers = [&](uint32_t offset, bool hypernym) -> const std::vector<uint32_t>& {
    static const std::vector<uint32_t> kNone;
    const auto it = synsets.find(offset);
    if (it == synsets.end()) return kNone;
    return hypernym ? it->second.hypernyms : it->second.verb_groups;
  };
  for (const auto& [lemma, offsets] : index) {
    if (listed.count(lemma) || excluded(lemma) || lemma.find(' ') != std::string::npos) continue;
    const auto count = counts.find(lemma);
    if (count != counts.end() && count->second >= kCommonVerb) continue;
    const int n = std::min<int>(senses, static_cast<int>(offsets.size()));
    Neighbour best;
    int best_rank = 1 << 30;
    // Closer relations first; within one, the more frequent sense.
    for (int s = 0; s < n; ++s) {
      const uint32_t o = offsets[s];
      auto consider = [&](int32_t trigger, Relation r) {
        const int rank = static_cast<int>(r) * 16 + s;
        if (trigger >= 0 && rank < best_rank) {
          best_rank = rank;
          best = {trigger, r, s, ""};
        }
      };
      consider(in_synset(o), Relation::kSynonym);
      for (uint32_t g : pointers(o, false)) consider(in_synset(g), Relation::kVerbGroup);
      for (uint32_t h : pointers(o, true)) consider(in_synset(h), Relation::kHypernym);
    }
    if (best.trigger < 0) continue;
    static constexpr const char* kNames[] = {"synonym", "verb-group", "hypernym"};
    best.rule = std::string("wordnet/") + kNames[static_cast<int>(best.relation)] + ":" +
                std::string(vocabulary.Get(dictionary.trigger(best.trigger).words[0]));
    const int32_t id = out->lemmas_.Add(lemma);
    if (id >= static_cast<int32_t>(out->neighbours_.size())) out->neighbours_.resize(id + 1);
    out->neighbours_[id] = std::move(best);
  }
  return out;
}

}  // namespace palmyra
