// Engine: Palmyra's coder. Built once from Options (which loads and compiles
// every dictionary, table and model), then immutable: Code() may be called
// from any number of threads at once on one shared Engine without locking.
//
//   ASSIGN_OR_RETURN(auto engine, palmyra::Engine::Create(options));
//   ASSIGN_OR_RETURN(auto events, engine->Code(document));
#ifndef PALMYRA_ENGINE_H_
#define PALMYRA_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "palmyra/code_stats.h"
#include "palmyra/document.h"
#include "palmyra/event.h"
#include "palmyra/options.h"
#include "palmyra/status.h"

namespace palmyra {

class Pipeline;

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const Options& options);
  ~Engine();

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Codes one document into events, in the order their evidence appears.
  // The same document always gives the same events. Fails only for documents
  // that cannot be analysed at all (for example an empty text).
  Result<std::vector<Event>> Code(const Document& document, CodeStats* stats = nullptr) const;

  // What loading the user's dictionaries (Options::dictionaries) reported:
  // malformed entries skipped and codes CAMEO does not know, each with its
  // file and line ("file:line: warning: ...").
  const std::vector<std::string>& load_warnings() const;

 private:
  explicit Engine(std::unique_ptr<Pipeline> pipeline);
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace palmyra

#endif  // PALMYRA_ENGINE_H_
