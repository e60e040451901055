// Shared by the fuzz targets that need Palmyra's data: the stages loaded once,
// from the data and model folders the build was configured with.
#ifndef PALMYRA_FUZZ_FUZZ_DATA_H_
#define PALMYRA_FUZZ_FUZZ_DATA_H_

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "palmyra/options.h"
#include "palmyra/status.h"
#include "text/text_stage.h"

namespace palmyra {

// The value of a Result that must load, or the end of the run with why.
template <typename T>
T MustLoad(Result<T> loaded, const char* what) {
  if (!loaded.ok()) {
    std::fprintf(stderr, "fuzz: cannot load %s: %s\n", what, loaded.status().ToString().c_str());
    std::exit(2);
  }
  return std::move(*loaded);
}

inline Options FuzzOptions() { return ResolveDefaults(Options()); }

// The text stage (its name tokenizer splits dictionary names), loaded once.
inline const TextStage& FuzzTextStage() {
  static const auto stage = MustLoad(TextStage::Load(FuzzOptions().data_dir), "text stage");
  return *stage;
}

}  // namespace palmyra

#endif  // PALMYRA_FUZZ_FUZZ_DATA_H_
