#include "serve/http_server.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <thread>

#include <httplib.h>

#include "core/file.h"
#include "core/stop_signals.h"
#include "core/strings.h"
#include "palmyra/options.h"
#include "serve/event_api.h"

namespace palmyra {
namespace {

// The token of --token-file: its first line, trimmed; at least 16 bytes.
Result<std::string> ReadToken(const std::string& path) {
  ASSIGN_OR_RETURN(std::string contents, ReadFile(path));
  const std::string token(Trim(contents.substr(0, contents.find('\n'))));
  if (token.size() < 16) {
    return InvalidArgumentError(path +
                                ": the token must be at least 16 characters on the first line");
  }
  return token;
}

struct WebFile {
  const char* name;
  const char* type;
};
// The web page's files: nothing else is served outside /api/.
constexpr WebFile kWebFiles[] = {
    {"index.html", "text/html; charset=utf-8"},
    {"app.js", "text/javascript; charset=utf-8"},
    {"app.css", "text/css; charset=utf-8"},
    {"leaflet.js", "text/javascript; charset=utf-8"},
    {"leaflet.css", "text/css; charset=utf-8"},
    {"uPlot.iife.min.js", "text/javascript; charset=utf-8"},
    {"uPlot.min.css", "text/css; charset=utf-8"},
    {"topojson-client.min.js", "text/javascript; charset=utf-8"},
    {"countries-110m.json", "application/json"},
};

struct WebAsset {
  std::string type, body;
};

// Reads the web page's files from `dir`; *missing names the first absent.
std::map<std::string, WebAsset> ReadWebAssets(const std::string& dir, std::string* missing) {
  std::map<std::string, WebAsset> out;
  for (const WebFile& f : kWebFiles) {
    auto body = ReadFile(dir + "/" + f.name);
    if (!body.ok()) {
      if (missing->empty()) *missing = dir + "/" + f.name;
      continue;
    }
    out.emplace(f.name, WebAsset{f.type, std::move(body).value()});
  }
  return out;
}

std::string Printable(const std::string& s) {
  std::string out;
  for (const char c : s) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  return out;
}

}  // namespace

int RunServer(const ServeOptions& options) {
  const std::string db = options.db, pg = options.pg;
  auto open_to_read = [db, pg]() {
    return pg.empty() ? EventStore::OpenForReading(db) : EventStore::OpenPostgres(pg, true);
  };
  // The database must exist and be Palmyra's before the server starts.
  std::string name;
  {
    auto probe = open_to_read();
    if (!probe.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", probe.status().message().c_str());
      return 1;
    }
    name = (*probe)->path();
  }
  ApiOptions api_options;
  api_options.data_dir = ResolveDefaults(Options()).data_dir;
  std::unique_ptr<Engine> engine;
  std::unique_ptr<EventStore> writer;
  if (!options.token_file.empty()) {
    auto token = ReadToken(options.token_file);
    if (!token.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", token.status().message().c_str());
      return 1;
    }
    api_options.token = *token;
    auto created = Engine::Create(Options());
    if (!created.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", created.status().ToString().c_str());
      return 1;
    }
    engine = std::move(created).value();
  }
  auto reader = [db, pg, open_to_read]() -> Result<EventStore*> {
    // One read-only connection per worker thread, opened on first use.
    thread_local std::unique_ptr<EventStore> store;
    thread_local std::string store_of;
    if (store == nullptr || store_of != db + '\n' + pg) {
      ASSIGN_OR_RETURN(store, open_to_read());
      store_of = db + '\n' + pg;
    }
    return store.get();
  };
  auto write = [&writer, db, pg]() -> Result<EventStore*> {
    // Called under the API's lock.
    if (writer == nullptr) {
      ASSIGN_OR_RETURN(writer, pg.empty() ? EventStore::Open(db) : EventStore::OpenPostgres(pg));
    }
    return writer.get();
  };
  const EventApi api(api_options, reader, write, engine.get());

  // SIGINT and SIGTERM are taken by a thread of their own, which stops the
  // server; the worker threads never see them.
  httplib::Server server;
  StopSignals stop_signals([&server]() { server.stop(); });
  server.set_payload_max_length(options.max_body_bytes);
  auto handle = [&api](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    r.params.insert(req.params.begin(), req.params.end());
    r.body = req.body;
    r.authorization = req.get_header_value("Authorization");
    const ApiResponse out = api.Handle(r);
    res.status = out.status;
    res.set_content(out.body, out.content_type.c_str());
  };
  server.Get(R"(/api/.*)", handle);
  // The web page, by name only.
  std::string missing;
  const std::map<std::string, WebAsset> assets =
      ReadWebAssets(ResolveWebDir(options.web_dir), &missing);
  if (!missing.empty()) {
    std::fprintf(stderr,
                 "palmyra: warning: %s is missing: the web page is not served (make build)\n",
                 missing.c_str());
  }
  server.Get(R"(/([A-Za-z0-9._-]*))", [&assets, &missing](const httplib::Request& req,
                                                          httplib::Response& res) {
    const std::string name = req.matches[1].str().empty() ? "index.html" : req.matches[1].str();
    const auto it = assets.find(name);
    if (it == assets.end() || !missing.empty()) {
      const ApiResponse out =
          ApiError(404, missing.empty() ? "no such file: " + name
                                        : "the web page is not built: " + missing + " is missing");
      res.status = 404;
      res.set_content(out.body, out.content_type.c_str());
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
    res.set_content(it->second.body, it->second.type.c_str());
  });
  server.Post(R"(/api/.*)", handle);
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const ApiResponse out =
        ApiError(res.status, res.status == 413   ? "the body is larger than the server takes"
                             : res.status == 404 ? "no such request: " + req.path
                                                 : "the request could not be served");
    res.set_content(out.body, out.content_type.c_str());
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        std::string what = "internal error";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = std::string("internal error: ") + e.what();
        } catch (...) {
        }
        const ApiResponse out = ApiError(500, what);
        res.status = 500;
        res.set_content(out.body, out.content_type.c_str());
      });
  if (!options.quiet) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::string target = req.path;
      if (!req.params.empty()) {
        target += '?';
        bool first = true;
        for (const auto& [k, v] : req.params) {
          target += (first ? "" : "&") + k + "=" + v;
          first = false;
        }
      }
      std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(),
                   Printable(target).c_str(), res.status, res.body.size());
    });
  }
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::fprintf(stderr, "palmyra: cannot listen on %s:%d (in use, or not this machine's)\n",
                 options.host.c_str(), options.port);
    return 1;
  }
  std::fprintf(stderr, "palmyra: serving %s on http://%s:%d/ (%s; Ctrl-C stops)\n", name.c_str(),
               options.host.c_str(), port,
               api_options.token.empty() ? "read-only" : "POST with the token");
  std::fflush(stderr);
  const bool served = server.listen_after_bind();
  if (!served && server.is_running()) return 1;
  std::fprintf(stderr, "palmyra: stopped\n");
  return 0;
}

}  // namespace palmyra
