// EventStage: the events stage's entry point. Loads the pattern dictionaries
// of data/events and the CAMEO table, and finds each sentence's events with
// the conventions it was loaded with. Immutable after Load(); Run() is
// thread-safe.
#ifndef PALMYRA_EVENTS_EVENT_STAGE_H_
#define PALMYRA_EVENTS_EVENT_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/string_table.h"
#include "entities/actor_codes.h"
#include "events/cameo_table.h"
#include "events/conventions.h"
#include "events/event_extractor.h"
#include "events/event_rules.h"
#include "events/modality_codes.h"
#include "events/pattern_dictionary.h"
#include "events/verb_neighbours.h"
#include "syntax/syntax_lexicon.h"
#include "text/name_tokenizer.h"

namespace palmyra {

class EventStage {
 public:
  // Loads data/events/synsets.txt, then every other .txt file under
  // data/events in name order. Words go into `vocabulary`.
  static Result<std::unique_ptr<EventStage>> Load(const std::string& data_dir,
                                                  const NameTokenizer& names,
                                                  const SyntaxLexicon* lexicon,
                                                  const ActorCodes* codes, StringTable* vocabulary);
  // The same with the user's verb dictionaries: after the built-in ones, or
  // with only the built-in synonym sets when `builtin` is false; and with
  // `conventions` (with any_preposition_target, the sets of
  // data/petrarch/synsets.txt are read too). With wordnet_neighbours, the
  // WordNet files under `wordnet_dir` give the verbs no pattern lists their
  // nearest listed neighbour (VerbNeighbours). Malformed entries and codes
  // CAMEO lacks are reported in *warnings; such patterns code events that
  // the output leaves out (validation compares them).
  static Result<std::unique_ptr<EventStage>> Load(
      const std::string& data_dir, const NameTokenizer& names, const SyntaxLexicon* lexicon,
      const ActorCodes* codes, StringTable* vocabulary, const std::vector<std::string>& user_files,
      bool builtin, std::vector<Diagnostic>* warnings, const Conventions& conventions,
      const std::string& wordnet_dir);

  void Run(Analysis* analysis) const { extractor_->Extract(analysis); }

  const CameoTable& cameo() const { return *cameo_; }
  const PatternDictionary& dictionary() const { return dictionary_; }
  // Paths of the dictionary files loaded, relative to data_dir.
  const std::vector<std::string>& files() const { return files_; }

 private:
  EventStage() = default;
  // Fails on an error in a built-in dictionary or a code CAMEO lacks there;
  // adds the user's files' problems to *warnings.
  Status CheckDictionaries(const std::vector<Diagnostic>& diagnostics,
                           std::vector<Diagnostic>* warnings) const;
  std::unique_ptr<CameoTable> cameo_;
  std::unique_ptr<ModalityCodes> modality_codes_;
  PatternDictionary dictionary_;
  std::unique_ptr<VerbNeighbours> neighbours_;
  std::unique_ptr<EventRules> rules_;
  std::unique_ptr<EventExtractor> extractor_;
  std::vector<std::string> files_;
};

}  // namespace palmyra

#endif  // PALMYRA_EVENTS_EVENT_STAGE_H_
