#include "palmyra/options.h"

#include <cstdlib>

#include "core/build_config.h"

namespace palmyra {
namespace {

std::string Choose(const std::string& given, const char* env, const char* fallback) {
  if (!given.empty()) return given;
  const char* value = std::getenv(env);
  if (value != nullptr && *value != '\0') return value;
  return fallback;
}

}  // namespace

Options ResolveDefaults(const Options& options) {
  Options resolved = options;
  resolved.data_dir = Choose(options.data_dir, "PALMYRA_DATA_DIR", PALMYRA_DEFAULT_DATA_DIR);
  resolved.model_dir = Choose(options.model_dir, "PALMYRA_MODEL_DIR", PALMYRA_DEFAULT_MODEL_DIR);
  resolved.wordnet_dir =
      Choose(options.wordnet_dir, "PALMYRA_WORDNET_DIR", PALMYRA_DEFAULT_WORDNET_DIR);
  return resolved;
}

}  // namespace palmyra
