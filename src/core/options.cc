#include "palmyra/options.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/build_config.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

// Where `make install` puts Palmyra's data beside the binary
// (PREFIX/bin/palmyra, PREFIX/share/palmyra/NAME), when it is there; "" for
// a binary run from its build folder.
std::string Installed(const char* name) {
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (error) return "";
  const fs::path dir = exe.parent_path().parent_path() / "share" / "palmyra" / name;
  return fs::is_directory(dir, error) ? dir.string() : "";
}

// The option as given, else the environment variable, else the installed
// folder, else the one the build was configured with.
std::string Choose(const std::string& given, const char* env, const char* installed,
                   const char* fallback) {
  if (!given.empty()) return given;
  const char* value = std::getenv(env);
  if (value != nullptr && *value != '\0') return value;
  if (installed != nullptr) {
    std::string dir = Installed(installed);
    if (!dir.empty()) return dir;
  }
  return fallback;
}

}  // namespace

Options ResolveDefaults(const Options& options) {
  Options resolved = options;
  resolved.data_dir =
      Choose(options.data_dir, "PALMYRA_DATA_DIR", "data", PALMYRA_DEFAULT_DATA_DIR);
  resolved.model_dir =
      Choose(options.model_dir, "PALMYRA_MODEL_DIR", "model", PALMYRA_DEFAULT_MODEL_DIR);
  resolved.wordnet_dir =
      Choose(options.wordnet_dir, "PALMYRA_WORDNET_DIR", nullptr, PALMYRA_DEFAULT_WORDNET_DIR);
  return resolved;
}

std::string ResolveWebDir(const std::string& given) {
  return Choose(given, "PALMYRA_WEB_DIR", "web", PALMYRA_DEFAULT_WEB_DIR);
}

}  // namespace palmyra
