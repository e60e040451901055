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

namespace {

// The dictionary files under data_dir/events, relative to data_dir: synonym
// sets first, then the rest in name order; only the sets without `builtin`.
Result<std::vector<std::string>> DictionaryFiles(const std::string& data_dir, bool builtin,
                                                 const Conventions& conventions) {
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
  auto is_synsets = [](const std::string& f) { return f.find("synsets") != std::string::npos; };
  std::sort(files.begin(), files.end(), [&](const std::string& x, const std::string& y) {
    return is_synsets(x) != is_synsets(y) ? is_synsets(x) : x < y;
  });
  if (conventions.any_preposition_target) files.push_back("petrarch/synsets.txt");
  // Without the built-in patterns, the engine still needs its own sets.
  if (!builtin) {
    files.erase(std::remove_if(files.begin(), files.end(),
                               [&](const std::string& f) { return !is_synsets(f); }),
                files.end());
  }
  return files;
}

}  // namespace

Status EventStage::CheckDictionaries(const std::vector<Diagnostic>& diagnostics,
                                     std::vector<Diagnostic>* warnings) const {
  // The built-in files must be right; the user's are used as far as they
  // can be read.
  auto builtin_file = [&](const std::string& where) {
    return std::any_of(files_.begin(), files_.end(), [&](const std::string& f) {
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
    if (code.empty() || cameo_->Find(code) != nullptr) return Status::Ok();
    const std::string message = "'" + code + "' is not a CAMEO code";
    if (builtin_file(rule)) return DataError(rule + ": " + message);
    const size_t colon = rule.rfind(':');
    warnings->push_back(
        {rule.substr(0, colon), std::atoi(rule.c_str() + colon + 1), message, false});
    return Status::Ok();
  };
  for (int32_t b = 0; b < dictionary_.num_patterns(); ++b) {
    const Pattern& p = dictionary_.pattern(b);
    RETURN_IF_ERROR(unknown_code(p.rule, p.code));
  }
  for (int32_t t = 0; t < dictionary_.num_triggers(); ++t) {
    const Trigger& trigger = dictionary_.trigger(t);
    RETURN_IF_ERROR(unknown_code(
        trigger.rule, trigger.has_code ? trigger.code : dictionary_.block(trigger.block).code));
  }
  return Status::Ok();
}

Result<std::unique_ptr<EventStage>> EventStage::Load(
    const std::string& data_dir, const NameTokenizer& names, const SyntaxLexicon* lexicon,
    const ActorCodes* codes, StringTable* vocabulary, const std::vector<std::string>& user_files,
    bool builtin, std::vector<Diagnostic>* warnings, const Conventions& conventions,
    const std::string& wordnet_dir) {
  std::unique_ptr<EventStage> stage(new EventStage());
  ASSIGN_OR_RETURN(stage->cameo_, CameoTable::Load(data_dir));
  ASSIGN_OR_RETURN(stage->modality_codes_, ModalityCodes::Load(data_dir));
  ASSIGN_OR_RETURN(stage->files_, DictionaryFiles(data_dir, builtin, conventions));
  std::vector<Diagnostic> diagnostics;
  auto add = [&](const std::string& path, const std::string& name) -> Status {
    ASSIGN_OR_RETURN(PatternFile parsed, ReadPatternDictionary(path));
    if (!name.empty()) {
      parsed.file = name;
      for (Diagnostic& d : parsed.diagnostics) d.file = name;
    }
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    stage->dictionary_.Add(parsed, names, vocabulary, &diagnostics);
    return Status::Ok();
  };
  for (const std::string& file : stage->files_) RETURN_IF_ERROR(add(data_dir + "/" + file, file));
  for (const std::string& file : user_files) RETURN_IF_ERROR(add(file, ""));
  stage->dictionary_.Freeze(&diagnostics);
  RETURN_IF_ERROR(stage->CheckDictionaries(diagnostics, warnings));
  if (conventions.wordnet_neighbours && !wordnet_dir.empty()) {
    auto excluded = [&](std::string_view verb) {
      for (WordRole r :
           {WordRole::kGeneralVerb, WordRole::kSpeech, WordRole::kCopula, WordRole::kPassiveAux,
            WordRole::kFuture, WordRole::kHypothetical, WordRole::kObligation}) {
        if (lexicon->Is(verb, r)) return true;
      }
      return false;
    };
    ASSIGN_OR_RETURN(stage->neighbours_,
                     VerbNeighbours::Build(wordnet_dir, stage->dictionary_, *vocabulary, excluded));
  }
  stage->rules_ = std::make_unique<EventRules>(&stage->dictionary_, lexicon, codes,
                                               stage->modality_codes_.get(), stage->cameo_.get(),
                                               conventions, stage->neighbours_.get());
  stage->extractor_ = std::make_unique<EventExtractor>(stage->rules_.get());
  return stage;
}

}  // namespace palmyra
