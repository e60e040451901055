#include "palmyra/engine.h"

#include "pipeline/pipeline.h"

namespace palmyra {

Engine::Engine(std::unique_ptr<Pipeline> pipeline) : pipeline_(std::move(pipeline)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  ASSIGN_OR_RETURN(auto pipeline, Pipeline::Create(options));
  return std::unique_ptr<Engine>(new Engine(std::move(pipeline)));
}

Result<std::vector<Event>> Engine::Code(const Document& document, CodeStats* stats) const {
  if (document.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return InvalidArgumentError("document '" + document.id + "' has no text");
  }
  // Each thread keeps one analysis and reuses its buffers.
  thread_local Analysis analysis;
  pipeline_->Analyze(document, &analysis);
  std::vector<Event> events = pipeline_->Events(analysis);
  if (stats != nullptr) {
    stats->sentences = static_cast<int>(analysis.sentences.size());
    stats->tokens = static_cast<int>(analysis.tokens.size());
    stats->warnings = analysis.warnings;
  }
  analysis.doc = nullptr;
  return events;
}

}  // namespace palmyra
