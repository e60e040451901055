// Helpers shared by the evaluation and benchmark programs.
#ifndef PALMYRA_BENCH_BENCH_UTIL_H_
#define PALMYRA_BENCH_BENCH_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "palmyra/engine.h"

namespace palmyra {

// ../shared beside the project (or $PALMYRA_SHARED_DIR); empty when absent.
std::string SharedDir();

// Reads a JSON Lines file; exits with a message on failure.
std::vector<nlohmann::json> ReadJsonLines(const std::string& path);

// Creates the engine with default options; exits with a message on failure.
// The engine with default options; `resolve` false skips date and quantity resolution.
std::unique_ptr<Engine> MakeEngine(bool resolve = true);

// The PLOVER event type of today's PLOVER for an old draft's type.
std::string CurrentPloverType(const std::string& type);

// Peak resident memory of this process in MB.
double PeakMemoryMb();

}  // namespace palmyra

#endif  // PALMYRA_BENCH_BENCH_UTIL_H_
