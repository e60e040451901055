// palmyra enqueue and palmyra worker: articles through NATS JetStream to
// workers that code them into a shared database.
#ifndef PALMYRA_CLI_QUEUE_COMMANDS_H_
#define PALMYRA_CLI_QUEUE_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/document_source.h"
#include "palmyra/options.h"
#include "queue/article_queue.h"

namespace palmyra {

struct EnqueueCommandOptions {
  QueueOptions queue;
  std::vector<std::string> inputs;
  std::string date;  // YYYY-MM-DD for articles without one
  uint64_t max_article_bytes = kDefaultMaxArticleBytes;
  bool quiet = false;
};

// Publishes the articles of the inputs. Returns 0; 1 when an input could not
// be read or an article not published; 2 when the queue cannot be reached
// or an option is wrong.
int RunEnqueueCommand(const EnqueueCommandOptions& options);

struct WorkerCommandOptions {
  Options engine;
  QueueOptions queue;
  std::string pg;  // the database: PostgreSQL,
  std::string db;  // or SQLite
  int threads = 0;
  int batch = 0;  // articles fetched, coded and stored at a time; 0: 256
  bool keep_duplicates = false;
  bool drain = false;  // stop once nothing is pending
  bool quiet = false;
};

// Codes articles from the queue into the database until SIGINT or SIGTERM
// (or, with drain, until the queue is empty). Returns 0; 2 when the queue or
// the database fails.
int RunWorkerCommand(const WorkerCommandOptions& options);

}  // namespace palmyra

#endif  // PALMYRA_CLI_QUEUE_COMMANDS_H_
