// Helpers shared by the evaluation and benchmark programs.
#ifndef PALMYRA_BENCH_BENCH_UTIL_H_
#define PALMYRA_BENCH_BENCH_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "palmyra/engine.h"

namespace palmyra {

// The R of a program's only option, "--repeat R" (1 without it).
int RepeatOption(int argc, char** argv);

// The options of the evaluation programs: "--verbose", "--min-confidence P"
// (left as it is when absent) and, where `articles` is given, "--articles".
// False on anything else.
bool ParseEvalArguments(int argc, char** argv, bool* verbose, double* min_confidence,
                        bool* articles = nullptr);

// ../shared beside the project (or $PALMYRA_SHARED_DIR); empty when absent.
std::string SharedDir();

// Reads a JSON Lines file; exits with a message on failure.
std::vector<nlohmann::json> ReadJsonLines(const std::string& path);

// The articles of corpus/bbc.jsonl and corpus/guardian_syria.jsonl under
// `shared`, through the engine's reader (undated ones dated 1 January 2017).
std::vector<Document> ReadNewsCorpus(const std::string& shared);

// The engine with default options, or exits with a message on failure;
// `resolve` false skips the resolve stage (dates, quantities, places);
// `min_confidence` as Options::min_confidence (below 0: the model's threshold).
std::unique_ptr<Engine> MakeEngine(bool resolve = true, double min_confidence = -1);

// A WikiEvents document (wikievents/dev.jsonl) as one article: its sentences
// a blank line apart, dated 1 June 2018.
struct WikiDocument {
  struct Sentence {
    size_t begin = 0, end = 0;  // bytes in doc.text
    size_t first_token = 0;     // document index of its first token
  };
  Document doc;
  std::vector<Sentence> sentences;
  // Bytes in doc.text of document tokens [start, end) of sentence `si`.
  std::pair<size_t, size_t> Bytes(const nlohmann::json& d, size_t si, size_t start,
                                  size_t end) const;
};
WikiDocument ReadWikiDocument(const nlohmann::json& d);

// The kind of a WikiEvents event type that Palmyra codes: "attack", "death",
// "injury", "arrest", or "" for the others.
std::string WikiKind(const std::string& event_type);
// Whether a Palmyra event is of that kind: CAMEO 18-20 (or 145, riots) for
// attacks, deaths and injuries, 173 for arrests.
bool WikiKindMatches(const std::string& kind, const Event& e);

// Peak resident memory of this process in MB.
double PeakMemoryMb();

}  // namespace palmyra

#endif  // PALMYRA_BENCH_BENCH_UTIL_H_
