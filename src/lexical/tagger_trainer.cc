#include "lexical/tagger_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "lexical/tagger_features.h"

namespace palmyra {

TaggerModelData TrainTagger(const std::vector<const TaggedSentence*>& train,
                            const TrainerOptions& options, const Lemmatizer* lexicon) {
  constexpr int T = kNumTaggerTags;
  // The tag dictionary: frequent words that almost always take one tag.
  std::unordered_map<std::string, std::vector<int>> counts;
  for (const TaggedSentence* s : train) {
    for (size_t i = 0; i < s->words.size(); ++i) {
      auto& c = counts[s->words[i]];
      if (c.empty()) c.assign(T, 0);
      ++c[TagIndex(s->tags[i])];
    }
  }
  std::unordered_map<uint64_t, int> dictionary;
  TaggerModelData data;
  for (const auto& [word, c] : counts) {
    const int total = std::accumulate(c.begin(), c.end(), 0);
    const int best = static_cast<int>(std::max_element(c.begin(), c.end()) - c.begin());
    if (total >= options.dictionary_min_count && c[best] >= options.dictionary_min_share * total) {
      dictionary[TagDictionaryKey(word)] = best;
      data.tag_dictionary.push_back({TagDictionaryKey(word), static_cast<uint8_t>(best)});
    }
  }
  std::sort(data.tag_dictionary.begin(), data.tag_dictionary.end());

  // Perceptron weights, dense per feature; `accumulated` holds the sum of
  // (time of update * update) so that the average is w - accumulated / time.
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<float> weights;
  std::vector<double> accumulated;
  auto feature_id = [&](uint64_t h) -> uint32_t {
    auto [it, inserted] = index.try_emplace(h, static_cast<uint32_t>(index.size()));
    if (inserted) {
      weights.resize(weights.size() + T, 0.0f);
      accumulated.resize(accumulated.size() + T, 0.0);
    }
    return it->second;
  };

  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  TaggerFeatures features;
  std::vector<std::string_view> words;
  uint64_t f[kNumTaggerFeatures];
  double time = 1;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) {
      const TaggedSentence& s = *train[k];
      words.assign(s.words.begin(), s.words.end());
      features.Prepare(words, lexicon);
      int prev = kStartTag, prev2 = kStartTag;
      for (size_t i = 0; i < words.size(); ++i) {
        const int gold = TagIndex(s.tags[i]);
        auto known = dictionary.find(TagDictionaryKey(words[i]));
        int guess;
        if (known != dictionary.end()) {
          guess = known->second;
        } else {
          features.Extract(i, prev, prev2, f);
          float scores[T] = {};
          for (uint64_t h : f) {
            auto it = index.find(h);
            if (it == index.end()) continue;
            const float* w = &weights[static_cast<size_t>(it->second) * T];
            for (int t = 0; t < T; ++t) scores[t] += w[t];
          }
          guess = 0;
          for (int t = 1; t < T; ++t) {
            if (scores[t] > scores[guess]) guess = t;
          }
          if (guess != gold) {
            for (uint64_t h : f) {
              const size_t base = static_cast<size_t>(feature_id(h)) * T;
              weights[base + gold] += 1.0f;
              accumulated[base + gold] += time;
              weights[base + guess] -= 1.0f;
              accumulated[base + guess] -= time;
            }
          }
          time += 1;
        }
        prev2 = prev;
        prev = guess;
      }
    }
  }

  // Averaged weights, keeping those that matter.
  data.features.reserve(index.size());
  for (const auto& [h, id] : index) {
    std::vector<TaggerModelData::Weight> kept;
    for (int t = 0; t < T; ++t) {
      const size_t k = static_cast<size_t>(id) * T + t;
      const double average = weights[k] - accumulated[k] / time;
      if (std::fabs(average) >= 0.005)
        kept.push_back({static_cast<uint8_t>(t), static_cast<float>(average)});
    }
    if (!kept.empty()) data.features.push_back({h, std::move(kept)});
  }
  std::sort(data.features.begin(), data.features.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return data;
}

TaggerEvaluation EvaluateTagger(const PosTagger& tagger,
                                const std::vector<const TaggedSentence*>& train,
                                const std::vector<const TaggedSentence*>& test) {
  std::unordered_set<std::string_view> known;
  for (const TaggedSentence* s : train) known.insert(s->words.begin(), s->words.end());
  TaggerEvaluation e;
  std::vector<std::string_view> words;
  std::vector<PosTag> tags;
  for (const TaggedSentence* s : test) {
    words.assign(s->words.begin(), s->words.end());
    tagger.TagWords(words, &tags);
    for (size_t i = 0; i < words.size(); ++i) {
      const bool right = tags[i] == s->tags[i];
      ++e.tokens;
      e.correct += right;
      if (!known.count(words[i])) {
        ++e.unknown;
        e.unknown_correct += right;
      }
    }
  }
  return e;
}

}  // namespace palmyra
