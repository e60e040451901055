#include "decide/annotated_news.h"

#include <simdjson.h>

#include <algorithm>
#include <fstream>

namespace palmyra {
namespace {

std::string JsonString(simdjson::dom::element e, const char* key) {
  std::string_view s;
  if (e[key].get(s) != simdjson::SUCCESS) return "";
  return std::string(s);
}

std::optional<GoldActor> JsonActor(simdjson::dom::element e, const char* key) {
  simdjson::dom::element actor;
  if (e[key].get(actor) != simdjson::SUCCESS || !actor.is_object()) return std::nullopt;
  GoldActor out;
  out.text = JsonString(actor, "text");
  out.country = JsonString(actor, "country");
  out.sector = JsonString(actor, "sector");
  return out;
}

// Calls fn(element, line number) for each non-empty line of a JSON Lines file.
template <typename Fn>
Status ForEachJsonLine(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) return IoError(path + ": cannot read");
  simdjson::dom::parser parser;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::dom::element e;
    if (parser.parse(line).get(e) != simdjson::SUCCESS || !e.is_object())
      return ParseError(path + ":" + std::to_string(number) + ": not a JSON object");
    RETURN_IF_ERROR(fn(e, number));
  }
  return Status::Ok();
}

// Country and sector as scored: a country alone is its government, the
// police count as the military, international kinds are sectors.
std::pair<std::string, std::string> Normalise(std::string country, std::string sector) {
  if (country == "IGO" || country == "IMG" || country == "NGO") {
    sector = country;
    country.clear();
  } else if (country == "MNC") {
    sector = "BUS";
    country.clear();
  } else if (country.size() != 3) {
    country.clear();
  }
  if (sector.empty() && !country.empty()) sector = "GOV";
  if (sector == "COP") sector = "MIL";
  return {country, sector};
}

}  // namespace

std::string PloverTypeOf(const CameoTable& cameo, const std::string& code) {
  for (size_t n = code.size(); n >= 2; --n) {
    if (const CameoEntry* e = cameo.Find(std::string_view(code).substr(0, n)))
      return e->plover_type;
  }
  return "";
}

Result<std::vector<AnnotatedSentence>> ReadAnnotatedSentences(const std::string& path,
                                                              const CameoTable& cameo) {
  std::vector<AnnotatedSentence> out;
  RETURN_IF_ERROR(ForEachJsonLine(path, [&](simdjson::dom::element e, int line) -> Status {
    AnnotatedSentence s;
    s.id = JsonString(e, "id");
    s.doc_id = JsonString(e, "doc_id");
    s.text = JsonString(e, "text");
    uint64_t start = 0, end = 0;
    if (s.id.empty() || e["start"].get(start) != simdjson::SUCCESS ||
        e["end"].get(end) != simdjson::SUCCESS || end < start) {
      return ParseError(path + ":" + std::to_string(line) + ": no id, start or end");
    }
    s.start = static_cast<uint32_t>(start);
    s.end = static_cast<uint32_t>(end);
    simdjson::dom::array events;
    if (e["events"].get(events) != simdjson::SUCCESS)
      return ParseError(path + ":" + std::to_string(line) + ": no events list");
    for (simdjson::dom::element x : events) {
      GoldEvent g;
      g.cameo = JsonString(x, "cameo");
      g.plover_type = PloverTypeOf(cameo, g.cameo);
      g.trigger = JsonString(x, "trigger");
      g.source = JsonActor(x, "source");
      g.target = JsonActor(x, "target");
      g.modality = JsonString(x, "modality");
      s.events.push_back(std::move(g));
    }
    out.push_back(std::move(s));
    return Status::Ok();
  }));
  return out;
}

std::string CurrentPloverType(const std::string& type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return type;
}

