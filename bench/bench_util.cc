#include "bench_util.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace palmyra {

std::string SharedDir() {
  const char* env = std::getenv("PALMYRA_SHARED_DIR");
  const std::string dir = env != nullptr && *env != '\0' ? env : PALMYRA_SHARED_DIR;
  std::error_code error;
  return std::filesystem::is_directory(dir, error) ? dir : "";
}

std::vector<nlohmann::json> ReadJsonLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<nlohmann::json> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::unique_ptr<Engine> MakeEngine(bool resolve) {
  Options options;
  options.resolve = resolve;
  auto engine = Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "cannot create the engine: %s\n", engine.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(engine).value();
}

std::string CurrentPloverType(const std::string& type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return type;
}

double PeakMemoryMb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace palmyra
