// Event recall on WikiEvents (../shared/wikievents/dev.jsonl) for attacks,
// deaths, injuries and arrests.
//
//   build/bench/eval_wikievents [--verbose]
//
// Each document's sentences are joined (a blank line apart) and coded as one
// article. A gold event is found at sentence level when Palmyra codes an
// event of a matching kind in the same sentence, and at trigger level when
// that event's evidence also covers the gold trigger word. Matching kinds:
// attack, death and injury -> CAMEO roots 18, 19, 20 (or 145, riots);
// arrest -> CAMEO 173.
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "bench_util.h"

namespace palmyra {
namespace {

struct Score {
  int sentence = 0, trigger = 0, total = 0;
};

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  const bool verbose = argc > 1 && std::strcmp(argv[1], "--verbose") == 0;
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (WikiEvents) is not present\n");
    return 0;
  }
  const auto docs = ReadJsonLines(shared + "/wikievents/dev.jsonl");
  const auto engine = MakeEngine();
  std::map<std::string, Score> scores;
  long events_total = 0, sentences_total = 0;
  for (const auto& d : docs) {
    const WikiDocument w = ReadWikiDocument(d);
    const auto& spans = w.sentences;
    sentences_total += static_cast<long>(spans.size());
    auto coded = engine->Code(w.doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    events_total += static_cast<long>(events.size());
    for (const auto& m : d["event_mentions"]) {
      const std::string kind = WikiKind(m["event_type"].get<std::string>());
      if (kind.empty()) continue;
      const auto& trigger = m["trigger"];
      const size_t si = trigger["sent_idx"].get<size_t>();
      const std::string text = d["sentences"][si][1].get<std::string>();
      const auto [t_begin, t_end] =
          w.Bytes(d, si, trigger["start"].get<size_t>(), trigger["end"].get<size_t>());
      bool in_sentence = false, on_trigger = false;
      for (const Event& e : events) {
        if (!WikiKindMatches(kind, e) || e.evidence.end <= spans[si].begin ||
            e.evidence.start >= spans[si].end) {
          continue;
        }
        in_sentence = true;
        if (e.evidence.start <= t_begin && t_end <= e.evidence.end) on_trigger = true;
      }
      Score& s = scores[kind];
      ++s.total;
      s.sentence += in_sentence;
      s.trigger += on_trigger;
      if (verbose && !in_sentence) {
        std::printf("MISS %-7s %-10s | %s\n", kind.c_str(),
                    trigger["text"].get<std::string>().c_str(), text.substr(0, 150).c_str());
      }
    }
  }
  std::printf("WikiEvents event recall (%zu documents, %ld sentences, wikievents/dev.jsonl)\n",
              docs.size(), sentences_total);
  Score all;
  for (const char* kind : {"attack", "death", "injury", "arrest"}) {
    const Score& s = scores[kind];
    all.total += s.total, all.sentence += s.sentence, all.trigger += s.trigger;
    std::printf("  %-7s %3d gold   sentence %5.1f%%   trigger %5.1f%%\n", kind, s.total,
                s.total ? 100.0 * s.sentence / s.total : 0.0,
                s.total ? 100.0 * s.trigger / s.total : 0.0);
  }
  std::printf("  all     %3d gold   sentence %5.1f%%   trigger %5.1f%%\n", all.total,
              all.total ? 100.0 * all.sentence / all.total : 0.0,
              all.total ? 100.0 * all.trigger / all.total : 0.0);
  std::printf("  events coded: %ld (%.2f per sentence)\n", events_total,
              static_cast<double>(events_total) / sentences_total);
  return 0;
}
