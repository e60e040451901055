#include "cli/watch_command.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "core/stop_signals.h"
#include "core/strings.h"
#include "feeds/feed_watcher.h"
#include "palmyra/engine.h"
#include "pipeline/batch_runner.h"
#include "pipeline/event_sinks.h"
#include "store/event_store.h"

namespace palmyra {

std::optional<int64_t> ParseDuration(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !(value > 0)) return std::nullopt;
  const std::string unit(end);
  double ms = 0;
  if (unit.empty() || unit == "s") {
    ms = value * 1000;
  } else if (unit == "ms") {
    ms = value;
  } else if (unit == "m" || unit == "min") {
    ms = value * 60000;
  } else if (unit == "h") {
    ms = value * 3600000;
  } else {
    return std::nullopt;
  }
  if (ms < 1 || ms > 1e12) return std::nullopt;
  return static_cast<int64_t>(ms);
}

namespace {

// Where new articles go: coded into a store, or onto the queue.
class Destination {
 public:
  virtual ~Destination() = default;
  // What became of them, for the status line.
  virtual Result<std::string> Take(std::vector<Document> docs) = 0;
};

class StoreDestination : public Destination {
 public:
  StoreDestination(std::unique_ptr<Engine> engine, std::unique_ptr<StoreSink> store, int threads)
      : engine_(std::move(engine)),
        store_(std::move(store)),
        coder_(*engine_, store_.get(), Run(threads)) {}
  Result<std::string> Take(std::vector<Document> docs) override {
    CodedBatch batch;
    for (Document& d : docs) {
      batch.articles.emplace_back();
      batch.articles.back().doc = std::move(d);
    }
    RETURN_IF_ERROR(coder_.Code(&batch.articles));
    for (const CodedArticle& a : batch.articles) {
      if (!a.error.empty()) {
        std::fprintf(stderr, "palmyra: %s: document %s: %s; skipped\n",
                     a.lost ? "error" : "warning", Printable(a.doc.id).c_str(),
                     Printable(a.error).c_str());
      }
    }
    ASSIGN_OR_RETURN(const int64_t stored, store_->Write(batch));
    RunTotals t;
    CountBatch(batch, stored, &t);
    return std::to_string(t.events) + " event(s); " + std::to_string(t.stored) +
           " article(s) stored, " + std::to_string(t.unchanged) + " unchanged, " +
           std::to_string(t.duplicates) + " near-duplicate(s) linked";
  }

 private:
  static RunOptions Run(int threads) {
    RunOptions run;
    run.threads = threads;
    return run;
  }
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<StoreSink> store_;
  BatchCoder coder_;
};

class QueueDestination : public Destination {
 public:
  explicit QueueDestination(std::unique_ptr<ArticleQueue> queue) : queue_(std::move(queue)) {}
  Result<std::string> Take(std::vector<Document> docs) override {
    for (const Document& d : docs) RETURN_IF_ERROR(queue_->Publish(d));
    ASSIGN_OR_RETURN(const PublishTotals now, queue_->Flush());
    const PublishTotals t{now.published - before_.published, now.duplicates - before_.duplicates,
                          now.failed - before_.failed, now.first_error};
    before_ = now;
    if (t.failed > 0) {
      std::fprintf(stderr, "palmyra: the server refused %lld article(s): %s\n",
                   static_cast<long long>(t.failed), t.first_error.c_str());
    }
    return std::to_string(t.published) + " enqueued, " + std::to_string(t.duplicates) +
           " queued before";
  }

