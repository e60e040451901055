// Event recall on WikiEvents (../shared/wikievents/dev.jsonl) for attacks,
// deaths, injuries and arrests.
//
//   build/bench/eval_wikievents [--verbose] [--min-confidence P]
//
// Each document's sentences are joined (a blank line apart) and coded as one
// article. A gold event is found at sentence level when Palmyra codes an
// event of a matching kind in the same sentence, and at trigger level when
// that event's evidence also covers the gold trigger word. Matching kinds:
// attack, death and injury -> CAMEO roots 18, 19, 20 (or 145, riots);
// arrest -> CAMEO 173.
//
// ACLED: of the gold explosions (Conflict.Attack.DetonateExplode),
// demonstrations and arrests that an event of the sentence codes, the share
// whose ACLED event type is Explosions/Remote violence, Protests or Riots,
// and Strategic developments/Arrests; and of the sentences with a gold
// disaster or disease outbreak and no gold attack, the share where Palmyra
// codes violence (an ACLED battle, explosion or violence against civilians).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "bench_util.h"

namespace palmyra {
namespace {

struct Score {
  int sentence = 0, trigger = 0, total = 0;
};

// The ACLED event types a WikiEvents type should get, or "" for none.
std::string ExpectedAcled(const std::string& type) {
  if (type.rfind("Conflict.Attack.DetonateExplode", 0) == 0) return "Explosions/Remote violence";
  if (type.rfind("Conflict.Demonstrate", 0) == 0) return "Protests|Riots";
  if (type.rfind("Justice.ArrestJailDetain", 0) == 0) return "Strategic developments";
  return "";
}

bool IsViolence(const Event& e) {
  return e.acled &&
         (e.acled->event_type == "Battles" || e.acled->event_type == "Explosions/Remote violence" ||
          e.acled->event_type == "Violence against civilians");
}

bool InSentence(const Event& e, const WikiDocument& w, size_t si) {
  return e.evidence.end > w.sentences[si].begin && e.evidence.start < w.sentences[si].end;
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  bool verbose = false;
  double min_confidence = -1;  // the decision model's threshold
  if (!ParseEvalArguments(argc, argv, &verbose, &min_confidence)) {
    std::fprintf(stderr, "usage: eval_wikievents [--verbose] [--min-confidence P]\n");
    return 2;
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (WikiEvents) is not present\n");
    return 0;
  }
  const auto docs = ReadJsonLines(shared + "/wikievents/dev.jsonl");
  const auto engine = MakeEngine(/*resolve=*/true, min_confidence);
  std::map<std::string, Score> scores;
  long events_total = 0, sentences_total = 0;
  int acled_found = 0, acled_right = 0, disaster_sentences = 0, disaster_violent = 0;
  for (const auto& d : docs) {
    const WikiDocument w = ReadWikiDocument(d);
    const auto& spans = w.sentences;
    sentences_total += static_cast<long>(spans.size());
    auto coded = engine->Code(w.doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    events_total += static_cast<long>(events.size());
    std::map<size_t, int> disaster;  // sentence -> 1 disaster, 2 also an attack
    for (const auto& m : d["event_mentions"]) {
      const std::string type = m["event_type"].get<std::string>();
      const size_t si = m["trigger"]["sent_idx"].get<size_t>();
      if (type.rfind("Disaster", 0) == 0) disaster[si] |= 1;
      if (type.rfind("Conflict.Attack", 0) == 0) disaster[si] |= 2;
      const std::string expected = ExpectedAcled(type);
      if (expected.empty()) continue;
      bool found = false, right = false;
      for (const Event& e : events) {
        if (!InSentence(e, w, si) || !e.acled) continue;
        found = true;
        const std::string& t = e.acled->event_type;
        if (expected == t || (expected == "Protests|Riots" && (t == "Protests" || t == "Riots")))
          right = true;
      }
      acled_found += found;
      acled_right += right;
    }
    for (const auto& [si, flags] : disaster) {
      if (flags != 1) continue;
      ++disaster_sentences;
      for (const Event& e : events) {
        if (InSentence(e, w, si) && IsViolence(e)) {
          ++disaster_violent;
          if (verbose) std::printf("DISASTER-VIOLENCE | %s\n", e.evidence.text.c_str());
          break;
        }
      }
    }
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
  std::printf(
      "ACLED event type right for %.1f%% of %d gold explosions, demonstrations and arrests\n"
      "  with an ACLED event in their sentence; violence coded in %d of %d sentences\n"
      "  with a disaster and no attack\n",
      acled_found ? 100.0 * acled_right / acled_found : 0.0, acled_found, disaster_violent,
      disaster_sentences);
  return 0;
}
