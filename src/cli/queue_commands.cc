#include "cli/queue_commands.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli/input_options.h"
#include "core/stop_signals.h"
#include "core/strings.h"
#include "palmyra/engine.h"
#include "pipeline/batch_runner.h"
#include "pipeline/event_sinks.h"

namespace palmyra {
namespace {

constexpr int64_t kRetryDelayMs = 10000;  // before a failed coding is tried again

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int RunEnqueueCommand(const EnqueueCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<IngestOptions> ingest =
      MakeIngestOptions(options.date, options.max_article_bytes);
  if (!ingest) return 2;
  auto queue = ArticleQueue::Connect(options.queue);
  if (!queue.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", queue.status().message().c_str());
    return 2;
  }
  DocumentSource source(options.inputs, *ingest);
  std::vector<IngestProblem> problems;
  Document doc;
  int64_t read = 0, unreadable = 0, warnings = 0, refused = 0;
  auto report = [&]() {
    for (const IngestProblem& p : problems) {
      std::fprintf(stderr, "palmyra: %s: %s: %s\n", p.unreadable ? "error" : "warning",
                   Printable(p.where).c_str(), Printable(p.message).c_str());
      ++(p.unreadable ? unreadable : warnings);
    }
    problems.clear();
  };
  while (source.Next(&doc, &problems)) {
    report();
    ++read;
    const Status published = (*queue)->Publish(doc);
    if (!published.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", published.message().c_str());
      ++refused;
    }
    doc = Document();
  }
  report();
  auto totals = (*queue)->Flush();
  if (!totals.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", totals.status().message().c_str());
    return 1;
  }
  if (!totals->first_error.empty()) {
    std::fprintf(stderr, "palmyra: the server refused %lld article(s): %s\n",
                 static_cast<long long>(totals->failed), totals->first_error.c_str());
  }
  if (!options.quiet) {
    std::fprintf(stderr,
                 "palmyra: enqueued %lld of %lld article(s) on stream %s at %s in %.2f s; %lld "
                 "queued before (dropped), %lld refused; %lld unreadable input(s), %lld "
                 "warning(s)\n",
                 static_cast<long long>(totals->published), static_cast<long long>(read),
                 options.queue.stream.c_str(), options.queue.url.c_str(), SecondsSince(start),
                 static_cast<long long>(totals->duplicates),
                 static_cast<long long>(totals->failed + refused),
                 static_cast<long long>(unreadable), static_cast<long long>(warnings));
  }
  return unreadable > 0 || totals->failed + refused > 0 ? 1 : 0;
}

int RunWorkerCommand(const WorkerCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.pg.empty() == options.db.empty()) {
    std::fprintf(stderr, "palmyra: worker stores into one database: --pg CONNINFO or --db FILE\n");
    return 2;
  }
  // Before any thread starts: SIGINT and SIGTERM end the loop after the
  // batch at hand is stored and acknowledged.
  StopSignals stop;
  auto engine = Engine::Create(options.engine);
  if (!engine.ok()) {
    std::fprintf(stderr, "palmyra: cannot start: %s\n", engine.status().ToString().c_str());
    return 2;
  }
  auto store =
      options.pg.empty() ? StoreSink::OpenSqlite(options.db) : StoreSink::OpenPostgres(options.pg);
  if (!store.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", store.status().message().c_str());
    return 2;
  }
  auto queue = ArticleQueue::Connect(options.queue);
  Status subscribed = queue.ok() ? (*queue)->Subscribe() : queue.status();
  if (!subscribed.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", subscribed.message().c_str());
    return 2;
  }
  RunOptions run;
  run.threads = options.threads;
  run.keep_duplicates = options.keep_duplicates;
  // A batch is one transaction and one round of acknowledgments: larger
  // than `code`'s, which stores on a thread of its own.
  run.batch_size = options.batch > 0 ? static_cast<size_t>(options.batch) : 256;
  BatchCoder coder(**engine, store->get(), run);
  RunTotals totals;
  int64_t dead = 0, retried = 0;
  // Where the time goes: coding (with the store's lookups), the queue
  // (fetching, acknowledging), the database (writing).
  double coding = 0, queueing = 0, storing = 0;
  auto timed = [](double* sum) {
    return [sum, t = std::chrono::steady_clock::now()]() { *sum += SecondsSince(t); };
  };
  auto fail = [&](const std::string& message, std::vector<QueuedArticle>& messages) {
    // Back to the queue at once, for this or another worker.
    for (const QueuedArticle& m : messages) (void)(*queue)->Retry(m, 0);
    std::fprintf(stderr, "palmyra: %s\n", message.c_str());
    return 2;
  };
  while (!stop.stopped()) {
    auto fetch_done = timed(&queueing);
    // Draining, an empty queue is seen sooner.
    auto fetched =
        (*queue)->Fetch(static_cast<int>(coder.batch_size()), options.drain ? 200 : 1000);
    fetch_done();
    if (!fetched.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", fetched.status().message().c_str());
      return 2;
    }
    std::vector<QueuedArticle>& messages = *fetched;
    if (messages.empty()) {
      if (!options.drain) continue;
      auto drained = (*queue)->Drained();
      if (!drained.ok()) {
        std::fprintf(stderr, "palmyra: %s\n", drained.status().message().c_str());
        return 2;
      }
      if (*drained) break;
      continue;
    }
    // Messages that are no articles go to the dead letters at once; they
    // would fail every time.
    CodedBatch batch;
    std::vector<QueuedArticle*> coded;
    for (QueuedArticle& m : messages) {
      if (!m.error().empty()) {
        std::fprintf(stderr, "palmyra: error: a message is not an article (%s); dead-lettered\n",
                     Printable(m.error()).c_str());
        const Status moved = (*queue)->DeadLetter(m, "not an article: " + m.error());
        if (!moved.ok()) std::fprintf(stderr, "palmyra: %s\n", moved.message().c_str());
        ++dead;
        continue;
      }
      batch.articles.emplace_back();
      batch.articles.back().doc = std::move(m.doc());
      coded.push_back(&m);
    }
    auto coding_done = timed(&coding);
    const Status looked_up = coder.Code(&batch.articles);
    coding_done();
    if (!looked_up.ok()) return fail(looked_up.message(), messages);
    // An article whose coding failed (memory, a bug) is tried again later,
    // and after max_deliver attempts dead-lettered; the rest are stored.
    for (size_t i = 0; i < batch.articles.size(); ++i) {
      const CodedArticle& a = batch.articles[i];
      if (!a.lost) continue;
      std::fprintf(stderr, "palmyra: error: document %s: %s\n", Printable(a.doc.id).c_str(),
                   Printable(a.error).c_str());
      const bool last = coded[i]->deliveries() >= static_cast<uint64_t>(options.queue.max_deliver);
      const Status moved = last ? (*queue)->DeadLetter(*coded[i], a.error)
                                : (*queue)->Retry(*coded[i], kRetryDelayMs);
      if (!moved.ok()) std::fprintf(stderr, "palmyra: %s\n", moved.message().c_str());
      ++(last ? dead : retried);
    }
    auto storing_done = timed(&storing);
    auto written = store->get()->Write(batch);
    storing_done();
    if (!written.ok()) return fail(written.status().message(), messages);
    // Acknowledged only once committed: a worker killed before this point
    // leaves the batch to be delivered again, and storing it again changes
    // nothing.
    auto acks_done = timed(&queueing);
    for (size_t i = 0; i < batch.articles.size(); ++i) {
      if (batch.articles[i].lost) continue;
      const Status acked = (*queue)->Ack(*coded[i]);
      if (!acked.ok()) std::fprintf(stderr, "palmyra: %s\n", acked.message().c_str());
    }
    acks_done();
    for (const CodedArticle& a : batch.articles) {
      if (!a.lost && !a.error.empty()) {
        std::fprintf(stderr, "palmyra: warning: document %s: %s; skipped\n",
                     Printable(a.doc.id).c_str(), Printable(a.error).c_str());
      }
    }
    CountBatch(batch, *written, &totals);
  }
  if (!options.quiet) {
    std::fprintf(stderr,
                 "palmyra: worker coded %lld document(s), %lld sentence(s), %lld event(s) in "
                 "%.2f s; %lld stored in %s, %lld unchanged, %lld near-duplicate(s) linked; "
                 "%lld empty; %lld to be retried, %lld dead-lettered; time: coding %.2f s, queue "
                 "%.2f s, database %.2f s%s\n",
                 static_cast<long long>(totals.coded), static_cast<long long>(totals.sentences),
                 static_cast<long long>(totals.events), SecondsSince(start),
                 static_cast<long long>(totals.stored), store->get()->name().c_str(),
                 static_cast<long long>(totals.unchanged),
                 static_cast<long long>(totals.duplicates), static_cast<long long>(totals.failed),
                 static_cast<long long>(retried), static_cast<long long>(dead), coding, queueing,
                 storing, stop.stopped() ? "; stopped by a signal" : "");
  }
  return 0;
}

}  // namespace palmyra
