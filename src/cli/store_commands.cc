#include "cli/store_commands.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/output_file.h"
#include "core/data_file.h"
#include "core/file.h"
#include "core/strings.h"
#include "events/cameo_table.h"
#include "palmyra/options.h"
#include "store/event_export.h"
#include "store/event_json.h"
#include "store/event_store.h"

namespace palmyra {

namespace {

// Country names and ACLED regions for --format acled.
AcledNames ReadAcledNames() {
  const std::string data_dir = ResolveDefaults(Options()).data_dir;
  AcledNames names;
  names.countries = ReadCountryNames(data_dir).name_of;
  (void)ForEachDataLine(data_dir + "/ontology/acled_regions.tsv", [&](std::string_view line, int) {
    const auto fields = Split(line, '\t');
    if (fields.size() == 2) names.regions.emplace(std::string(fields[0]), std::string(fields[1]));
    return Status::Ok();
  });
  return names;
}

// The store's filter for the options, checked: false (after a message)
// when a value is wrong. `happened_by_default`: without --modality, only
// what happened (asserted or reported).
bool BuildFilter(const FilterOptions& o, bool happened_by_default, EventFilter* filter,
                 std::string* modality_note) {
  FilterProblem problem;
  if (BuildEventFilter(o, happened_by_default, ResolveDefaults(Options()).data_dir, filter,
                       &problem, modality_note)) {
    return true;
  }
  std::fprintf(stderr, "palmyra: --%s %s\n", problem.name.c_str(), problem.message.c_str());
  return false;
}

}  // namespace

void AddFilterOptions(CLI::App* command, FilterOptions* o) {
  command->add_option("--from", o->from, "Events on or after this day (YYYY-MM-DD)");
  command->add_option("--to", o->to, "Events on or before this day (YYYY-MM-DD)");
  command->add_option("--actor", o->actor,
                      "Events whose source or target code starts so (RUS, SYRREB)");
  command->add_option("--type", o->type,
                      "Events of this PLOVER type (ASSAULT) or CAMEO code or root (19, 0256)");
  command->add_option("--country", o->country,
                      "Events with an actor of, or a place in, this country (ISO alpha-3)");
  command->add_option("--source", o->source, "Events whose source code starts so (RUS, SYRMIL)");
  command->add_option("--target", o->target,
                      "Events whose target code starts so (with --source: a pair)");
  command->add_option("--place-country", o->place_country,
                      "Events that happened in this country (ISO alpha-3)");
  command->add_option("--modality", o->modality,
                      "Comma-separated: asserted, reported, future, hypothetical, negated, or all "
                      "(default: asserted,reported for gdelt, acled, plover and stats --by; all "
                      "for the others)");
  command->add_option("--precision", o->precision,
                      "Events dated at least this finely: day, week or month");
}

// The events of a JSON Lines file as `palmyra code` writes them ("-":
// standard input) that `filter` lets through, each as its own happening of
// an article known only by its id. A line that is no event is reported with
// its number and the rest are read; the result then says how many.
Status ForEachEventIn(const std::string& path, const EventFilter& filter,
                      const std::function<void(const Event&, const StoredArticle&)>& each) {
  ASSIGN_OR_RETURN(std::unique_ptr<LineReader> lines, LineReader::Open(path));
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string line;
  int64_t index = 0, bad = 0;
  const std::string now = NowUtc();
  while (lines->Next(&line)) {
    if (Trim(line).empty()) continue;
    Event e;
    const Status parsed = ParseEventJson(line, &e);
    if (!parsed.ok()) {
      std::fprintf(stderr, "palmyra: %s:%d: %s\n", Printable(name).c_str(), lines->line_number(),
                   Printable(parsed.message()).c_str());
      ++bad;
      continue;
    }
    if (!EventMatches(filter, e)) continue;
    StoredArticle a;
    a.doc_id = e.doc_id;
    if (StartsWith(e.doc_id, "http://") || StartsWith(e.doc_id, "https://")) a.url = e.doc_id;
    a.happening.id = ++index;
    a.stored_at = now;
    // Paragraphs are not known here: the first sentence stands for the lead.
    a.lead_end = e.sentence_index == 0 ? INT64_MAX : 0;
    each(e, a);
  }
  RETURN_IF_ERROR(lines->status());
  if (bad > 0) return ParseError(name + ": " + std::to_string(bad) + " line(s) that are no events");
  return Status::Ok();
}

// The database of --db FILE or --pg CONNINFO, to read; nullptr after saying
// why it cannot be read.
std::unique_ptr<EventStore> OpenToRead(const std::string& db, const std::string& pg) {
  if (db.empty() && pg.empty()) {
    std::fprintf(stderr, "palmyra: which database? --db FILE or --pg CONNINFO\n");
    return nullptr;
  }
  auto opened = pg.empty() ? EventStore::OpenForReading(db)
                           : EventStore::OpenPostgres(pg, /*for_reading=*/true);
  if (!opened.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
    return nullptr;
  }
  return std::move(opened).value();
}

int RunExportCommand(const ExportCommandOptions& options) {
  const std::string& f = options.format;
  const std::vector<std::string> formats = {"jsonl",  "csv",   "gdelt",   "gdelt-mentions",
                                            "plover", "acled", "geojson", "happenings"};
  if (std::find(formats.begin(), formats.end(), f) == formats.end()) {
    std::fprintf(stderr,
                 "palmyra: --format must be jsonl, csv, gdelt, gdelt-mentions, plover, acled, "
                 "geojson or happenings, not '%s'%s\n",
                 f.c_str(), DidYouMean(f, formats).c_str());
    return 2;
  }
  // What happened only, by default, for the formats whose users count
  // happenings: GDELT, ACLED and PLOVER.
  const bool gdelt = f == "gdelt" || f == "gdelt-mentions";
  EventFilter filter;
  std::string modalities;
  if (!BuildFilter(options.filter, gdelt || f == "acled" || f == "plover", &filter, &modalities)) {
    return 2;
  }
  const bool database = !options.db.empty() || !options.pg.empty();
  if (database == !options.events.empty()) {
    std::fprintf(stderr,
                 "palmyra: export reads a database (--db FILE or --pg CONNINFO) or events as "
                 "'code' writes them (--events FILE, - for standard input): one of the two\n");
    return 2;
  }
  std::unique_ptr<EventStore> store;
  if (database) {
    store = OpenToRead(options.db, options.pg);
    if (store == nullptr) return 1;
  }
  const std::string from_name = store != nullptr        ? store->path()
                                : options.events == "-" ? "standard input"
                                                        : options.events;
  std::unique_ptr<OutputFile> out;
  {
    auto opened = OutputFile::Open(options.output);
    if (!opened.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", opened.status().message().c_str());
      return 1;
    }
    out = std::move(opened).value();
  }
  const Options defaults = ResolveDefaults(Options());
  const std::string& data_dir = defaults.data_dir;
  // PLOVER's contexts come from the CAMEO table.
  std::unique_ptr<CameoTable> cameo;
  const std::vector<std::string> kNoContexts;
  if (f == "plover") {
    auto loaded = CameoTable::Load(data_dir);
    if (!loaded.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    cameo = std::move(loaded).value();
  }
  // GDELT's places are named by FIPS 10-4 codes, its actors by name.
  GdeltCodes gdelt_codes;
  if (f == "gdelt") {
    gdelt_codes.countries = ReadCountryNames(data_dir).name_of;
    const Status read =
        ForEachDataLine(data_dir + "/ontology/fips10_4.tsv", [&](std::string_view line, int) {
          const auto fields = Split(line, '\t');
          if (fields.size() != 2) return DataError("expected ISO alpha-3 and FIPS 10-4");
          gdelt_codes.fips.emplace(std::string(fields[0]), std::string(fields[1]));
          return Status::Ok();
        });
    // Regions' ADM1 codes from the model's gazetteer.
    const Status regions =
        read.ok() ? ReadGdeltRegionCodes(defaults.model_dir + "/admin1_codes.tsv", &gdelt_codes)
                  : read;
    if (!regions.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", regions.ToString().c_str());
      return 1;
    }
  }
  std::string buffer;
  if (f == "csv") AppendCsvHeader(&buffer);
  long events = 0;
  // Happenings are gathered first: their events may be far apart.
  std::vector<HappeningRecord> happenings;
  std::unordered_map<int64_t, size_t> happening_index;
  std::unordered_set<int64_t> gdelt_rows;  // happenings written
  // Each happening's row in the event table, and when it was added.
  std::unordered_map<int64_t, std::pair<uint64_t, std::string>> gdelt_row_of;
  if (f == "acled") AppendAcledHeader(&buffer);
  if (f == "geojson") AppendGeoJsonBegin(&buffer);
  long features = 0;
  auto visit = [&](const Event& e, const StoredArticle& a) {
    if (f == "happenings" || f == "acled") {
      auto [it, added] = happening_index.emplace(a.happening.id, happenings.size());
      if (added) happenings.push_back(HappeningRecord{a.happening, {}, {}});
      happenings[it->second].events.push_back(e);
      happenings[it->second].articles.push_back(a);
      ++events;
      return;
    }
    if (f == "jsonl") AppendEventJson(e, &buffer);
    if (f == "csv") AppendEventCsv(e, a, &buffer);
    if (f == "gdelt") {
      // GDELT's event table has one row per happening; its mentions count it.
      ++events;
      if (!gdelt_rows.insert(a.happening.id).second) return;
      AppendEventGdelt(e, a, gdelt_codes, &buffer);
      return;
    }
    if (f == "gdelt-mentions") {
      auto [row, added] =
          gdelt_row_of.emplace(a.happening.id, std::pair{GdeltEventId(e), std::string()});
      if (added) row->second.second = GdeltTime(a);
      AppendMentionGdelt(e, a, row->second.first, row->second.second, &buffer);
    }
    if (f == "plover") {
      const CameoEntry* entry = cameo != nullptr ? cameo->Find(e.cameo.code) : nullptr;
      AppendEventPlover(e, a, entry != nullptr ? entry->plover_contexts : kNoContexts, &buffer);
    }
    if (f == "geojson") features += AppendEventGeoJson(e, a, features == 0, &buffer);
    ++events;
    if (buffer.size() > (1 << 20)) {
      out->Write(buffer);
      buffer.clear();
    }
  };
  const Status read = store != nullptr ? store->ForEachEvent(filter, visit)
                                       : ForEachEventIn(options.events, filter, visit);
  const AcledNames names = f == "acled" ? ReadAcledNames() : AcledNames();
  size_t acled_rows = 0;
  for (const HappeningRecord& h : happenings) {
    if (f == "acled") {
      acled_rows += AppendHappeningAcled(h, names, &buffer);
    } else {
      AppendHappeningJson(h, &buffer);
    }
    if (buffer.size() > (1 << 20)) {
      out->Write(buffer);
      buffer.clear();
    }
  }
  if (f == "geojson") AppendGeoJsonEnd(&buffer);
  out->Write(buffer);
  if (const Status closed = out->Close(); !closed.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", closed.message().c_str());
    return 1;
  }
  if (!read.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", read.message().c_str());
    return 1;
  }
  if (f == "gdelt" || f == "acled") {
    std::fprintf(stderr, "palmyra: exported %zu happening(s) of %ld event(s)%s from %s\n",
                 f == "gdelt" ? gdelt_rows.size() : acled_rows, events, modalities.c_str(),
                 from_name.c_str());
  } else if (f == "geojson") {
    std::fprintf(stderr, "palmyra: exported %ld located event(s) of %ld%s from %s\n", features,
                 events, modalities.c_str(), from_name.c_str());
  } else {
    std::fprintf(stderr, "palmyra: exported %ld event(s)%s from %s\n", events, modalities.c_str(),
                 from_name.c_str());
  }
  return 0;
}

namespace {

std::string Who(const std::optional<ActorRef>& actor) {
  return actor ? actor->text + " [" + actor->code + "]" : std::string("-");
}

std::string When(const Event& e) {
  if (!e.date) return "undated";
  const std::string day = e.date->value.ToString();
  switch (e.date->precision) {
    case DatePrecision::kDay:
      return day;
    case DatePrecision::kWeek:
      return "week of " + day;
    case DatePrecision::kMonth:
      return day.substr(0, 7);
    case DatePrecision::kYear:
      return day.substr(0, 4);
  }
  return day;
}

std::string Where(const Event& e) {
  if (!e.location) return "-";
  const Location& l = *e.location;
  if (l.precision == LocationPrecision::kCountry) return l.country;
  std::string where = l.name;
  if (!l.admin1.empty() && l.admin1 != l.name) where += ", " + l.admin1;
  return where + ", " + l.country;
}

}  // namespace

int RunShowCommand(const ShowCommandOptions& options) {
  std::unique_ptr<EventStore> store = OpenToRead(options.db, options.pg);
  if (store == nullptr) return 1;
  std::string current;
  long articles = 0, events = 0;
  const Status read = store->ForEachEvent({}, [&](const Event& e, const StoredArticle& a) {
    if (a.doc_id != current) {
      current = a.doc_id;
      ++articles;
      std::string head = a.title.empty() ? a.doc_id : a.title;
      std::string about;
      if (!a.source.empty()) about = a.source;
      if (a.published) about += (about.empty() ? "" : ", ") + a.published->ToString();
      std::printf("\n%s%s\n  %s\n", head.c_str(),
                  about.empty() ? "" : ("  (" + about + ")").c_str(),
                  a.url.empty() ? a.doc_id.c_str() : a.url.c_str());
    }
    ++events;
    std::string what = e.plover.type + (e.plover.mode.empty() ? "" : "/" + e.plover.mode) +
                       " (CAMEO " + e.cameo.code + ")";
    std::string how(ModalityName(e.modality));
    if (e.attribution) how += ", according to " + e.attribution->text;
    std::string numbers;
    for (const Quantity& q : e.quantities) {
      char value[32];
      std::snprintf(value, sizeof value, "%g", q.value);
      numbers += "  " + q.kind + "=" + value;
    }
    std::printf("  - %s: %s  %s  -> %s\n      where: %s; %s%s\n      \"%s\"\n", When(e).c_str(),
                Who(e.source).c_str(), what.c_str(), Who(e.target).c_str(), Where(e).c_str(),
                how.c_str(), numbers.c_str(), e.evidence.text.c_str());
  });
  if (!read.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", read.message().c_str());
    return 1;
  }
  std::printf("\n%ld event(s) in %ld article(s) of %s\n", events, articles, store->path().c_str());
  return 0;
}

namespace {

// The first day of the period of `day`: itself, its week's Monday, or the
// first of its month.
Date PeriodStart(const Date& day, const std::string& by) {
  if (by == "week") return day.AddDays(-day.Weekday());
  if (by == "month") return Date{day.year, day.month, 1};
  return day;
}

// Events and dead per period and PLOVER type, for the events `filter` lets
// through; undated events are counted apart.
int RunStatsSeries(const StatsCommandOptions& options, EventStore* store, const EventFilter& filter,
                   const std::string& modalities) {
  struct Cell {
    int64_t events = 0;
    int64_t killed = 0;
  };
  std::map<std::pair<std::string, std::string>, Cell> cells;  // (period, type)
  int64_t undated = 0, total = 0;
  const Status read = store->ForEachEvent(filter, [&](const Event& e, const StoredArticle& a) {
    ++total;
    const std::optional<Date> day = e.date ? std::optional<Date>(e.date->value) : a.published;
    if (!day) {
      ++undated;
      return;
    }
    Cell& cell = cells[{PeriodStart(*day, options.by).ToString(), e.plover.type}];
    ++cell.events;
    double killed = 0;
    for (const Quantity& q : e.quantities) {
      if (q.kind == "killed") killed = std::max(killed, q.low.value_or(q.value));
    }
    cell.killed += static_cast<int64_t>(killed);
  });
  if (!read.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", read.message().c_str());
    return 1;
  }
  const bool csv = options.format == "csv";
  if (csv) {
    std::printf("period,plover_type,events,killed\n");
  } else {
    std::printf("%s: %lld events%s by %s and PLOVER type (%lld undated, not counted)\n",
                store->path().c_str(), static_cast<long long>(total), modalities.c_str(),
                options.by.c_str(), static_cast<long long>(undated));
    std::printf("  %-10s  %-10s  %8s  %8s\n", options.by == "day" ? "day" : "from", "type",
                "events", "killed");
  }
  for (const auto& [key, cell] : cells) {
    std::printf(csv ? "%s,%s,%lld,%lld\n" : "  %-10s  %-10s  %8lld  %8lld\n", key.first.c_str(),
                key.second.c_str(), static_cast<long long>(cell.events),
                static_cast<long long>(cell.killed));
  }
  return 0;
}

}  // namespace

int RunStatsCommand(const StatsCommandOptions& options) {
  EventFilter filter;
  std::string modalities;
  if (!BuildFilter(options.filter, !options.by.empty(), &filter, &modalities)) return 2;
  std::unique_ptr<EventStore> store = OpenToRead(options.db, options.pg);
  if (store == nullptr) return 1;
  if (!options.by.empty()) return RunStatsSeries(options, store.get(), filter, modalities);
  auto counts = store->Counts(static_cast<size_t>(std::max(1, options.top)));
  if (!counts.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", counts.status().message().c_str());
    return 2;
  }
  const StoreCounts& c = *counts;
  std::printf("%s: %lld articles, %lld sentences, %lld events, %lld actors, %lld places\n",
              store->path().c_str(), static_cast<long long>(c.articles),
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