namespace {

// The actors of a PLOVER record's "source" or "target": a list of
// {actorText, code, sector}, or "" for none. The code's first three
// letters are a country (the few old CAMEO ones renamed) or an
// international kind; a sector starting with '*' is a wildcard.
std::vector<GoldActor> RecordActors(simdjson::dom::element record, const char* key) {
  static const std::pair<const char*, const char*> kOldCountries[] = {
      {"JAP", "JPN"}, {"ITL", "ITA"}, {"UAR", "EGY"}, {"ZAI", "COD"}, {"ROM", "ROU"}};
  std::vector<GoldActor> out;
  simdjson::dom::array actors;
  if (record[key].get(actors) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element x : actors) {
    const std::string code = JsonString(x, "code");
    if (code.size() < 3) continue;
    GoldActor a;
    a.text = JsonString(x, "actorText");
    a.country = code.substr(0, 3);
    for (const auto& [old_code, code_now] : kOldCountries) {
      if (a.country == old_code) a.country = code_now;
    }
    const std::string sector = JsonString(x, "sector");
    if (sector.size() >= 3 && sector[0] != '*') a.sector = sector.substr(0, 3);
    if (a.country == "IGO" || a.country == "NGO" || a.country == "IMG") {
      a.sector = a.country;
      a.country.clear();
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<std::vector<AnnotatedSentence>> ReadPloverRecords(const std::string& path) {
  std::vector<AnnotatedSentence> out;
  RETURN_IF_ERROR(ForEachJsonLine(path, [&](simdjson::dom::element e, int line) -> Status {
    AnnotatedSentence s;
    s.id = "plover:" + JsonString(e, "id");
    s.doc_id = s.id;
    s.text = JsonString(e, "text");
    const std::string type = CurrentPloverType(JsonString(e, "event"));
    if (s.id == "plover:" || type.empty())
      return ParseError(path + ":" + std::to_string(line) + ": no id or event");
    s.end = static_cast<uint32_t>(s.text.size());
    const std::vector<GoldActor> sources = RecordActors(e, "source");
    const std::vector<GoldActor> targets = RecordActors(e, "target");
    // One event a source, as in the annotated scheme ("Russian and Syrian
    // jets": one event each), all with the first target.
    for (size_t i = 0; i < std::max<size_t>(1, sources.size()); ++i) {
      GoldEvent g;
      g.plover_type = type;
      if (i < sources.size()) g.source = sources[i];
      if (!targets.empty()) g.target = targets[0];
      s.events.push_back(std::move(g));
    }
    out.push_back(std::move(s));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<AnnotatedArticle>> ReadAnnotatedArticles(const std::string& path) {
  std::vector<AnnotatedArticle> out;
  RETURN_IF_ERROR(ForEachJsonLine(path, [&](simdjson::dom::element e, int line) -> Status {
    AnnotatedArticle a;
    a.id = JsonString(e, "id");
    a.title = JsonString(e, "title");
    a.text = JsonString(e, "text");
    if (a.id.empty()) return ParseError(path + ":" + std::to_string(line) + ": no id");
    const std::string date = JsonString(e, "date");
    if (!date.empty()) a.date = Date::Parse(date.substr(0, 10));
    out.push_back(std::move(a));
    return Status::Ok();
  }));
  return out;
}

bool ActorAgrees(const std::optional<ActorRef>& coded, const std::optional<GoldActor>& gold) {
  if (!gold) return !coded;
  if (gold->country.empty() && gold->sector.empty()) return true;
  if (!coded) return false;
  return Normalise(coded->country, coded->sector) == Normalise(gold->country, gold->sector);
}

std::vector<int> MatchEvents(const std::vector<const Event*>& coded,
                             const std::vector<GoldEvent>& gold) {
  std::vector<int> out(coded.size(), -1);
  std::vector<bool> taken(gold.size(), false);
  // Pairs with both actors right first, then one, then none.
  for (int want = 2; want >= 0; --want) {
    for (size_t i = 0; i < coded.size(); ++i) {
      if (out[i] >= 0) continue;
      for (size_t j = 0; j < gold.size(); ++j) {
        if (taken[j] || gold[j].plover_type != coded[i]->plover.type) continue;
        const int right = ActorAgrees(coded[i]->source, gold[j].source) +
                          ActorAgrees(coded[i]->target, gold[j].target);
        if (right < want) continue;
        out[i] = static_cast<int>(j);
        taken[j] = true;
        break;
      }
    }
  }
  return out;
}

void NewsScore::Add(const std::vector<const Event*>& events, const std::vector<GoldEvent>& truth) {
  coded += static_cast<int>(events.size());
  gold += static_cast<int>(truth.size());
  const std::vector<int> match = MatchEvents(events, truth);
  for (size_t i = 0; i < events.size(); ++i) {
    if (match[i] < 0) continue;
    const Event& e = *events[i];
    const GoldEvent& g = truth[match[i]];
    ++matched;
    const bool s = ActorAgrees(e.source, g.source), t = ActorAgrees(e.target, g.target);
    source_right += s;
    target_right += t;
    auto blame = [](const std::optional<ActorRef>& coded, const std::optional<GoldActor>& gold,
                    bool right, int* missing, int* extra, int* wrong) {
      if (right) return;
      (!coded ? *missing : !gold ? *extra : *wrong) += 1;
    };
    blame(e.source, g.source, s, &source_missing, &source_extra, &source_wrong);
    blame(e.target, g.target, t, &target_missing, &target_extra, &target_wrong);
    actors_right += s && t;
    modality_right += ModalityName(e.modality) == g.modality;
  }
}

void NewsScore::Add(const NewsScore& o) {
  coded += o.coded;
  gold += o.gold;
  matched += o.matched;
  source_right += o.source_right;
  target_right += o.target_right;
  actors_right += o.actors_right;
  modality_right += o.modality_right;
  source_missing += o.source_missing;
  source_extra += o.source_extra;
  source_wrong += o.source_wrong;
  target_missing += o.target_missing;
  target_extra += o.target_extra;
  target_wrong += o.target_wrong;
}

}  // namespace palmyra
