#include "bench_util.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "ingest/document_source.h"

namespace palmyra {

bool ParseEvalArguments(int argc, char** argv, bool* verbose, double* min_confidence,
                        bool* articles) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0) {
      *verbose = true;
    } else if (articles != nullptr && std::strcmp(argv[i], "--articles") == 0) {
      *articles = true;
    } else if (std::strcmp(argv[i], "--min-confidence") == 0 && i + 1 < argc) {
      *min_confidence = std::atof(argv[++i]);
    } else {
      return false;
    }
  }
  return true;
}

int RepeatOption(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--repeat") == 0) return std::max(1, std::atoi(argv[2]));
  return 1;
}

std::string SharedDir() {
  const char* env = std::getenv("PALMYRA_SHARED_DIR");
  const std::string dir = env != nullptr && *env != '\0' ? env : PALMYRA_SHARED_DIR;
  std::error_code error;
  return std::filesystem::is_directory(dir, error) ? dir : "";
}

std::vector<nlohmann::json> ReadJsonLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<nlohmann::json> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::vector<Document> ReadNewsCorpus(const std::string& shared) {
  std::vector<Document> docs;
  for (const char* name : {"bbc.jsonl", "guardian_syria.jsonl"}) {
    DocumentSource source({shared + "/corpus/" + name}, IngestOptions{Date{2017, 1, 1}});
    std::vector<IngestProblem> problems;
    Document doc;
    while (source.Next(&doc, &problems)) docs.push_back(std::move(doc));
  }
  return docs;
}

std::unique_ptr<Engine> MakeEngine(bool resolve, double min_confidence) {
  Options options;
  options.resolve = resolve;
  options.min_confidence = min_confidence;
  auto engine = Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "cannot create the engine: %s\n", engine.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(engine).value();
}

namespace {

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

}  // namespace

WikiDocument ReadWikiDocument(const nlohmann::json& d) {
  WikiDocument w;
  w.doc.id = d.value("doc_id", "");
  w.doc.published = Date{2018, 6, 1};
  size_t token_index = 0;
  for (const auto& s : d["sentences"]) {
    const std::string text = s[1].get<std::string>();
    if (!w.doc.text.empty()) w.doc.text += "\n\n";
    w.sentences.push_back({w.doc.text.size(), w.doc.text.size() + text.size(), token_index});
    w.doc.text += text;
    token_index += s[0].size();
  }
  return w;
}

std::pair<size_t, size_t> WikiDocument::Bytes(const nlohmann::json& d, size_t si, size_t start,
                                              size_t end) const {
  const auto& sentence = d["sentences"][si];
  const std::string text = sentence[1].get<std::string>();
  const size_t base = sentence[0][0][1].get<size_t>();
  const auto& first = sentence[0][start - sentences[si].first_token];
  const auto& last = sentence[0][end - 1 - sentences[si].first_token];
  return {sentences[si].begin + Utf8Bytes(text, first[1].get<size_t>() - base),
          sentences[si].begin + Utf8Bytes(text, last[2].get<size_t>() - base)};
}

std::string WikiKind(const std::string& event_type) {
  if (event_type.rfind("Conflict.Attack", 0) == 0) return "attack";
  if (event_type.rfind("Life.Die", 0) == 0) return "death";
  if (event_type.rfind("Life.Injure", 0) == 0) return "injury";
  if (event_type.rfind("Justice.ArrestJailDetain", 0) == 0) return "arrest";
  return "";
}

bool WikiKindMatches(const std::string& kind, const Event& e) {
  const std::string& root = e.cameo.root;
  if (kind == "arrest") return e.cameo.code == "173";
  return root == "18" || root == "19" || root == "20" || e.cameo.code.rfind("145", 0) == 0;
}

double PeakMemoryMb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace palmyra
