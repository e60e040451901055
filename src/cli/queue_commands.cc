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

namespace {

// The worker's loop: fetch a batch, set aside what is no article, code,
// store, acknowledge.
class Worker {
 public:
  Worker(const WorkerCommandOptions& options, const Engine& engine, StoreSink& store,
         ArticleQueue& queue)
      : options_(options), store_(store), queue_(queue), coder_(engine, &store, Run(options)) {}

  // Until a signal, or with drain until the queue is empty. Returns the
  // command's exit status.
  int Loop(const StopSignals& stop);
  void Summary(double seconds, bool stopped) const;

 private:
  static RunOptions Run(const WorkerCommandOptions& options) {
    RunOptions run;
    run.threads = options.threads;
    run.keep_duplicates = options.keep_duplicates;
    // A batch is one transaction and one round of acknowledgments: larger
    // than `code`'s, which stores on a thread of its own.
    run.batch_size = options.batch > 0 ? static_cast<size_t>(options.batch) : 256;
    return run;
  }
  // Codes, stores and acknowledges a batch; false (after a message, its
  // articles handed back to the queue) when it could not be stored.
  bool Handle(std::vector<QueuedArticle>& messages);
  // Articles whose coding failed are tried again later, or dead-lettered.
  void SetAsideLost(const CodedBatch& batch, const std::vector<QueuedArticle*>& coded);
  void Report(const Status& s) const {
    if (!s.ok()) std::fprintf(stderr, "palmyra: %s\n", s.message().c_str());
  }
  // Adds the time since `start` to *sum when called.
  static auto Timed(double* sum) {
    return [sum, start = std::chrono::steady_clock::now()]() { *sum += SecondsSince(start); };
  }

  const WorkerCommandOptions& options_;
  StoreSink& store_;
  ArticleQueue& queue_;
  BatchCoder coder_;
  RunTotals totals_;
  int64_t dead_ = 0, retried_ = 0;
  // Where the time goes: coding (with the store's lookups), the queue
  // (fetching, acknowledging), the database (writing).
  double coding_ = 0, queueing_ = 0, storing_ = 0;
};

int Worker::Loop(const StopSignals& stop) {
  int failures = 0;  // fetches in a row that failed (the server away)
  while (!stop.stopped()) {
    auto fetch_done = Timed(&queueing_);
    // Draining, an empty queue is seen sooner.
    auto fetched = queue_.Fetch(static_cast<int>(coder_.batch_size()), options_.drain ? 200 : 1000);
    fetch_done();
    if (!fetched.ok()) {
      // The client reconnects by itself; a server away for a minute ends the worker.
      if (failures++ == 0 || failures >= 60) Report(fetched.status());
      if (failures >= 60) return 2;
      std::this_thread::sleep_for(std::chrono::seconds(1));
      continue;
    }
    failures = 0;
    if (fetched->empty()) {
      if (!options_.drain) continue;
      auto drained = queue_.Drained();
      if (!drained.ok()) {
        Report(drained.status());
        return 2;
      }
      if (*drained) break;
      continue;
    }
    if (!Handle(*fetched)) return 2;
  }
  return 0;
}

bool Worker::Handle(std::vector<QueuedArticle>& messages) {
  // Messages that are no articles go to the dead letters at once; they
  // would fail every time.
  CodedBatch batch;
  std::vector<QueuedArticle*> coded;
  for (QueuedArticle& m : messages) {
    if (!m.error().empty()) {
      std::fprintf(stderr, "palmyra: error: a message is not an article (%s); dead-lettered\n",
                   Printable(m.error()).c_str());
      Report(queue_.DeadLetter(m, "not an article: " + m.error()));
      ++dead_;
      continue;
    }
    batch.articles.emplace_back();
    batch.articles.back().doc = std::move(m.doc());
    coded.push_back(&m);
  }
  auto give_back = [&](const Status& why) {
    // Back to the queue at once, for this or another worker.
    for (const QueuedArticle* m : coded) (void)queue_.Retry(*m, 0);
    Report(why);
    return false;
  };
  auto coding_done = Timed(&coding_);
  const Status looked_up = coder_.Code(&batch.articles);
  coding_done();
  if (!looked_up.ok()) return give_back(looked_up);
  SetAsideLost(batch, coded);
  auto storing_done = Timed(&storing_);
  auto written = store_.Write(batch);
  storing_done();
  if (!written.ok()) return give_back(written.status());
  // Acknowledged only once committed: a worker killed before this point
  // leaves the batch to be delivered again, and storing it again changes
  // nothing.
  auto acks_done = Timed(&queueing_);
  for (size_t i = 0; i < batch.articles.size(); ++i) {
    if (!batch.articles[i].lost) Report(queue_.Ack(*coded[i]));
  }
  acks_done();
  for (const CodedArticle& a : batch.articles) {
    if (!a.lost && !a.error.empty()) {
      std::fprintf(stderr, "palmyra: warning: document %s: %s; skipped\n",
                   Printable(a.doc.id).c_str(), Printable(a.error).c_str());
    }
  }
  CountBatch(batch, *written, &totals_);
  return true;
}

void Worker::SetAsideLost(const CodedBatch& batch, const std::vector<QueuedArticle*>& coded) {
  for (size_t i = 0; i < batch.articles.size(); ++i) {
    const CodedArticle& a = batch.articles[i];
    if (!a.lost) continue;
    std::fprintf(stderr, "palmyra: error: document %s: %s\n", Printable(a.doc.id).c_str(),
                 Printable(a.error).c_str());
    const bool last = coded[i]->deliveries() >= static_cast<uint64_t>(options_.queue.max_deliver);
    Report(last ? queue_.DeadLetter(*coded[i], a.error) : queue_.Retry(*coded[i], kRetryDelayMs));
    ++(last ? dead_ : retried_);
  }
}

void Worker::Summary(double seconds, bool stopped) const {
  const RunTotals& t = totals_;
  std::fprintf(stderr,
               "palmyra: worker coded %lld document(s), %lld sentence(s), %lld event(s) in "
               "%.2f s; %lld stored in %s, %lld unchanged, %lld near-duplicate(s) linked; "
               "%lld empty; %lld to be retried, %lld dead-lettered; time: coding %.2f s, queue "
               "%.2f s, database %.2f s%s\n",
               static_cast<long long>(t.coded), static_cast<long long>(t.sentences),
               static_cast<long long>(t.events), seconds, static_cast<long long>(t.stored),
               store_.name().c_str(), static_cast<long long>(t.unchanged),
               static_cast<long long>(t.duplicates), static_cast<long long>(t.failed),
               static_cast<long long>(retried_), static_cast<long long>(dead_), coding_, queueing_,
               storing_, stopped ? "; stopped by a signal" : "");
}

}  // namespace

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
  const Status subscribed = queue.ok() ? (*queue)->Subscribe() : queue.status();
  if (!subscribed.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", subscribed.message().c_str());
    return 2;
  }
  Worker worker(options, **engine, **store, **queue);
  const int status = worker.Loop(stop);
  if (!options.quiet) worker.Summary(SecondsSince(start), stop.stopped());
  return status;
}

}  // namespace palmyra
