#include "serve/event_api.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "ingest/document_source.h"
#include "query/filter_words.h"
#include "store/event_export.h"
#include "store/event_json.h"

namespace palmyra {
namespace {

using Json = nlohmann::ordered_json;

ApiResponse JsonResponse(const Json& j, int status = 200) {
  ApiResponse r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

// The parameters each kind of request accepts.
const std::set<std::string> kFilterParams = {"from",     "to",     "type",  "cameo",
                                             "source",   "target", "actor", "country",
                                             "modality", "q",      "bbox",  "precision"};

std::string Param(const ApiRequest& r, const std::string& name) {
  const auto it = r.params.find(name);
  return it == r.params.end() ? std::string() : it->second;
}

// Checks that every parameter is one of `accepted` and given once.
std::optional<ApiResponse> UnknownParams(const ApiRequest& r,
                                         const std::set<std::string>& accepted) {
  for (const auto& [name, value] : r.params) {
    if (!accepted.count(name)) {
      std::string list;
      for (const std::string& a : accepted) list += (list.empty() ? "" : ", ") + a;
      return ApiError(400, "unknown parameter '" + name + "'; this request takes " + list, name);
    }
    if (r.params.count(name) > 1) return ApiError(400, "'" + name + "' given twice", name);
  }
  return std::nullopt;
}

// The store's filter from the request's parameters, or a 400.
std::optional<ApiResponse> BuildFilter(const ApiRequest& r, const std::string& data_dir,
                                       EventFilter* filter) {
  FilterWords words;
  words.from = Param(r, "from");
  words.to = Param(r, "to");
  words.type = Param(r, "type");
  words.actor = Param(r, "actor");
  words.source = Param(r, "source");
  words.target = Param(r, "target");
  words.place_country = Param(r, "country");  // where it happened
  words.modality = Param(r, "modality");
  words.precision = Param(r, "precision");
  FilterProblem problem;
  std::string note;
  if (!BuildEventFilter(words, /*happened_by_default=*/false, data_dir, filter, &problem, &note)) {
    const std::string name = problem.name == "place-country" ? "country" : problem.name;
    return ApiError(400, name + ": " + problem.message, name);
  }
  const std::string cameo = Param(r, "cameo");
  if (!cameo.empty() &&
      (cameo.size() > 4 || !std::all_of(cameo.begin(), cameo.end(), IsAsciiDigit))) {
    return ApiError(400, "cameo: '" + cameo + "' is not a CAMEO code or its start (digits)",
                    "cameo");
  }
  filter->cameo = cameo;
  filter->text = Param(r, "q");
  const std::string bbox = Param(r, "bbox");
  if (!bbox.empty()) {
    const auto parts = Split(bbox, ',');
    std::array<double, 4> box{};
    bool ok = parts.size() == 4;
    for (size_t i = 0; ok && i < 4; ++i) {
      const std::string part(Trim(parts[i]));
      char* end = nullptr;
      box[i] = std::strtod(part.c_str(), &end);
      ok = !part.empty() && end != nullptr && *end == '\0' && std::isfinite(box[i]);
    }
    ok = ok && box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90 &&
         box[0] <= box[2] && box[1] <= box[3];
    if (!ok) {
      return ApiError(400,
                      "bbox: '" + bbox +
                          "' is not west,south,east,north in degrees (west <= east, south <= "
                          "north)",
                      "bbox");
    }
    filter->bbox = box;
  }
  return std::nullopt;
}

// `limit` and `cursor`, or a 400.
std::optional<ApiResponse> Paging(const ApiRequest& r, const ApiOptions& o, int* limit,
                                  int64_t* cursor) {
  *limit = o.default_limit;
  *cursor = 0;
  const std::string l = Param(r, "limit"), c = Param(r, "cursor");
  if (!l.empty()) {
    char* end = nullptr;
    const long v = std::strtol(l.c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > o.max_limit) {
      return ApiError(400,
                      "limit: '" + l + "' is not a number from 1 to " + std::to_string(o.max_limit),
                      "limit");
    }
    *limit = static_cast<int>(v);
  }
  if (!c.empty()) {
    char* end = nullptr;
    const long long v = std::strtoll(c.c_str(), &end, 10);
    if (*end != '\0' || v < 0) {
      return ApiError(400, "cursor: '" + c + "' is not a next_cursor this API gave", "cursor");
    }
    *cursor = v;
  }
  return std::nullopt;
}

// The filter and page of a list request (events, happenings), or a 400.
std::optional<ApiResponse> ListRequest(const ApiRequest& r, const ApiOptions& o,
                                       EventFilter* filter, int* limit, int64_t* cursor) {
  std::set<std::string> accepted = kFilterParams;
  accepted.insert({"limit", "cursor"});
  if (auto bad = UnknownParams(r, accepted)) return bad;
  if (auto bad = BuildFilter(r, o.data_dir, filter)) return bad;
  return Paging(r, o, limit, cursor);
}

Json EventJson(const Event& e) {
  std::string line;
  AppendEventJson(e, &line);
  return Json::parse(line);
}

Json ArticleJson(const StoredArticle& a, const std::string& doc_id) {
  return Json{{"doc_id", doc_id},
              {"title", a.title.empty() ? Json(nullptr) : Json(a.title)},
              {"url", a.url.empty() ? Json(nullptr) : Json(a.url)},
              {"source", a.source.empty() ? Json(nullptr) : Json(a.source)},
              {"published", a.published ? Json(a.published->ToString()) : Json(nullptr)}};
}

// A span of the sentence, in bytes from its start; words the sentence holds
// but whose offsets are not stored are found in it.
Json Span(const char* kind, const std::string& text, const StoredArticle& a,
          std::optional<std::pair<int64_t, int64_t>> absolute) {
  Json span = {{"kind", kind}, {"text", text}, {"start", nullptr}, {"end", nullptr}};
  if (absolute) {
    const int64_t start = absolute->first - a.sentence_start,
                  end = absolute->second - a.sentence_start;
    if (start >= 0 && end <= static_cast<int64_t>(a.sentence.size()) && start <= end) {
      span["start"] = start;
      span["end"] = end;
    }
  } else if (!text.empty()) {
    const size_t at = a.sentence.find(text);
    if (at != std::string::npos) {
      span["start"] = at;
      span["end"] = at + text.size();
    }
  }
  return span;
}

Json PlaceFeature(const AggregateRow& row) {
  const bool country = row.text[6] == "country";
  Json properties = {
      {"name", row.text[0]},
      {"geonameid", row.number[1] != 0 ? Json(std::llround(row.number[1])) : Json(nullptr)},
      {"admin1", row.text[4].empty() ? Json(nullptr) : Json(row.text[4])},
      {"country", row.text[5]},
      {"precision", row.text[6]},
      {"country_level", country},
      {"events", std::llround(row.number[7])}};
  return Json{{"type", "Feature"},
              {"geometry", {{"type", "Point"}, {"coordinates", {row.number[3], row.number[2]}}}},
              {"properties", properties}};
}

}  // namespace

ApiResponse ApiError(int status, const std::string& message, const std::string& parameter) {
  Json j = {{"error", message}};
  if (!parameter.empty()) j["parameter"] = parameter;
  return JsonResponse(j, status);
}

EventApi::EventApi(ApiOptions options, StoreFn reader, StoreFn writer, const Engine* engine)
    : options_(std::move(options)),
      reader_(std::move(reader)),
      writer_(std::move(writer)),
      engine_(engine) {}

ApiResponse EventApi::Handle(const ApiRequest& r) const {
  const std::string& p = r.path;
  if (r.method == "POST") {
    if (p == "/api/code") return Code(r, /*store=*/false);
    if (p == "/api/articles") return Code(r, /*store=*/true);
    return ApiError(p.rfind("/api/", 0) == 0 ? 405 : 404, "no such POST request: " + p);
  }
  if (r.method != "GET" && r.method != "HEAD") return ApiError(405, r.method + " is not served");
  auto store = reader_();
  if (!store.ok()) return ApiError(503, store.status().message());
  EventStore& s = **store;
  if (p == "/api/health") return Health(s);
  if (p == "/api/events") return Events(r, s);
  if (p.rfind("/api/events/", 0) == 0) return OneEvent(p.substr(12), s);
  if (p == "/api/happenings") return Happenings(r, s);
  if (p == "/api/stats/timeline") return Timeline(r, s);
  if (p == "/api/stats/actors") return ActorStats(r, s, /*pairs=*/false);
  if (p == "/api/stats/pairs") return ActorStats(r, s, /*pairs=*/true);
  if (p == "/api/places.geojson") return Places(r, s);
  if (p.rfind("/api/articles/", 0) == 0) return Article(p.substr(14), s);
  return ApiError(404, "no such request: " + p);
}

ApiResponse EventApi::Health(EventStore& store) const {
  int64_t events = 0;
  const Status counted =
      store.Aggregate(EventFilter(), "count(*)", "",
                      [&](const AggregateRow& row) { events = std::llround(row.number[0]); });
  if (!counted.ok()) return ApiError(503, counted.message());
  return JsonResponse(Json{{"status", "ok"},
                           {"database", store.path()},
                           {"events", events},
                           {"writes", !options_.token.empty()}});
}

ApiResponse EventApi::Events(const ApiRequest& r, EventStore& store) const {
  EventFilter filter;
  int limit;
  int64_t cursor;
  if (auto bad = ListRequest(r, options_, &filter, &limit, &cursor)) return *bad;
  auto page = store.Page(filter, cursor, limit);
  if (!page.ok()) return ApiError(500, page.status().message());
  int64_t total = 0;
  const Status counted = store.Aggregate(filter, "count(*)", "", [&](const AggregateRow& row) {
    total = std::llround(row.number[0]);
  });
  if (!counted.ok()) return ApiError(500, counted.message());
  // The events as `code` writes them, each with its article and happening
  // (written out directly: a page is the API's most frequent answer).
  std::string body = "{\"total\":" + std::to_string(total) + ",\"events\":[";
  std::string line;
  for (size_t i = 0; i < page->events.size(); ++i) {
    const auto& [e, a] = page->events[i];
    line.clear();
    AppendEventJson(e, &line);
    // "{...}\n" without its closing brace, to add two members.
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '}') line.pop_back();
    if (i > 0) body.push_back(',');
    body += line;
    body += ",\"article\":";
    body += ArticleJson(a, e.doc_id).dump(-1, ' ', false, Json::error_handler_t::replace);
    body += ",\"happening_id\":";
    body += a.happening.id != 0 ? std::to_string(a.happening.id) : "null";
    body.push_back('}');
  }
  body += "],\"next_cursor\":";
  body += page->next != 0 ? "\"" + std::to_string(page->next) + "\"" : "null";
  body.push_back('}');
  ApiResponse response;
  response.body = std::move(body);
  return response;
}

ApiResponse EventApi::OneEvent(const std::string& id, EventStore& store) const {
  EventFilter filter;
  filter.event_id = id;
  auto page = store.Page(filter, 0, 1);
  if (!page.ok()) return ApiError(500, page.status().message());
  if (page->events.empty()) return ApiError(404, "no event " + id);
  const auto& [e, a] = page->events.front();
  Json j = EventJson(e);
  j["sentence"] = a.sentence;
  j["article"] = ArticleJson(a, e.doc_id);
  j["happening_id"] = a.happening.id != 0 ? Json(a.happening.id) : Json(nullptr);
  Json spans = Json::array();
  spans.push_back(Span("evidence", e.evidence.text, a,
                       std::pair<int64_t, int64_t>{e.evidence.start, e.evidence.end}));
  for (const auto& [kind, actor] :
       {std::pair{"source", &e.source}, std::pair{"target", &e.target}}) {
    if (*actor) {
      spans.push_back(Span(kind, (*actor)->text, a,
                           std::pair<int64_t, int64_t>{(*actor)->start, (*actor)->end}));
    }
  }
  if (e.location && !e.location->text.empty())
    spans.push_back(Span("place", e.location->text, a, {}));
  if (e.date && !e.date->text.empty()) spans.push_back(Span("date", e.date->text, a, {}));
  for (const Quantity& q : e.quantities) spans.push_back(Span("quantity", q.text, a, {}));
  if (e.attribution) spans.push_back(Span("attribution", e.attribution->text, a, {}));
  j["spans"] = std::move(spans);
  return JsonResponse(j);
}

ApiResponse EventApi::Happenings(const ApiRequest& r, EventStore& store) const {
  EventFilter filter;
  int limit;
  int64_t cursor;
  if (auto bad = ListRequest(r, options_, &filter, &limit, &cursor)) return *bad;
  std::vector<int64_t> ids;
  const Status listed =
      store.Aggregate(filter, "DISTINCT he.happening_id",
                      "AND he.happening_id > " + std::to_string(cursor) + " ORDER BY 1 LIMIT " +
                          std::to_string(limit + 1),
                      [&](const AggregateRow& row) { ids.push_back(std::llround(row.number[0])); });
  if (!listed.ok()) return ApiError(500, listed.message());
  const bool more = static_cast<int>(ids.size()) > limit;
  if (more) ids.pop_back();
  std::string lines;
  for (int64_t id : ids) {
    EventFilter one = filter;
    one.happening = id;
    HappeningRecord h;
    const Status read = store.ForEachEvent(one, [&](const Event& e, const StoredArticle& a) {
      h.counts = a.happening;
      h.events.push_back(e);
      h.articles.push_back(a);
    });
    if (!read.ok()) return ApiError(500, read.message());
    AppendHappeningJson(h, &lines);
  }
  Json happenings = Json::array();
  for (std::string_view line : Split(lines, '\n')) {
    if (!line.empty()) happenings.push_back(Json::parse(line));
  }
  return JsonResponse(
      Json{{"happenings", std::move(happenings)},
           {"next_cursor", more ? Json(std::to_string(ids.back())) : Json(nullptr)}});
}

ApiResponse EventApi::Timeline(const ApiRequest& r, EventStore& store) const {
  std::set<std::string> accepted = kFilterParams;
  accepted.insert("by");
  if (auto bad = UnknownParams(r, accepted)) return *bad;
  EventFilter filter;
  if (auto bad = BuildFilter(r, options_.data_dir, &filter)) return *bad;
  const std::string by = Param(r, "by").empty() ? "day" : Param(r, "by");
  std::string period;
  const bool postgres = store.dialect() == SqlDialect::kPostgres;
  if (by == "day") {
    period = "e.date";
  } else if (by == "week") {
    // The Monday of its week.
    period = postgres ? "to_char(date_trunc('week', CAST(e.date AS date)), 'YYYY-MM-DD')"
                      : "date(e.date, '-6 days', 'weekday 1')";
  } else if (by == "month") {
    period =
        postgres ? "to_char(CAST(e.date AS date), 'YYYY-MM-01')" : "strftime('%Y-%m-01', e.date)";
  } else {
    return ApiError(400, "by: must be day, week or month, not '" + by + "'", "by");
  }
  Json series = Json::array();
  const Status read = store.Aggregate(
      filter, period + ", e.plover_type, count(*), avg(e.goldstein)",
      "AND e.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", [&](const AggregateRow& row) {
        series.push_back(Json{{"period", row.text[0]},
                              {"type", row.text[1]},
                              {"events", std::llround(row.number[2])},
                              {"goldstein", std::round(row.number[3] * 100) / 100}});
      });
  if (!read.ok()) return ApiError(500, read.message());
  return JsonResponse(Json{{"by", by}, {"series", std::move(series)}});
}

ApiResponse EventApi::ActorStats(const ApiRequest& r, EventStore& store, bool pairs) const {
  std::set<std::string> accepted = kFilterParams;
  accepted.insert("limit");
  if (auto bad = UnknownParams(r, accepted)) return *bad;
  EventFilter filter;
  if (auto bad = BuildFilter(r, options_.data_dir, &filter)) return *bad;
  int limit;
  int64_t cursor;
  if (auto bad = Paging(r, options_, &limit, &cursor)) return *bad;
  std::map<std::string, int64_t> actors;
  std::vector<std::pair<std::pair<std::string, std::string>, int64_t>> pair_counts;
  const Status read =
      store.Aggregate(filter, "coalesce(sa.code, ''), coalesce(ta.code, ''), count(*)",
                      "GROUP BY 1, 2", [&](const AggregateRow& row) {
                        const int64_t n = std::llround(row.number[2]);
                        if (pairs) {
                          pair_counts.push_back({{row.text[0], row.text[1]}, n});
                        } else {
                          // An event counts once for each actor it names.
                          if (!row.text[0].empty()) actors[row.text[0]] += n;
                          if (!row.text[1].empty() && row.text[1] != row.text[0])
                            actors[row.text[1]] += n;
                        }
                      });
  if (!read.ok()) return ApiError(500, read.message());
  Json list = Json::array();
  if (pairs) {
    // Most events first; ties by codes, whatever order the database grouped in.
    std::sort(pair_counts.begin(), pair_counts.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    for (const auto& [pair, n] : pair_counts) {
      if (static_cast<int>(list.size()) == limit) break;
      list.push_back(Json{{"source", pair.first.empty() ? Json(nullptr) : Json(pair.first)},
                          {"target", pair.second.empty() ? Json(nullptr) : Json(pair.second)},
                          {"events", n}});
    }
    return JsonResponse(Json{{"pairs", std::move(list)}});
  }
  std::vector<std::pair<std::string, int64_t>> sorted(actors.begin(), actors.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (const auto& [code, n] : sorted) {
    if (static_cast<int>(list.size()) == limit) break;
    list.push_back(Json{{"code", code}, {"events", n}});
  }
  return JsonResponse(Json{{"actors", std::move(list)}});
}

ApiResponse EventApi::Places(const ApiRequest& r, EventStore& store) const {
  if (auto bad = UnknownParams(r, kFilterParams)) return *bad;
  EventFilter filter;
  if (auto bad = BuildFilter(r, options_.data_dir, &filter)) return *bad;
  Json features = Json::array();
  const Status read = store.Aggregate(
      filter, "p.name, p.geonameid, p.lat, p.lon, p.admin1, p.country, p.precision, count(*)",
      "AND e.place_id IS NOT NULL GROUP BY p.id ORDER BY 8 DESC, 1",
      [&](const AggregateRow& row) { features.push_back(PlaceFeature(row)); });
  if (!read.ok()) return ApiError(500, read.message());
  ApiResponse response =
      JsonResponse(Json{{"type", "FeatureCollection"}, {"features", std::move(features)}});
  response.content_type = "application/geo+json";
  return response;
}

ApiResponse EventApi::Article(const std::string& doc_id, EventStore& store) const {
  auto found = store.Article(doc_id);
  if (!found.ok()) return ApiError(500, found.status().message());
  if (!*found) return ApiError(404, "no article " + doc_id);
  const ArticleRecord& a = **found;
  return JsonResponse(
      Json{{"doc_id", a.doc_id},
           {"title", a.title.empty() ? Json(nullptr) : Json(a.title)},
           {"url", a.url.empty() ? Json(nullptr) : Json(a.url)},
           {"source", a.source.empty() ? Json(nullptr) : Json(a.source)},
           {"published", a.published ? Json(a.published->ToString()) : Json(nullptr)},
           {"stored_at", a.stored_at},
           {"duplicate_of", a.duplicate_of.empty() ? Json(nullptr) : Json(a.duplicate_of)},
           {"text", a.text},
           {"events", a.event_ids}});
}

ApiResponse EventApi::Code(const ApiRequest& r, bool store) const {
  if (options_.token.empty() || engine_ == nullptr) {
    return ApiError(403, "writing requests are off: start palmyra serve with --token-file");
  }
  if (r.authorization != "Bearer " + options_.token) {
    return ApiError(401, "give the token as the header 'Authorization: Bearer <token>'");
  }
  // The articles: JSON Lines records, or the whole body as one text (a
  // form-encoded body is taken as it is, not as parameters).
  std::vector<Document> docs;
  const bool json_lines = !Trim(r.body).empty() && Trim(r.body).front() == '{';
  if (json_lines) {
    int line_number = 0;
    for (std::string_view line : Split(r.body, '\n')) {
      ++line_number;
      if (Trim(line).empty()) continue;
      Document doc;
      std::vector<IngestProblem> warnings;
      const Status parsed =
          ParseJsonArticle(line, "line " + std::to_string(line_number), &doc, &warnings);
      if (!parsed.ok()) {
        return ApiError(400, "line " + std::to_string(line_number) + ": " + parsed.message(),
                        "body");
      }
      docs.push_back(std::move(doc));
    }
  } else if (store) {
    return ApiError(
        400, "POST /api/articles takes JSON Lines articles ({\"id\": ..., \"text\": ...})", "body");
  } else {
    Document doc;
    doc.id = "request";
    doc.text = r.body;
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) return ApiError(400, "the body holds no article", "body");
  Json out = Json::array();
  std::lock_guard<std::mutex> lock(write_mutex_);
  EventStore* writer = nullptr;
  if (store) {
    auto opened = writer_();
    if (!opened.ok()) return ApiError(503, opened.status().message());
    writer = *opened;
    const Status begun = writer->Begin();
    if (!begun.ok()) return ApiError(503, begun.message());
  }
  int stored = 0;
  for (const Document& doc : docs) {
    CodeStats stats;
    auto events = engine_->Code(doc, &stats);
    if (!events.ok()) {
      if (writer != nullptr) (void)writer->Rollback();
      return ApiError(422, doc.id + ": " + events.status().message(), "body");
    }
    if (writer != nullptr) {
      auto put = writer->Put(doc, stats, *events);
      if (!put.ok()) {
        (void)writer->Rollback();
        return ApiError(500, put.status().message());
      }
      stored += *put ? 1 : 0;
    }
    for (const Event& e : *events) out.push_back(EventJson(e));
  }
  if (writer != nullptr) {
    const Status committed = writer->Commit();
    if (!committed.ok()) return ApiError(500, committed.message());
    return JsonResponse(
        Json{{"articles", docs.size()}, {"stored", stored}, {"events", std::move(out)}});
  }
  return JsonResponse(Json{{"events", std::move(out)}});
}

}  // namespace palmyra
