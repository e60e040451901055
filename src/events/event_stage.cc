#include "events/event_stage.h"

#include <algorithm>
#include <filesystem>

#include "core/strings.h"

namespace palmyra {

Result<std::unique_ptr<EventStage>> EventStage::Load(const std::string& data_dir,
                                                     const NameTokenizer& names,
                                                     const SyntaxLexicon* lexicon,
                                                     const ActorCodes* codes,
                                                     StringTable* vocabulary) {
  std::vector<Diagnostic> warnings;
  return Load(data_dir, names, lexicon, codes, vocabulary, {}, true, &warnings, Conventions(), "");
}

Result<std::unique_ptr<EventStage>> EventStage::Load(
    const std::string& data_dir, const NameTokenizer& names, const SyntaxLexicon* lexicon,
    const ActorCodes* codes, StringTable* vocabulary, const std::vector<std::string>& user_files,
    bool builtin, std::vector<Diagnostic>* warnings, const Conventions& conventions,
    const std::string& wordnet_dir) {
  std::unique_ptr<EventStage> stage(new EventStage());
  ASSIGN_OR_RETURN(stage->cameo_, CameoTable::Load(data_dir));
  ASSIGN_OR_RETURN(stage->modality_codes_, ModalityCodes::Load(data_dir));
  const std::filesystem::path root = std::filesystem::path(data_dir) / "events";
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(root, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") {
      files.push_back(std::filesystem::relative(it->path(), data_dir).string());
    }
  }
  if (error)
    return IoError(root.string() + ": cannot list the pattern dictionaries: " + error.message());
  if (files.empty()) return NotFoundError(root.string() + ": no pattern dictionaries");
  // Synonym sets first, then the rest in name order.
  std::sort(files.begin(), files.end(), [](const std::string& x, const std::string& y) {
    const bool xs = x.find("synsets") != std::string::npos,
               ys = y.find("synsets") != std::string::npos;
    return xs != ys ? xs : x < y;
  });
  if (conventions.any_preposition_target) files.push_back("petrarch/synsets.txt");
  // Without the built-in patterns, the engine still needs its own sets.
  if (!builtin) {
    files.erase(
        std::remove_if(files.begin(), files.end(),
                       [](const std::string& f) { return f.find("synsets") == std::string::npos; }),
        files.end());
  }
  std::vector<Diagnostic> diagnostics;
  for (const std::string& file : files) {
    ASSIGN_OR_RETURN(PatternFile parsed, ReadPatternDictionary(data_dir + "/" + file));
    parsed.file = file;
    for (Diagnostic& d : parsed.diagnostics) d.file = file;
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    stage->dictionary_.Add(parsed, names, vocabulary, &diagnostics);
  }
  for (const std::string& file : user_files) {
    ASSIGN_OR_RETURN(PatternFile parsed, ReadPatternDictionary(file));
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    stage->dictionary_.Add(parsed, names, vocabulary, &diagnostics);
  }
  stage->dictionary_.Freeze(&diagnostics);
  // The built-in files must be right; the user's are used as far as they
  // can be read.
  auto builtin_file = [&](const std::string& where) {
    return std::any_of(files.begin(), files.end(), [&](const std::string& f) {
      return where == f || StartsWith(where, f + ":");
    });
  };
  for (const Diagnostic& d : diagnostics) {
    if (d.error && builtin_file(d.file)) return DataError(d.ToString());
    if (!builtin_file(d.file)) warnings->push_back(d);
  }
  // Every code the built-in patterns give must be a CAMEO code; the user's
  // may give others, which are reported.
  auto unknown_code = [&](const std::string& rule, const std::string& code) -> Status {
    if (code.empty() || stage->cameo_->Find(code) != nullptr) return Status::Ok();
    const std::string message = "'" + code + "' is not a CAMEO code";
    if (builtin_file(rule)) return DataError(rule + ": " + message);
    const size_t colon = rule.rfind(':');
    warnings->push_back(
        {rule.substr(0, colon), std::atoi(rule.c_str() + colon + 1), message, false});
    return Status::Ok();
  };
  for (int32_t b = 0; b < static_cast<int32_t>(stage->dictionary_.num_patterns()); ++b) {
    const Pattern& p = stage->dictionary_.pattern(b);
    RETURN_IF_ERROR(unknown_code(p.rule, p.code));
  }
  for (int32_t t = 0; t < stage->dictionary_.num_triggers(); ++t) {
    const Trigger& trigger = stage->dictionary_.trigger(t);
    const std::string& code =
        trigger.has_code ? trigger.code : stage->dictionary_.block(trigger.block).code;
    RETURN_IF_ERROR(unknown_code(trigger.rule, code));
  }
  stage->files_ = std::move(files);
  if (conventions.wordnet_neighbours && !wordnet_dir.empty()) {
    auto excluded = [&](std::string_view verb) {
      for (WordRole r : {WordRole::kGeneralVerb, WordRole::kSpeech, WordRole::kCopula,
                         WordRole::kPassiveAux, WordRole::kFuture, WordRole::kHypothetical,
                         WordRole::kObligation}) {
        if (lexicon->Is(verb, r)) return true;
      }
      return false;
    };
    ASSIGN_OR_RETURN(stage->neighbours_, VerbNeighbours::Build(wordnet_dir, stage->dictionary_,
                                                                *vocabulary, excluded));
  }
  stage->rules_ = std::make_unique<EventRules>(&stage->dictionary_, lexicon, codes,
                                               stage->modality_codes_.get(), stage->cameo_.get(),
                                               conventions, stage->neighbours_.get());
  stage->extractor_ = std::make_unique<EventExtractor>(stage->rules_.get());
  return stage;
}

}  // namespace palmyra
