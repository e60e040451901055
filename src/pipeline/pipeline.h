// Pipeline: all of Palmyra's stages, built once from Options, run in order
// on one document:
//
//   text -> lexical -> syntax -> entities -> events -> resolve -> decide
//
// then turned into output Events. Immutable after Create(); thread-safe.
#ifndef PALMYRA_PIPELINE_PIPELINE_H_
#define PALMYRA_PIPELINE_PIPELINE_H_

#include <memory>
#include <optional>
#include <vector>

#include "acled/acled_coder.h"
#include "core/analysis.h"
#include "core/string_table.h"
#include "decide/decide_stage.h"
#include "entities/entity_stage.h"
#include "events/discard_list.h"
#include "events/event_stage.h"
#include "lexical/lexical_stage.h"
#include "palmyra/document.h"
#include "palmyra/event.h"
#include "palmyra/options.h"
#include "resolve/resolve_stage.h"
#include "syntax/syntax_stage.h"
#include "text/text_stage.h"

namespace palmyra {

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const Options& options);

  // Runs every stage on `document`; `analysis` is cleared first and refers to
  // `document` afterwards.
  void Analyze(const Document& document, Analysis* analysis) const;

  // Where a place the resolve stage found lies; nullopt when resolution is off.
  std::optional<Location> PlaceLocation(const Analysis& analysis, const PlaceMention& m) const {
    if (resolve_ == nullptr) return std::nullopt;
    return resolve_->places().LocationOf(analysis, m);
  }
  // The events of an analysis, in the output contract's form. For a section
  // of a long document, sentence indexes and byte offsets are shifted by
  // those of the section's start.
  std::vector<Event> Events(const Analysis& analysis, int sentence_offset = 0,
                            uint32_t byte_offset = 0) const;
  // The output event of one candidate; nullopt for a code CAMEO lacks.
  std::optional<Event> MakeEvent(const Analysis& analysis, const EventCandidate& candidate,
                                 int sentence_offset = 0, uint32_t byte_offset = 0) const;

  const TextStage& text() const { return *text_; }
  const EntityStage& entities() const { return *entities_; }
  const EventStage& events() const { return *events_; }
  // The decide stage; nullptr when Options::decide is off.
  const DecideStage* decide() const { return decide_.get(); }
  // What loading the user's dictionaries reported, one line each.
  const std::vector<std::string>& load_warnings() const { return load_warnings_; }

 private:
  Pipeline() = default;
  ActorRef MakeActor(const Analysis& a, int32_t actor, const std::string& code,
                     uint32_t byte_offset) const;

  StringTable vocabulary_;  // words of every dictionary, shared by the stages
  std::unique_ptr<TextStage> text_;
  std::unique_ptr<LexicalStage> lexical_;
  std::unique_ptr<SyntaxStage> syntax_;
  std::unique_ptr<EntityStage> entities_;
  std::unique_ptr<EventStage> events_;
  std::unique_ptr<ResolveStage> resolve_;
  std::unique_ptr<DecideStage> decide_;
  std::unique_ptr<AcledCoder> acled_;
  DiscardList discards_;
  std::vector<std::string> load_warnings_;
};

}  // namespace palmyra

#endif  // PALMYRA_PIPELINE_PIPELINE_H_