 private:
  std::unique_ptr<ArticleQueue> queue_;
  PublishTotals before_;
};

// Where new articles go, by the options; nullptr after saying why it
// cannot be had.
std::unique_ptr<Destination> OpenDestination(const WatchCommandOptions& options) {
  if (options.nats) {
    auto queue = ArticleQueue::Connect(options.queue);
    if (!queue.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", queue.status().message().c_str());
      return nullptr;
    }
    return std::make_unique<QueueDestination>(std::move(queue).value());
  }
  auto engine = Engine::Create(options.engine);
  if (!engine.ok()) {
    std::fprintf(stderr, "palmyra: cannot start: %s\n", engine.status().ToString().c_str());
    return nullptr;
  }
  auto store =
      options.pg.empty() ? StoreSink::OpenSqlite(options.db) : StoreSink::OpenPostgres(options.pg);
  if (!store.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", store.status().message().c_str());
    return nullptr;
  }
  return std::make_unique<StoreDestination>(std::move(engine).value(), std::move(store).value(),
                                            options.threads);
}

// The status line of a poll.
void PrintPoll(int poll, const PollReport& report, size_t fresh, bool pages,
               const std::string& outcome) {
  std::string fetched;
  if (pages) {
    fetched = "; " + std::to_string(report.pages) + " page(s) fetched, " +
              std::to_string(report.pages_failed) + " not";
  }
  std::fprintf(stderr,
               "palmyra: poll %d at %s: %d feed(s): %d read, %d unchanged, %d failed, %d "
               "resting; %zu new article(s)%s: %s\n",
               poll, NowUtc().c_str(), report.feeds, report.fetched, report.unchanged,
               report.failed, report.resting, fresh, fetched.c_str(), outcome.c_str());
  std::fflush(stderr);
}

}  // namespace

int RunWatchCommand(const WatchCommandOptions& options) {
  const int destinations = !options.db.empty() + !options.pg.empty() + options.nats;
  if (destinations != 1) {
    std::fprintf(stderr,
                 "palmyra: watch needs one place for what is new: --db FILE, --pg CONNINFO or "
                 "--nats URL\n");
    return 2;
  }
  const std::optional<int64_t> every = ParseDuration(options.every);
  const std::optional<int64_t> timeout = ParseDuration(options.timeout);
  if (!every || !timeout) {
    std::fprintf(stderr, "palmyra: --%s '%s' is not a duration (90s, 15m, 1h)\n",
                 every ? "timeout" : "every", (every ? options.timeout : options.every).c_str());
    return 2;
  }
  auto urls = ReadFeedList(options.feeds);
  if (!urls.ok()) {
    std::fprintf(stderr, "palmyra: %s\n", urls.status().message().c_str());
    return 2;
  }
  // Before any thread starts: a signal ends the wait between polls.
  std::mutex mutex;
  std::condition_variable woken;
  StopSignals stop([&]() {
    std::lock_guard<std::mutex> lock(mutex);
    woken.notify_all();
  });
  std::unique_ptr<Destination> destination = OpenDestination(options);
  if (destination == nullptr) return 2;
  WatchOptions watch;
  watch.http.timeout_ms = *timeout;
  watch.http.max_bytes = options.max_feed_bytes;
  watch.fetch_pages = options.fetch_pages;
  FeedWatcher watcher(std::move(urls).value(), watch);
  for (int poll = 1; !stop.stopped(); ++poll) {
    const auto started = std::chrono::steady_clock::now();
    PollReport report;
    std::vector<IngestProblem> problems;
    std::vector<Document> fresh = watcher.Poll(&report, &problems);
    for (const IngestProblem& p : problems) {
      std::fprintf(stderr, "palmyra: warning: %s: %s\n", Printable(p.where).c_str(),
                   Printable(p.message).c_str());
    }
    for (const std::string& e : report.errors)
      std::fprintf(stderr, "palmyra: error: %s\n", Printable(e).c_str());
    const size_t count = fresh.size();
    auto taken = destination->Take(std::move(fresh));
    if (!taken.ok()) {
      std::fprintf(stderr, "palmyra: %s\n", taken.status().message().c_str());
      return 2;
    }
    if (!options.quiet) PrintPoll(poll, report, count, options.fetch_pages, *taken);
    if (options.polls > 0 && poll >= options.polls) break;
    std::unique_lock<std::mutex> lock(mutex);
    woken.wait_until(lock, started + std::chrono::milliseconds(*every),
                     [&]() { return stop.stopped(); });
  }
  if (stop.stopped()) std::fprintf(stderr, "palmyra: stopped\n");
  return 0;
}

}  // namespace palmyra
