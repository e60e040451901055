#include "cli/dict_command.h"

#include <cstdio>

#include "events/dictionary_check.h"
#include "palmyra/options.h"

namespace palmyra {

int RunDictCheckCommand(const DictCommandOptions& options) {
  Options engine;
  engine.data_dir = options.data_dir;
  const Options resolved = ResolveDefaults(engine);
  auto cameo = CameoTable::Load(resolved.data_dir);
  auto codes = ActorCodes::Load(resolved.data_dir);
  if (!cameo.ok() || !codes.ok()) {
    std::fprintf(stderr, "palmyra dict check: %s\n",
                 (!cameo.ok() ? cameo.status() : codes.status()).ToString().c_str());
    return 2;
  }
  auto files = ListDictionaryFiles(options.inputs);
  if (!files.ok()) {
    std::fprintf(stderr, "palmyra dict check: %s\n", files.status().ToString().c_str());
    return 2;
  }
  const DictionaryCheck check = CheckDictionaries(*files, **cameo, **codes);
  for (const Diagnostic& d : check.diagnostics) {
    if (d.error || !options.errors_only) std::printf("%s\n", d.ToString().c_str());
  }
  for (const DictionaryCheck::FileReport& f : check.files) {
    std::printf("%s: %s, %d entries\n", f.path.c_str(),
                std::string(DictionaryKindName(f.kind)).c_str(), f.entries);
  }
  std::printf("%zu file(s): %d error(s), %d warning(s)\n", check.files.size(), check.errors,
              check.warnings);
  return check.errors > 0 ? 1 : 0;
}

}  // namespace palmyra
