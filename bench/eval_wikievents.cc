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

std::string Kind(const std::string& event_type) {
  if (event_type.rfind("Conflict.Attack", 0) == 0) return "attack";
  if (event_type.rfind("Life.Die", 0) == 0) return "death";
  if (event_type.rfind("Life.Injure", 0) == 0) return "injury";
  if (event_type.rfind("Justice.ArrestJailDetain", 0) == 0) return "arrest";
  return "";
}

bool Matches(const std::string& kind, const Event& e) {
  const std::string& root = e.cameo.root;
  if (kind == "arrest") return e.cameo.code == "173";
  return root == "18" || root == "19" || root == "20" || e.cameo.code.rfind("145", 0) == 0;
}

// Byte length of the first `chars` code points of a UTF-8 string.
size_t Utf8Bytes(const std::string& s, size_t chars) {
  size_t i = 0;
  while (i < s.size() && chars > 0) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    --chars;
  }
  return std::min(i, s.size());
}

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
    Document doc;
    doc.id = d.value("doc_id", "");
    doc.published = Date{2018, 6, 1};
    struct Span {
      size_t begin, end, first_token;
    };
    std::vector<Span> spans;
    size_t token_index = 0;
    for (const auto& s : d["sentences"]) {
      const std::string text = s[1].get<std::string>();
      if (!doc.text.empty()) doc.text += "\n\n";
      spans.push_back({doc.text.size(), doc.text.size() + text.size(), token_index});
      doc.text += text;
      token_index += s[0].size();
    }
    sentences_total += static_cast<long>(spans.size());
    auto coded = engine->Code(doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    events_total += static_cast<long>(events.size());
    for (const auto& m : d["event_mentions"]) {
      const std::string kind = Kind(m["event_type"].get<std::string>());
      if (kind.empty()) continue;
      const auto& trigger = m["trigger"];
      const size_t si = trigger["sent_idx"].get<size_t>();
      const auto& sentence = d["sentences"][si];
      const std::string text = sentence[1].get<std::string>();
      const size_t base = sentence[0][0][1].get<size_t>();
      const size_t local = trigger["start"].get<size_t>() - spans[si].first_token;
      const auto& token = sentence[0][local];
      const size_t t_begin = spans[si].begin + Utf8Bytes(text, token[1].get<size_t>() - base);
      const size_t t_end = spans[si].begin + Utf8Bytes(text, token[2].get<size_t>() - base);
      bool in_sentence = false, on_trigger = false;
      for (const Event& e : events) {
        if (!Matches(kind, e) || e.evidence.end <= spans[si].begin ||
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
