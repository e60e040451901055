// Throughput, start-up time and memory of the coder on real news
// (../shared/corpus/bbc.jsonl and guardian_syria.jsonl), on one thread and
// on all cores.
//
//   build/bench/throughput [--threads N] [--repeat R]
//
// Reports sentences, MB and events per second from raw text to events
// (reading excluded), the time to build the engine, what date, quantity and place
// resolution cost, and peak memory. Beside the one-thread run it times a
// floor program over the same corpus (its JSON Lines parsed with simdjson,
// each text split on whitespace, one hash lookup a word) and gives coding's
// time as a multiple of it: on a machine whose speed varies from minute to
// minute, the ratio is the stable figure.
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include <simdjson.h>

#include "bench_util.h"
#include "core/file.h"
#include "core/string_table.h"
#include "ingest/document_source.h"

namespace palmyra {
namespace {

struct Run {
  double seconds = 0;
  long sentences = 0, events = 0;
  double megabytes = 0;
};

Run Code(const Engine& engine, const std::vector<Document>& docs, int threads) {
  std::atomic<size_t> next{0};
  std::atomic<long> sentences{0}, events{0};
  const auto start = std::chrono::steady_clock::now();
  auto work = [&]() {
    long s = 0, e = 0;
    for (size_t i = next++; i < docs.size(); i = next++) {
      CodeStats stats;
      auto coded = engine.Code(docs[i], &stats);
      if (coded.ok()) e += static_cast<long>(coded->size());
      s += stats.sentences;
    }
    sentences += s;
    events += e;
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  Run run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.sentences = sentences;
  run.events = events;
  for (const Document& d : docs) run.megabytes += d.text.size() / 1e6;
  return run;
}

// The floor: the corpus's JSON Lines (already in memory) parsed with
// simdjson, each article's text split on whitespace and every word looked
// up in a table of the corpus's words. Returns the seconds taken.
double Floor(const std::vector<std::string>& files, int repeat, const StringTable& words,
             long* found) {
  const auto start = std::chrono::steady_clock::now();
  simdjson::dom::parser parser;
  long hits = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& file : files) {
      size_t line_start = 0;
      while (line_start < file.size()) {
        size_t line_end = file.find('\n', line_start);
        if (line_end == std::string::npos) line_end = file.size();
        std::string_view text;
        simdjson::dom::element record;
        if (!parser.parse(file.data() + line_start, line_end - line_start).get(record) &&
            !record["text"].get(text)) {
          size_t i = 0;
          while (i < text.size()) {
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
            size_t j = i;
            while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
            if (j > i) hits += words.Find(text.substr(i, j - i)) != StringTable::kNotFound;
            i = j;
          }
        }
        line_start = line_end + 1;
      }
    }
  }
  *found = hits;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

StringTable WordsOf(const std::vector<Document>& docs) {
  StringTable words;
  for (const Document& d : docs) {
    const std::string_view text = d.text;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      size_t j = i;
      while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j > i) words.Add(text.substr(i, j - i));
      i = j;
    }
  }
  return words;
}

void Print(const char* label, const Run& r) {
  std::printf(
      "  %-10s %8.0f sentences/s  %6.2f MB/s  %8.0f events/s  (%ld sentences, %ld events, %.2f "
      "s)\n",
      label, r.sentences / r.seconds, r.megabytes / r.seconds, r.events / r.seconds, r.sentences,
      r.events, r.seconds);
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int repeat = 1;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0) threads = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::atoi(argv[i + 1]);
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (the news corpora) is not present\n");
    return 0;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto engine = MakeEngine();
  const double startup =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::vector<Document> docs = ReadNewsCorpus(shared);
  std::vector<Document> all;
  for (int r = 0; r < repeat; ++r) all.insert(all.end(), docs.begin(), docs.end());
  std::printf("Throughput on %zu articles (bbc.jsonl + guardian_syria.jsonl, repeated %d times)\n",
              all.size(), repeat);
  std::printf("  start-up   %.0f ms (building the engine: dictionaries, tagger, WordNet)\n",
              startup * 1000);
  Code(*engine,
       std::vector<Document>(docs.begin(), docs.begin() + std::min<size_t>(50, docs.size())),
       1);  // warm-up
  // One thread, between two runs of the floor program.
  const StringTable words = WordsOf(docs);
  std::vector<std::string> files;
  for (const char* name : {"bbc.jsonl", "guardian_syria.jsonl"}) {
    auto contents = ReadFile(shared + "/corpus/" + name);
    if (contents.ok()) files.push_back(std::move(contents).value());
  }
  long found = 0;
  const double floor_before = Floor(files, repeat, words, &found);
  const Run one = Code(*engine, all, 1);
  const double floor_after = Floor(files, repeat, words, &found);
  const double floor = (floor_before + floor_after) / 2;
  Print("1 thread", one);
  std::printf(
      "  floor      %8.0f sentences/s  (JSON Lines parsed, split on whitespace, one lookup a "
      "word: %ld words, %.3f s)\n  1 thread takes %.1fx the floor's time\n",
      one.sentences / floor, found, floor, one.seconds / floor);
  if (threads > 1) {
    char label[32];
    std::snprintf(label, sizeof label, "%d threads", threads);
    Print(label, Code(*engine, all, threads));
  }
  std::printf("  peak memory %.0f MB\n", PeakMemoryMb());
  // What date and quantity resolution cost: the same on one thread without it.
  const auto unresolved = MakeEngine(/*resolve=*/false);
  Code(*unresolved,
       std::vector<Document>(docs.begin(), docs.begin() + std::min<size_t>(50, docs.size())), 1);
  const auto with = Code(*engine, all, 1);
  const auto without = Code(*unresolved, all, 1);
  Print("1 thread, no resolution", without);
  std::printf("  resolution (dates, quantities, places) costs %.1f%% of the time on one thread\n",
              100.0 * (with.seconds - without.seconds) / with.seconds);
  return 0;
}
