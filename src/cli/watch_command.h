// palmyra watch: polls RSS and Atom feeds and codes (or enqueues) what is new.
#ifndef PALMYRA_CLI_WATCH_COMMAND_H_
#define PALMYRA_CLI_WATCH_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>

#include "palmyra/options.h"
#include "queue/article_queue.h"

namespace palmyra {

struct WatchCommandOptions {
  Options engine;
  std::string feeds;   // the list file
  std::string db;      // where new articles go: an SQLite database,
  std::string pg;      // a PostgreSQL database,
  QueueOptions queue;  // or, when nats is set, the queue
  bool nats = false;
  std::string every = "15m";    // between polls
  std::string timeout = "30s";  // a request's limit
  uint64_t max_feed_bytes = uint64_t{16} << 20;
  bool fetch_pages = false;
  int polls = 0;  // stop after this many; 0: until SIGINT or SIGTERM
  int threads = 0;
  bool quiet = false;  // no status lines
};

// Returns 0 after a clean stop; 2 when the list, an option or the database
// or queue is wrong or fails.
int RunWatchCommand(const WatchCommandOptions& options);

// "90s", "15m", "1h", "500ms", or a number of seconds, in milliseconds;
// nullopt when it is none of these or not positive.
std::optional<int64_t> ParseDuration(const std::string& text);

}  // namespace palmyra

#endif  // PALMYRA_CLI_WATCH_COMMAND_H_
