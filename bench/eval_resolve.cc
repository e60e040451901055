// What the resolve stage gives events, measured on reference data:
//
//   build/bench/eval_resolve [--verbose] [--sample N]
//
// 1. WikiEvents (../shared/wikievents/dev.jsonl): for each gold attack,
//    death, injury or arrest that Palmyra finds in the same sentence (the
//    event covering the gold trigger first), whether its location names the
//    gold Place argument, and whether its target covers a gold Victim or
//    Target argument (byte spans overlap). A place matches when the words
//    are the same ignoring case, spaces and hyphens ("Deir ez - Zor"), or one
//    holds the other.
// 2. The Guardian's Syria articles (../shared/corpus/guardian_syria.jsonl),
//    which have no gold events: how many events get a location and at which
//    precision, in which countries, with which dates and quantities.
//    --sample N prints N located events (the same ones every run) with their
//    sentences, to be checked by hand.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench_util.h"

namespace palmyra {
namespace {

std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool SamePlace(const std::string& gold, const std::string& ours) {
  const std::string g = Squeeze(gold), o = Squeeze(ours);
  if (g.empty() || o.empty()) return false;
  if (g == o) return true;
  return (o.size() >= 4 && g.find(o) != std::string::npos) ||
         (g.size() >= 4 && o.find(g) != std::string::npos);
}

double Percent(long part, long whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

void WikiEvents(const std::string& shared, const Engine& engine, bool verbose) {
  const auto docs = ReadJsonLines(shared + "/wikievents/dev.jsonl");
  long found = 0;
  long place_gold = 0, place_named = 0, place_located = 0, place_right = 0, place_named_right = 0;
  long victim_gold = 0, victim_target = 0, victim_right = 0;
  for (const auto& d : docs) {
    const WikiDocument w = ReadWikiDocument(d);
    auto coded = engine.Code(w.doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    std::map<std::string, const nlohmann::json*> entities;
    for (const auto& m : d["entity_mentions"]) entities[m["id"].get<std::string>()] = &m;
    for (const auto& m : d["event_mentions"]) {
      const std::string kind = WikiKind(m["event_type"].get<std::string>());
      if (kind.empty()) continue;
      const auto& trigger = m["trigger"];
      const size_t si = trigger["sent_idx"].get<size_t>();
      const auto [t_begin, t_end] =
          w.Bytes(d, si, trigger["start"].get<size_t>(), trigger["end"].get<size_t>());
      const Event* best = nullptr;
      for (const Event& e : events) {
        if (!WikiKindMatches(kind, e) || e.evidence.end <= w.sentences[si].begin ||
            e.evidence.start >= w.sentences[si].end)
          continue;
        const bool covers = e.evidence.start <= t_begin && t_end <= e.evidence.end;
        if (best == nullptr || covers) best = &e;
        if (covers) break;
      }
      if (best == nullptr) continue;
      ++found;
      for (const auto& arg : m["arguments"]) {
        const std::string role = arg["role"].get<std::string>();
        const auto entity = entities.find(arg["entity_id"].get<std::string>());
        if (entity == entities.end()) continue;
        const nlohmann::json& em = *entity->second;
        const std::string text = em["text"].get<std::string>();
        if (role == "Place") {
          const bool named = !text.empty() && std::isupper(static_cast<unsigned char>(text[0]));
          ++place_gold;
          place_named += named;
          place_located += best->location.has_value();
          const bool right = best->location && (SamePlace(text, best->location->text) ||
                                                SamePlace(text, best->location->name));
          place_right += right;
          place_named_right += named && right;
          if (verbose && !right) {
            std::printf("PLACE %-20s ours %-20s | %s\n", text.c_str(),
                        best->location ? best->location->text.c_str() : "-",
                        best->evidence.text.substr(0, 100).c_str());
          }
        } else if (role == "Victim" || role == "Target") {
          ++victim_gold;
          const auto [a_begin, a_end] = w.Bytes(d, em["sent_idx"].get<size_t>(),
                                                em["start"].get<size_t>(), em["end"].get<size_t>());
          victim_target += best->target.has_value();
          const bool right =
              best->target && best->target->start < a_end && a_begin < best->target->end;
          victim_right += right;
          if (verbose && !right) {
            std::printf("%-6s %-20s ours %-20s | %s\n", role.c_str(), text.c_str(),
                        best->target ? best->target->text.c_str() : "-",
                        best->evidence.text.substr(0, 100).c_str());
          }
        }
      }
    }
  }
  std::printf(
      "WikiEvents arguments (wikievents/dev.jsonl; %ld gold attacks, deaths, injuries and "
      "arrests found in their sentence)\n",
      found);
  std::printf(
      "  Place          %3ld gold (%ld named)   located %5.1f%%   right %5.1f%% of all, "
      "%5.1f%% of named\n",
      place_gold, place_named, Percent(place_located, place_gold), Percent(place_right, place_gold),
      Percent(place_named_right, place_named));
  std::printf("  Victim/Target  %3ld gold              with a target %5.1f%%   right %5.1f%%\n",
              victim_gold, Percent(victim_target, victim_gold), Percent(victim_right, victim_gold));
}

void Guardian(const std::string& shared, const Engine& engine, int sample) {
  const auto docs = ReadJsonLines(shared + "/corpus/guardian_syria.jsonl");
  long events = 0, located = 0, dated_by_text = 0, with_quantities = 0;
  std::map<std::string, long> precision, country, name, date_precision, quantity_kind;
  struct Located {
    std::string id, doc, evidence, place, name, where;
  };
  std::vector<Located> all;
  for (const auto& d : docs) {
    Document doc;
    doc.id = d.value("id", "");
    doc.text = d.value("text", "");
    doc.published = Date::Parse(d.value("date", ""));
    auto coded = engine.Code(doc);
    if (!coded.ok()) continue;
    for (const Event& e : *coded) {
      ++events;
      if (e.date) {
        ++date_precision[std::string(DatePrecisionName(e.date->precision))];
        dated_by_text += !e.date->text.empty();
      }
      with_quantities += !e.quantities.empty();
      for (const Quantity& q : e.quantities) ++quantity_kind[q.kind];
      if (!e.location) continue;
      ++located;
      ++precision[std::string(LocationPrecisionName(e.location->precision))];
      ++country[e.location->country];
      ++name[e.location->name + " (" + e.location->country + ")"];
      all.push_back(
          {e.event_id, doc.id, e.evidence.text, e.location->text, e.location->name,
           e.location->country + " " + std::string(LocationPrecisionName(e.location->precision))});
    }
  }
  std::printf("Guardian Syria articles (corpus/guardian_syria.jsonl; %zu articles, %ld events)\n",
              docs.size(), events);
  std::printf("  located %5.1f%%:", Percent(located, events));
  for (const char* p : {"city", "admin1", "country"})
    std::printf("  %s %.1f%%", p, Percent(precision[p], events));
  std::printf("\n  in Syria %.1f%% of located events; top countries:",
              Percent(country["SYR"], located));
  std::vector<std::pair<long, std::string>> ranked;
  for (const auto& [c, n] : country) ranked.push_back({n, c});
  std::sort(ranked.rbegin(), ranked.rend());
  for (size_t i = 0; i < ranked.size() && i < 6; ++i)
    std::printf(" %s %ld", ranked[i].second.c_str(), ranked[i].first);
  ranked.clear();
  for (const auto& [c, n] : name) ranked.push_back({n, c});
  std::sort(ranked.rbegin(), ranked.rend());
  std::printf("\n  top places:");
  for (size_t i = 0; i < ranked.size() && i < 8; ++i)
    std::printf(" %s %ld;", ranked[i].second.c_str(), ranked[i].first);
  std::printf("\n  dated from the text %.1f%% (", Percent(dated_by_text, events));
  for (const char* p : {"day", "week", "month", "year"})
    std::printf("%s %.1f%% ", p, Percent(date_precision[p], events));
  std::printf("of all)\n  with quantities %.1f%%:", Percent(with_quantities, events));
  for (const auto& [k, n] : quantity_kind) std::printf(" %s %ld", k.c_str(), n);
  std::printf("\n");
  if (sample > 0 && !all.empty()) {
    // The same events every run, whatever else changes: by event id.
    std::sort(all.begin(), all.end(),
              [](const Located& x, const Located& y) { return x.id < y.id; });
    std::printf("\nA sample of %d located events, to check by hand:\n", sample);
    for (int i = 0; i < sample && i < static_cast<int>(all.size()); ++i) {
      const Located& l = all[i];
      std::printf("%2d %s  [%s] -> %s, %s\n     \"%s\"\n", i + 1, l.doc.c_str(), l.place.c_str(),
                  l.name.c_str(), l.where.c_str(), l.evidence.c_str());
    }
  }
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  bool verbose = false;
  int sample = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0) {
      verbose = true;
    } else if (std::strcmp(argv[i], "--sample") == 0 && i + 1 < argc) {
      sample = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--verbose] [--sample N]\n", argv[0]);
      return 2;
    }
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (WikiEvents, corpus) is not present\n");
    return 0;
  }
  const auto engine = MakeEngine();
  WikiEvents(shared, *engine, verbose);
  Guardian(shared, *engine, sample);
  return 0;
}
