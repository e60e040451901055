// `palmyra analyze`: shows how Palmyra reads a text, stage by stage
// (sentences, tokens with tags and lemmas, phrases, clauses, actors and
// events), to explain a coding or to debug a dictionary.
#ifndef PALMYRA_CLI_ANALYZE_COMMAND_H_
#define PALMYRA_CLI_ANALYZE_COMMAND_H_

#include <string>

#include "palmyra/options.h"

namespace palmyra {

struct AnalyzeCommandOptions {
  Options engine;
  std::string text;   // the text itself, or
  std::string input;  // a file ("-" for standard input)
  std::string date;
};

int RunAnalyzeCommand(const AnalyzeCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_ANALYZE_COMMAND_H_
