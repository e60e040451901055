// Fetching feeds and pages over HTTP(S) with libcurl: conditional requests
// (ETag, Last-Modified), a time limit, a size limit, redirects followed, a
// User-Agent that names Palmyra.
#ifndef PALMYRA_FEEDS_HTTP_FETCH_H_
#define PALMYRA_FEEDS_HTTP_FETCH_H_

#include <cstdint>
#include <string>

#include "palmyra/status.h"

namespace palmyra {

struct HttpOptions {
  int64_t timeout_ms = 30000;               // the whole request
  uint64_t max_bytes = uint64_t{16} << 20;  // larger answers are refused
  std::string user_agent;                   // empty: "Palmyra/<version>"
};

struct HttpResponse {
  long status = 0;  // 200, 304, ...
  std::string body;
  std::string etag, last_modified, content_type;
  std::string url;  // after redirects
};

// GETs `url`, sending If-None-Match and If-Modified-Since when `etag` and
// `last_modified` are given. Fails, naming the URL, when no answer came
// (name not found, refused, timed out, too large); an answer with an error
// status is returned as it is.
Result<HttpResponse> HttpGet(const std::string& url, const HttpOptions& options,
                             const std::string& etag = "", const std::string& last_modified = "");

}  // namespace palmyra

#endif  // PALMYRA_FEEDS_HTTP_FETCH_H_
