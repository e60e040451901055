#include "pipeline/batch_runner.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <new>
#include <thread>
#include <utility>

namespace palmyra {
namespace {

// Runs `fn` on every article of the batch on `threads` threads.
template <typename Fn>
void ForEachArticle(std::vector<CodedArticle>* batch, int threads, Fn fn) {
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < batch->size(); i = next++) fn((*batch)[i]);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<size_t>(t) < batch->size(); ++t)
    pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// Writes coded batches, in order, on a thread of its own. One batch waits
// at most; `write` returns false when writing failed, after which no more
// batches are taken.
class BatchWriter {
 public:
  explicit BatchWriter(std::function<bool(CodedBatch&)> write)
      : write_(std::move(write)), thread_([this]() { Run(); }) {}
  ~BatchWriter() { Finish(); }
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Hands over a batch; false when writing has failed.
  bool Push(CodedBatch batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&]() { return !pending_ || failed_; });
    if (failed_) return false;
    pending_ = std::move(batch);
    changed_.notify_all();
    return true;
  }
  // Waits until every batch handed over is written; false when one failed.
  bool Finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
    return !failed_;
  }

 private:
  void Run() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&]() { return pending_.has_value() || done_; });
      if (!pending_) return;
      CodedBatch batch = std::move(*pending_);
      pending_.reset();
      changed_.notify_all();
      lock.unlock();
      if (!write_(batch)) {
        lock.lock();
        failed_ = true;
        changed_.notify_all();
        return;
      }
    }
  }

  std::function<bool(CodedBatch&)> write_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<CodedBatch> pending_;
  bool done_ = false;
  bool failed_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

// Reads batches and prepares them (BatchCoder::Prepare) on a thread of its
// own, one batch ahead of the coding, so that the coding threads do not
// wait for the input or the store's lookups between batches.
class BatchReader {
 public:
  BatchReader(DocumentSource& source, BatchCoder& coder)
      : source_(source), coder_(coder), thread_([this]() { Run(); }) {}
  ~BatchReader() { Stop(); }
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  // The next prepared batch; false at the end of the input, or when
  // preparing one failed (status() says why).
  bool Next(CodedBatch* batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&]() { return ready_.has_value() || ended_; });
    if (!ready_) return false;
    *batch = std::move(*ready_);
    ready_.reset();
    changed_.notify_all();
    return true;
  }
  // Stops reading (when writing has failed) and waits for the thread.
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  Status status() {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
  }

 private:
  void Run() {
    for (bool more = true; more;) {
      CodedBatch batch;
      Document doc;
      while (batch.articles.size() < coder_.batch_size() &&
             (more = source_.Next(&doc, &batch.problems))) {
        batch.articles.emplace_back();
        batch.articles.back().doc = std::move(doc);
        doc = Document();
      }
      if (batch.articles.empty() && batch.problems.empty()) continue;
      const Status prepared = coder_.Prepare(&batch.articles);
      batch.bytes_read = source_.BytesRead();
      batch.more_follow = more;
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&]() { return !ready_ || stopped_; });
      if (stopped_) break;
      if (!prepared.ok()) {
        status_ = prepared;
        break;
      }
      ready_ = std::move(batch);
      changed_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ended_ = true;
    changed_.notify_all();
  }

  DocumentSource& source_;
  BatchCoder& coder_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<CodedBatch> ready_;
  Status status_ = Status::Ok();
  bool ended_ = false;
  bool stopped_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace

