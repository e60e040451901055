#include "cli/store_commands.h"

#include <cstdio>

#include "store/event_export.h"
#include "store/event_json.h"
#include "store/event_store.h"

namespace palmyra {

int RunExportCommand(const ExportCommandOptions& options) {
  const std::string& f = options.format;
  if (f != "jsonl" && f != "csv" && f != "gdelt" && f != "plover") {
    std::fprintf(stderr, "palmyra: --format must be jsonl, csv, gdelt or plover, not '%s'\n",
                 f.c_str());
    return 2;
  }
  EventFilter filter;
  for (const auto& [text, date, name] : {std::tuple{&options.from, &filter.from, "--from"},
                                         std::tuple{&options.to, &filter.to, "--to"}}) {
    if (text->empty()) continue;
    *date = Date::Parse(*text);
    if (!*date) {
      std::fprintf(stderr, "palmyra: %s '%s' is not a date in the form YYYY-MM-DD\n", name,
                   text->c_str());
      return 2;
    }
  }
  filter.actor = options.actor;
  filter.type = options.type;
  filter.country = options.country;
  auto store = EventStore::Open(options.db);
  if (!store.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", store.status().message().c_str());
    return 2;
  }
  std::FILE* out = stdout;
  if (!options.output.empty()) {
    out = std::fopen(options.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "palmyra: cannot write %s\n", options.output.c_str());
      return 2;
    }
  }
  std::string buffer;
  if (f == "csv") AppendCsvHeader(&buffer);
  long events = 0;
  const Status read = (*store)->ForEachEvent(filter, [&](const Event& e, const StoredArticle& a) {
    if (f == "jsonl") AppendEventJson(e, &buffer);
    if (f == "csv") AppendEventCsv(e, a, &buffer);
    if (f == "gdelt") AppendEventGdelt(e, a, &buffer);
    if (f == "plover") AppendEventPlover(e, a, &buffer);
    ++events;
    if (buffer.size() > (1 << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
  });
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  if (out != stdout) std::fclose(out);
  if (!read.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", read.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "palmyra: exported %ld event(s) from %s\n", events, options.db.c_str());
  return 0;
}

int RunStatsCommand(const StatsCommandOptions& options) {
  auto store = EventStore::Open(options.db);
  if (!store.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", store.status().message().c_str());
    return 2;
  }
  auto counts = (*store)->Counts(static_cast<size_t>(std::max(1, options.top)));
  if (!counts.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", counts.status().message().c_str());
    return 2;
  }
  const StoreCounts& c = *counts;
  std::printf("%s: %lld articles, %lld sentences, %lld events, %lld actors, %lld places\n",
              options.db.c_str(), static_cast<long long>(c.articles),
              static_cast<long long>(c.sentences), static_cast<long long>(c.events),
              static_cast<long long>(c.actors), static_cast<long long>(c.places));
  for (const auto& [title, rows] : {std::pair{"events by day", &c.by_day},
                                    std::pair{"events by type (PLOVER, CAMEO root)", &c.by_type},
                                    std::pair{"events by actor (source or target)", &c.by_actor},
                                    std::pair{"events by country of place", &c.by_country}}) {
    std::printf("\n%s\n", title);
    for (const auto& [label, n] : *rows)
      std::printf("  %-40s %8lld\n", label.c_str(), static_cast<long long>(n));
    if (rows->empty()) std::printf("  (none)\n");
  }
  return 0;
}

}  // namespace palmyra
