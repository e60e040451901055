// The HTTP server of `palmyra serve` (cpp-httplib): the JSON API of
// event_api.h over a Palmyra database and the web page (web/, with its
// libraries, read into memory at start and served by name only), one read-only connection per
// worker thread (WAL readers: events a writer commits appear without a restart), one line per
// request on stderr, stopped cleanly by SIGINT or SIGTERM.
#ifndef PALMYRA_SERVE_HTTP_SERVER_H_
#define PALMYRA_SERVE_HTTP_SERVER_H_

#include <cstddef>
#include <string>

namespace palmyra {

struct ServeOptions {
  std::string db;
  std::string pg;  // instead of db: a PostgreSQL database (libpq connection string)
  std::string host = "127.0.0.1";
  int port = 8080;         // 0: any free port (the one taken is printed)
  std::string token_file;  // the POSTs' bearer token; empty: the POSTs are off
  size_t max_body_bytes = 8u << 20;
  bool quiet = false;   // no request log
  std::string web_dir;  // the web page's files; empty: the installed or built ones
};

// Serves until SIGINT or SIGTERM. Returns 0 after a clean stop, 1 when the
// database, token or port cannot be had (with a message on stderr).
int RunServer(const ServeOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_SERVE_HTTP_SERVER_H_