BatchCoder::BatchCoder(const Engine& engine, EventSink* store, const RunOptions& options)
    : engine_(engine),
      store_(store),
      keep_duplicates_(options.keep_duplicates),
      threads_(options.threads > 0
                   ? options.threads
                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
      batch_size_(options.batch_size > 0 ? options.batch_size
                                         : static_cast<size_t>(threads_) * 32) {}

Status BatchCoder::Code(std::vector<CodedArticle>* batch) {
  RETURN_IF_ERROR(Prepare(batch));
  CodePrepared(batch);
  return Status::Ok();
}

Status BatchCoder::Prepare(std::vector<CodedArticle>* batch) {
  if (store_ != nullptr) {
    for (CodedArticle& article : *batch) {
      ASSIGN_OR_RETURN(article.stored, store_->IsStored(article.doc));
    }
  }
  // Signatures, then near-duplicates in input order (a copy is linked to
  // the first article of its story, in this run or stored). Signatures are
  // only made when they are used: to find copies, or to be stored for
  // finding them later.
  if (!keep_duplicates_ || store_ != nullptr) {
    for (CodedArticle& article : *batch) {
      if (!article.stored) article.signature = MinHashOf(article.doc.text);
    }
  }
  if (!keep_duplicates_) {
    for (CodedArticle& article : *batch) {
      if (article.stored || !article.signature) continue;
      std::optional<std::string> original = seen_.Find(*article.signature);
      if (!original && store_ != nullptr) {
        ASSIGN_OR_RETURN(original, store_->FindNearDuplicate(*article.signature));
      }
      if (original && *original != article.doc.id) {
        article.duplicate_of = *original;
      } else {
        seen_.Add(*article.signature, article.doc.id);
      }
    }
  }
  return Status::Ok();
}

void BatchCoder::CodePrepared(std::vector<CodedArticle>* batch) const {
  ForEachArticle(batch, threads_, [&](CodedArticle& article) {
    if (article.stored || !article.duplicate_of.empty()) return;
    // An article that exhausts memory fails alone; the run goes on.
    try {
      auto coded = engine_.Code(article.doc, &article.stats);
      if (coded.ok()) {
        article.events = std::move(coded).value();
      } else {
        article.error = coded.status().message();
      }
    } catch (const std::bad_alloc&) {
      article.events.clear();
      article.lost = true;
      article.error = "out of memory coding it (--max-article-bytes bounds an article's size)";
    } catch (const std::exception& e) {
      article.events.clear();
      article.lost = true;
      article.error = std::string("internal error coding it: ") + e.what();
    }
  });
}

void CountBatch(const CodedBatch& batch, int64_t stored, RunTotals* totals) {
  for (const IngestProblem& p : batch.problems)
    ++(p.unreadable ? totals->unreadable : totals->warnings);
  totals->stored += stored;
  for (const CodedArticle& a : batch.articles) {
    ++totals->documents;
    if (a.stored) {
      ++totals->unchanged;
    } else if (!a.duplicate_of.empty()) {
      ++totals->duplicates;
    } else if (!a.error.empty()) {
      ++(a.lost ? totals->lost : totals->failed);
    } else {
      ++totals->coded;
      totals->warnings += static_cast<int64_t>(a.stats.warnings.size());
      totals->sentences += a.stats.sentences;
      totals->events += static_cast<int64_t>(a.events.size());
    }
  }
}

Result<RunTotals> RunBatches(
    const Engine& engine, DocumentSource& source, const std::vector<EventSink*>& sinks,
    const RunOptions& options,
    const std::function<void(const CodedBatch&, const RunTotals&)>& on_batch) {
  EventSink* store = nullptr;
  for (EventSink* sink : sinks) {
    if (sink->keeps_articles()) store = sink;
  }
  BatchCoder coder(engine, store, options);
  RunTotals totals;  // only the writer touches it until it has finished
  Status failure = Status::Ok();
  auto write = [&](CodedBatch& batch) -> bool {
    int64_t stored = 0;
    for (EventSink* sink : sinks) {
      auto written = sink->Write(batch);
      if (!written.ok()) {
        failure = written.status();
        return false;
      }
      stored += *written;
    }
    CountBatch(batch, stored, &totals);
    if (on_batch) on_batch(batch, totals);
    return true;
  };
  Status read = Status::Ok();
  {
    // Three stages at once: reading and preparing the next batch, coding
    // this one on all threads, writing the last.
    BatchWriter writer(write);
    BatchReader reader(source, coder);
    for (CodedBatch batch; reader.Next(&batch);) {
      coder.CodePrepared(&batch.articles);
      if (!writer.Push(std::move(batch))) break;
    }
    reader.Stop();
    read = reader.status();
    writer.Finish();
  }
  for (EventSink* sink : sinks) {
    const Status closed = sink->Close();
    if (failure.ok() && read.ok() && !closed.ok()) failure = closed;
  }
  if (!read.ok()) return read;
  if (!failure.ok()) return failure;
  return totals;
}

}  // namespace palmyra
