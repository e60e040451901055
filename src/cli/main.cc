// palmyra: the command line. Each subcommand lives in a file of its own.
#include <CLI/CLI.hpp>

#include "cli/analyze_command.h"
#include "cli/code_command.h"
#include "core/build_config.h"

int main(int argc, char** argv) {
  CLI::App app{"Palmyra turns news articles into coded event data (CAMEO, PLOVER, ACLED)."};
  app.set_version_flag("--version", PALMYRA_VERSION);
  app.require_subcommand(1);

  palmyra::CodeCommandOptions code;
  CLI::App* code_cmd = app.add_subcommand(
      "code", "Code articles into events: one JSON object per event on standard output.");
  code_cmd
      ->add_option("inputs", code.inputs,
                   "Articles: .txt files (first line = headline), .jsonl files (id, text, "
                   "title, url, source, date), directories, or - for standard input")
      ->required();
  code_cmd->add_option("--date", code.date,
                       "Publication date (YYYY-MM-DD) of articles without one");
  code_cmd->add_option("--threads", code.threads, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  code_cmd->add_option("--format", code.format, "Output format: jsonl (default) or text");
  code_cmd->add_option("-o,--output", code.output,
                       "Write events to this file instead of standard output");
  code_cmd->add_flag("-q,--quiet", code.quiet, "Do not print the summary line");
  code_cmd->add_option("--data-dir", code.engine.data_dir,
                       "Folder of Palmyra's dictionaries and tables");
  code_cmd->add_option("--model-dir", code.engine.model_dir, "Folder of the part-of-speech model");
  code_cmd->add_option("--wordnet-dir", code.engine.wordnet_dir,
                       "Folder of WordNet's dictionary files");

  palmyra::AnalyzeCommandOptions analyze;
  CLI::App* analyze_cmd = app.add_subcommand(
      "analyze", "Show how a text is read: sentences, phrases, clauses, actors and events.");
  auto* text_option = analyze_cmd->add_option("--text", analyze.text, "The text to analyse");
  analyze_cmd->add_option("input", analyze.input, "A text file, or - for standard input")
      ->excludes(text_option);
  analyze_cmd->add_option("--date", analyze.date, "Publication date (YYYY-MM-DD)");
  analyze_cmd->add_option("--data-dir", analyze.engine.data_dir,
                          "Folder of Palmyra's dictionaries and tables");

  CLI11_PARSE(app, argc, argv);
  if (code_cmd->parsed()) return palmyra::RunCodeCommand(code);
  if (analyze_cmd->parsed()) {
    if (analyze.text.empty() && analyze.input.empty()) {
      std::fprintf(stderr, "palmyra analyze: give --text or a file\n");
      return 2;
    }
    return palmyra::RunAnalyzeCommand(analyze);
  }
  return 2;
}
