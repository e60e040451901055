// Agreement with the PLOVER gold-standard records (../shared/plover/gsr_dev.jsonl):
// event type, source and target country and sector.
//
//   build/bench/eval_plover [--verbose] [--min-confidence P]
//
// Each record's sentence is coded as a document. A record's event type is
// found when any event Palmyra codes has the gold PLOVER type (old draft
// types are mapped to today's: DEMAND -> REQUEST, DISAPPROVE and
// INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). Actors are compared on the event
// of the gold type (else the first event): its source's country must be one
// of the gold sources' countries, and its sector that source's sector when
// the gold gives one; likewise for targets.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "bench_util.h"
#include "decide/annotated_news.h"

namespace palmyra {
namespace {

struct GoldActor {
  std::string country;
  std::string sector;
};

std::string NormaliseCountry(std::string code) {
  static const std::map<std::string, std::string> kOld = {{"JAP", "JPN"}, {"ITL", "ITA"},
                                                          {"UAR", "EGY"}, {"ZAI", "COD"},
                                                          {"ROM", "ROU"}, {"UK", "GBR"}};
  code = code.substr(0, 3);
  auto it = kOld.find(code);
  return it == kOld.end() ? code : it->second;
}

std::vector<GoldActor> GoldActors(const nlohmann::json& value) {
  std::vector<GoldActor> out;
  if (!value.is_array()) return out;
  for (const auto& a : value) {
    if (!a.is_object() || !a.contains("code") || !a["code"].is_string()) continue;
    GoldActor g;
    g.country = NormaliseCountry(a["code"].get<std::string>());
    if (a.contains("sector") && a["sector"].is_string()) {
      const std::string s = a["sector"].get<std::string>();
      if (s.size() >= 3 && s[0] != '*') g.sector = s.substr(0, 3);
    }
    if (!g.country.empty()) out.push_back(g);
  }
  return out;
}

struct Score {
  int hits = 0;
  int total = 0;
  void Add(bool hit) {
    ++total;
    hits += hit;
  }
  std::string Percent() const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%5.1f%% (%d/%d)", total ? 100.0 * hits / total : 0.0,
                  hits, total);
    return buffer;
  }
};

// Does `actor` agree with one of `gold`? Sets *sector_checked when a sector was compared.
bool Agrees(const std::optional<ActorRef>& actor, const std::vector<GoldActor>& gold, bool sector,
            bool* compared) {
  *compared = false;
  if (!actor) return false;
  for (const GoldActor& g : gold) {
    if (actor->country != g.country) continue;
    if (!sector) return true;
    if (g.sector.empty()) continue;
    *compared = true;
    return actor->sector == g.sector;
  }
  if (sector) {
    for (const GoldActor& g : gold) *compared |= !g.sector.empty();
  }
  return false;
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  bool verbose = false;
  double min_confidence = -1;  // the decision model's threshold
  if (!ParseEvalArguments(argc, argv, &verbose, &min_confidence)) {
    std::fprintf(stderr, "usage: eval_plover [--verbose] [--min-confidence P]\n");
    return 2;
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (the PLOVER gold records) is not present\n");
    return 0;
  }
  const auto records = ReadJsonLines(shared + "/plover/gsr_dev.jsonl");
  const auto engine = MakeEngine(true, min_confidence);
  Score any, type, source_country, source_sector, target_country, target_sector, all, type_target;
  long events_total = 0;
  std::map<std::string, Score> by_type;
  for (const auto& r : records) {
    Document doc;
    doc.id = r.value("id", "");
    doc.text = r.value("text", "");
    doc.published = Date::Parse(r.value("date", "2000-01-01"));
    const std::string gold_type = CurrentPloverType(r.value("event", ""));
    auto coded = engine->Code(doc);
    const std::vector<Event> events = coded.ok() ? std::move(coded).value() : std::vector<Event>{};
    events_total += static_cast<long>(events.size());
    any.Add(!events.empty());
    const Event* best = nullptr;
    for (const Event& e : events) {
      if (e.plover.type == gold_type) {
        best = &e;
        break;
      }
    }
    type.Add(best != nullptr);
    by_type[gold_type].Add(best != nullptr);
    if (best == nullptr && !events.empty()) best = &events[0];
    const auto sources = GoldActors(r.contains("source") ? r["source"] : nlohmann::json());
    const auto targets = GoldActors(r.contains("target") ? r["target"] : nlohmann::json());
    bool compared;
    const bool sc = best && Agrees(best->source, sources, false, &compared);
    const bool tc = best && Agrees(best->target, targets, false, &compared);
    if (!sources.empty()) {
      source_country.Add(sc);
      const bool ss = best && Agrees(best->source, sources, true, &compared);
      if (compared || (best && !best->source)) source_sector.Add(ss);
    }
    if (!targets.empty()) {
      target_country.Add(tc);
      const bool ts = best && Agrees(best->target, targets, true, &compared);
      if (compared || (best && !best->target)) target_sector.Add(ts);
    }
    const bool typed = best != nullptr && best->plover.type == gold_type;
    all.Add(typed && (sources.empty() || sc) && (targets.empty() || tc));
    type_target.Add(typed && (targets.empty() || tc));
    if (verbose) {
      std::string gold;
      for (const auto& g : sources) gold += " " + g.country + g.sector;
      gold += " ->";
      for (const auto& g : targets) gold += " " + g.country + g.sector;
      std::printf("%s %s [%s ] | %s\n", best && best->plover.type == gold_type ? "OK  " : "MISS",
                  gold_type.c_str(), gold.c_str(), doc.text.substr(0, 110).c_str());
      for (const Event& e : events) {
        std::printf("      %s %s %s -> %s\n", e.plover.type.c_str(), e.cameo.code.c_str(),
                    e.source ? e.source->code.c_str() : "-",
                    e.target ? e.target->code.c_str() : "-");
      }
    }
  }
  std::printf("PLOVER gold-standard records (%zu, %s)\n", records.size(), "plover/gsr_dev.jsonl");
  std::printf("  records with an event        %s\n", any.Percent().c_str());
  std::printf("  event type                   %s\n", type.Percent().c_str());
  std::printf("  source country               %s\n", source_country.Percent().c_str());
  std::printf("  source sector                %s\n", source_sector.Percent().c_str());
  std::printf("  target country               %s\n", target_country.Percent().c_str());
  std::printf("  target sector                %s\n", target_sector.Percent().c_str());
  std::printf("  type and target              %s\n", type_target.Percent().c_str());
  std::printf("  type, source and target      %s\n", all.Percent().c_str());
  std::printf("  events per record            %.2f\n",
              static_cast<double>(events_total) / records.size());
  std::printf("  by type:");
  for (const auto& [t, s] : by_type) std::printf(" %s %d/%d", t.c_str(), s.hits, s.total);
  std::printf("\n");
  return 0;
}
