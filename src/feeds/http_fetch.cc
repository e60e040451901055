#include "feeds/http_fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>

#include "core/build_config.h"

namespace palmyra {
namespace {

struct Transfer {
  HttpResponse* response;
  uint64_t max_bytes;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->response->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer
  }
  t->response->body.append(data, n);
  return n;
}

// Keeps the headers conditional requests and readers need.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string line(data, n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  // A new response (after a redirect) starts afresh.
  if (line.rfind("HTTP/", 0) == 0) {
    t->response->etag.clear();
    t->response->last_modified.clear();
    t->response->content_type.clear();
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string::npos) return n;
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t start = colon + 1;
  while (start < line.size() && line[start] == ' ') ++start;
  const std::string value = line.substr(start);
  if (name == "etag") t->response->etag = value;
  if (name == "last-modified") t->response->last_modified = value;
  if (name == "content-type") t->response->content_type = value;
  return n;
}

}  // namespace

Result<HttpResponse> HttpGet(const std::string& url, const HttpOptions& options,
                             const std::string& etag, const std::string& last_modified) {
  static std::once_flag initialized;
  std::call_once(initialized, []() { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return IoError(url + ": cannot start a transfer");
  HttpResponse response;
  Transfer transfer{&response, options.max_bytes};
  const std::string agent = options.user_agent.empty()
                                ? std::string("Palmyra/") + PALMYRA_VERSION + " (event coder)"
                                : options.user_agent;
  curl_slist* headers = nullptr;
  if (!etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + etag).c_str());
  if (!last_modified.empty()) {
    headers = curl_slist_append(headers, ("If-Modified-Since: " + last_modified).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<int64_t>(options.timeout_ms, 10000)));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever compression curl reads
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  char* effective = nullptr;
  curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
  if (effective != nullptr) response.url = effective;
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (transfer.too_large) {
    return IoError(url + ": larger than " + std::to_string(options.max_bytes) + " bytes");
  }
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g", options.timeout_ms / 1000.0);
    return IoError(url + ": no full answer within " + limit + " s");
  }
  if (rc != CURLE_OK) return IoError(url + ": " + curl_easy_strerror(rc));
  return response;
}

}  // namespace palmyra
