// EventApi: the JSON API of `palmyra serve`, apart from HTTP: a request
// (method, path, query parameters, body, bearer token) in, a response
// (status, content type, body) out. src/serve/http_server.cc puts it on the
// network.
//
//   GET  /api/health                  the database and its event count
//   GET  /api/events                  a page of events, the filters' total
//   GET  /api/events/{event_id}       one event with its sentence, article and spans
//   GET  /api/happenings              a page of happenings with their evidence
//   GET  /api/stats/timeline?by=day|week|month   events and mean Goldstein per period and type
//   GET  /api/stats/actors            events per actor code, most first
//   GET  /api/stats/pairs             events per source and target, most first
//   GET  /api/places.geojson          one RFC 7946 feature per place, with its event count
//   GET  /api/articles/{doc_id}       a stored article, its text and its events' ids
//   POST /api/code                    codes the body (text, or JSON Lines articles); stores nothing
//   POST /api/articles                stores and codes the body's JSON Lines articles
//
// Every list is filtered alike (from, to, type, cameo, source, target,
// actor, country: where it happened, modality, q: words of the article,
// bbox: west,south,east,north) and paged (limit, cursor: the next_cursor of
// the previous page). A wrong parameter is a 400 whose JSON names it; an
// unknown id a 404; the POSTs need "Authorization: Bearer <token>" and are
// off (403) when the server has no token.
#ifndef PALMYRA_SERVE_EVENT_API_H_
#define PALMYRA_SERVE_EVENT_API_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "palmyra/engine.h"
#include "palmyra/status.h"
#include "store/event_store.h"

namespace palmyra {

struct ApiRequest {
  std::string method;  // GET, POST, ...
  std::string path;    // decoded, without the query: "/api/events"
  std::multimap<std::string, std::string> params;
  std::string body;
  std::string authorization;  // the Authorization header
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct ApiOptions {
  std::string data_dir;  // for checking filter values
  std::string token;     // the POSTs' bearer token; empty: the POSTs are off
  int default_limit = 100;
  int max_limit = 1000;
};

class EventApi {
 public:
  // `reader` gives the calling thread's read-only connection to the
  // database; `writer`, when the POSTs are on, the one writing connection
  // (used under the API's lock); `engine` codes the POSTs' texts.
  using StoreFn = std::function<Result<EventStore*>()>;
  EventApi(ApiOptions options, StoreFn reader, StoreFn writer, const Engine* engine);

  ApiResponse Handle(const ApiRequest& request) const;

 private:
  ApiResponse Events(const ApiRequest& r, EventStore& store) const;
  ApiResponse OneEvent(const std::string& id, EventStore& store) const;
  ApiResponse Happenings(const ApiRequest& r, EventStore& store) const;
  ApiResponse Timeline(const ApiRequest& r, EventStore& store) const;
  ApiResponse ActorStats(const ApiRequest& r, EventStore& store, bool pairs) const;
  ApiResponse Places(const ApiRequest& r, EventStore& store) const;
  ApiResponse Article(const std::string& doc_id, EventStore& store) const;
  ApiResponse Health(EventStore& store) const;
  ApiResponse Code(const ApiRequest& r, bool store) const;

  ApiOptions options_;
  StoreFn reader_, writer_;
  const Engine* engine_;
  mutable std::mutex write_mutex_;
};

// A JSON error response: {"error": message, "parameter": parameter}.
ApiResponse ApiError(int status, const std::string& message, const std::string& parameter = "");

}  // namespace palmyra

#endif  // PALMYRA_SERVE_EVENT_API_H_
