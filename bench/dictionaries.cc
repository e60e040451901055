// The Phoenix dictionaries (PETRARCH-2's production set: CAMEO.2.0 verbs,
// Phoenix actors, agents and discards from ../shared/petrarch2) in Palmyra,
// against its built-in dictionaries:
//
//   build/bench/dictionaries [--repeat R]
//
// Reports the time to build the engine with each set, and sentences per
// second and events per sentence (one thread) on the GigaWord sample
// (petrarch2/text/GigaWord.sample.PETR.xml, each <Text> an article) and on
// the corpora (corpus/bbc.jsonl and guardian_syria.jsonl).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"

namespace palmyra {
namespace {

std::vector<Document> GigaWord(const std::string& path) {
  std::vector<Document> docs;
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  if (doc == nullptr) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  for (xmlNode* s = xmlDocGetRootElement(doc)->children; s != nullptr; s = s->next) {
    if (s->type != XML_ELEMENT_NODE ||
        std::strcmp(reinterpret_cast<const char*>(s->name), "Sentence") != 0)
      continue;
    Document d;
    xmlChar* id = xmlGetProp(s, reinterpret_cast<const xmlChar*>("id"));
    xmlChar* date = xmlGetProp(s, reinterpret_cast<const xmlChar*>("date"));
    if (id != nullptr) d.id = reinterpret_cast<const char*>(id);
    if (date != nullptr && std::strlen(reinterpret_cast<const char*>(date)) == 8) {
      const std::string ymd = reinterpret_cast<const char*>(date);
      d.published = Date{std::atoi(ymd.substr(0, 4).c_str()), std::atoi(ymd.substr(4, 2).c_str()),
                         std::atoi(ymd.substr(6, 2).c_str())};
    }
    xmlFree(id);
    xmlFree(date);
    for (xmlNode* t = s->children; t != nullptr; t = t->next) {
      if (t->type != XML_ELEMENT_NODE ||
          std::strcmp(reinterpret_cast<const char*>(t->name), "Text") != 0)
        continue;
      // The text is wrapped at arbitrary points: one line, one space.
      xmlChar* text = xmlNodeGetContent(t);
      for (const char* p = reinterpret_cast<const char*>(text); *p; ++p) {
        const bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (space && (d.text.empty() || d.text.back() == ' ')) continue;
        d.text += space ? ' ' : *p;
      }
      xmlFree(text);
    }
    if (!d.text.empty()) docs.push_back(std::move(d));
  }
  xmlFreeDoc(doc);
  return docs;
}

void Measure(const char* name, const Engine& engine, const std::vector<Document>& docs,
             int repeat) {
  long sentences = 0, events = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const Document& d : docs) {
      CodeStats stats;
      auto coded = engine.Code(d, &stats);
      if (coded.ok()) events += static_cast<long>(coded->size());
      sentences += stats.sentences;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("    %-9s %6ld sentences  %6.0f sentences/s  %6ld events  %.2f events/sentence\n",
              name, sentences / repeat, sentences / seconds, events / repeat,
              static_cast<double>(events) / static_cast<double>(sentences));
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  const int repeat = RepeatOption(argc, argv);
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (petrarch2, corpus) is not present\n");
    return 0;
  }
  const std::string dir = shared + "/petrarch2/dictionaries/";
  Options phoenix;
  phoenix.builtin_dictionaries = false;
  phoenix.dictionaries = {dir + "CAMEO.2.0.txt",
                          dir + "Phoenix.Countries.actors.txt",
                          dir + "Phoenix.International.actors.txt",
                          dir + "Phoenix.MilNonState.actors.txt",
                          dir + "Phoenix.agents.txt",
                          dir + "Phoenix.discards.txt"};
  const auto gigaword = GigaWord(shared + "/petrarch2/text/GigaWord.sample.PETR.xml");
  const auto corpus = ReadNewsCorpus(shared);
  // The compiled actor files go to a fresh cache folder, so that the first
  // build with the cache compiles them and the second reads them.
  const std::filesystem::path cache =
      std::filesystem::temp_directory_path() / ("palmyra_bench_cache_" + std::to_string(getpid()));
  ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  auto build = [](const Options& options, double* ms) {
    const auto start = std::chrono::steady_clock::now();
    auto engine = Engine::Create(options);
    *ms = 1000 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!engine.ok()) {
      std::fprintf(stderr, "cannot create the engine: %s\n", engine.status().ToString().c_str());
      std::exit(1);
    }
    return std::move(engine).value();
  };
  for (const bool builtin : {false, true}) {
    double load = 0;
    std::unique_ptr<Engine> engine;
    if (builtin) {
      engine = build(Options(), &load);
      std::printf("Palmyra's built-in dictionaries: engine built in %.0f ms\n", load);
    } else {
      Options files = phoenix;
      files.dictionary_cache = false;
      double compiling = 0, cached = 0;
      build(files, &load);
      build(phoenix, &compiling);
      engine = build(phoenix, &cached);
      std::printf(
          "Phoenix dictionaries (CAMEO.2.0): engine built in %.0f ms from the files, %.0f ms "
          "compiling the actor files into the cache, %.0f ms from the cache (%zu load "
          "warnings)\n",
          load, compiling, cached, engine->load_warnings().size());
    }
    Measure("GigaWord", *engine, gigaword, repeat * 20);
    Measure("corpora", *engine, corpus, repeat);
  }
  std::filesystem::remove_all(cache);
  return 0;
}
