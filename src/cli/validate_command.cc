#include "cli/validate_command.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/file.h"
#include "core/strings.h"
#include "ingest/validation_records.h"
#include "pipeline/pipeline.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

std::string Describe(const std::set<Coding>& codings) {
  if (codings.empty()) return "(none)";
  std::string out;
  for (const auto& [s, t, c] : codings) {
    if (!out.empty()) out += ", ";
    out += s + " " + t + " " + c;
  }
  return out;
}

// The codings the engine gives record r, as PETRARCH writes them.
std::set<Coding> Produce(const Pipeline& coder, const ValidationRecord& r, Analysis* analysis) {
  std::set<Coding> produced;
  if (r.text.empty()) return produced;
  Document d;
  d.id = r.id;
  d.text = WithoutCommaClauses(r.text, r.commas);
  d.published = r.date;
  Analysis& a = *analysis;
  coder.Analyze(d, &a);
  const ActorCodes& codes = coder.entities().codes();
  for (const EventCandidate& c : a.events) {
    // PETRARCH writes an actor of no known country as "---GOV".
    auto code_of = [&](int32_t actor, const std::string& used) {
      std::string code = !used.empty() ? used : actor >= 0 ? a.actors[actor].code : "---";
      if (code != "---" && code[0] != '"' && codes.Country(code).empty()) code = "---" + code;
      return code;
    };
    const std::string source = code_of(c.source, c.source_code);
    const std::string target = code_of(c.target, c.target_code);
    if (r.require_dyad && (source == "---" || target == "---")) continue;
    produced.insert({source, target, c.pattern_code.empty() ? c.cameo : c.pattern_code});
  }
  return produced;
}

// The records file, its dictionaries found beside it, in ../dictionaries
// or in --dict-dir; nothing (after saying why) when it cannot be read.
std::optional<ValidationFile> ReadRecords(const ValidateCommandOptions& options,
                                          std::vector<std::string>* dictionaries) {
  auto bytes = ReadFile(options.records);
  Result<ValidationFile> parsed = bytes.ok() ? ParseValidationRecords(*bytes, options.records)
                                             : Result<ValidationFile>(bytes.status());
  if (!parsed.ok()) {
    std::fprintf(stderr, "palmyra validate: %s\n", Printable(parsed.status().message()).c_str());
    return std::nullopt;
  }
  const fs::path parent = fs::path(options.records).parent_path();
  const fs::path base = parent.empty() ? fs::path(".") : parent;
  bool missing = false;
  for (const std::string& name : parsed->dictionaries) {
    std::string found;
    for (const fs::path& dir : {base, base / ".." / "dictionaries", fs::path(options.dict_dir)}) {
      if (dir.empty()) continue;  // no --dict-dir
      std::error_code error;
      const fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, error)) {
        found = candidate.lexically_normal().string();
        break;
      }
    }
    if (found.empty()) {
      std::fprintf(stderr,
                   "palmyra validate: %s: dictionary '%s' not found beside it, in "
                   "../dictionaries or in --dict-dir\n",
                   options.records.c_str(), Printable(name).c_str());
      missing = true;
    }
    dictionaries->push_back(found);
  }
  if (missing) return std::nullopt;
  for (const IngestProblem& p : parsed->problems)
    std::fprintf(stderr, "palmyra validate: %s: %s\n", Printable(p.where).c_str(),
                 Printable(p.message).c_str());
  return std::move(*parsed);
}

}  // namespace

int RunValidateCommand(const ValidateCommandOptions& options) {
  std::vector<std::string> dictionaries;
  std::optional<ValidationFile> file = ReadRecords(options, &dictionaries);
  if (!file) return 2;
  const std::vector<ValidationRecord>& records = file->records;

  Options engine = options.engine;
  engine.dictionaries = dictionaries;
  engine.builtin_dictionaries = false;
  engine.petrarch_conventions = true;
  engine.resolve = false;
  // The records check the dictionaries and conventions: every event they
  // code counts, whatever the decision model (trained on the built-in
  // dictionaries) would think of it.
  engine.decide = false;
  // One engine for each new_actor_length the records ask for.
  std::map<int, std::unique_ptr<Pipeline>> engines;
  auto coder_for = [&](int new_actor_length) -> Pipeline* {
    std::unique_ptr<Pipeline>& coder = engines[new_actor_length];
    if (coder != nullptr) return coder.get();
    Options with = engine;
    with.new_actor_length = new_actor_length;
    auto created = Pipeline::Create(with);
    if (!created.ok()) {
      std::fprintf(stderr, "palmyra validate: cannot start: %s\n",
                   created.status().ToString().c_str());
      return nullptr;
    }
    coder = std::move(*created);
    return coder.get();
  };
  const Pipeline* first = coder_for(engine.new_actor_length);
  if (first == nullptr) return 2;
  if (!options.quiet) {
    std::printf(
        "%s: %zu records (%d in categories not included), dictionaries: %zu files, "
        "%zu load warnings\n",
        options.records.c_str(), records.size(), file->skipped, dictionaries.size(),
        first->load_warnings().size());
  }
  int passed = 0, failed = 0;
  Analysis a;
  for (const ValidationRecord& r : records) {
    const Pipeline* coder = coder_for(r.new_actor_length);
    if (coder == nullptr) return 2;
    const std::set<Coding> produced = Produce(*coder, r, &a);
    const bool ok = (r.no_events || !r.error.empty()) ? produced.empty() : produced == r.expected;
    (ok ? passed : failed)++;
    if (!ok && !options.quiet) {
      const std::string expected = r.no_events        ? "no events"
                                   : !r.error.empty() ? "no events (error: " + r.error + ")"
                                                      : Describe(r.expected);
      std::printf("FAIL %s (%s, line %d)\n  text:     %s\n  expected: %s\n  produced: %s\n",
                  r.id.c_str(), r.category.c_str(), r.line, r.text.c_str(), expected.c_str(),
                  Describe(produced).c_str());
    }
  }
  const size_t unreadable = file->problems.size();
  if (unreadable > 0) {
    std::printf("%d passed, %d failed, %zu unreadable\n", passed, failed, unreadable);
    return 1;
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return passed < options.min_pass ? 1 : 0;
}

}  // namespace palmyra
