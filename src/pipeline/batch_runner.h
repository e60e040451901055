// The run loop of every front end that codes many articles (palmyra code,
// palmyra worker, palmyra watch):
//
//   read -> skip what the store has -> link near-duplicates -> code -> sinks
//
// Articles go in batches: looked up and linked in input order, coded on all
// threads, then handed to the sinks (JSON Lines, text, SQLite, PostgreSQL)
// in input order on a thread of their own, so coding the next batch never
// waits for a database, and the output never depends on the number of
// threads.
#ifndef PALMYRA_PIPELINE_BATCH_RUNNER_H_
#define PALMYRA_PIPELINE_BATCH_RUNNER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/document_source.h"
#include "ingest/ingest_problem.h"
#include "merge/near_duplicates.h"
#include "palmyra/code_stats.h"
#include "palmyra/document.h"
#include "palmyra/engine.h"
#include "palmyra/event.h"
#include "palmyra/status.h"

namespace palmyra {

// One article on its way through a run.
struct CodedArticle {
  Document doc;
  std::vector<Event> events;
  CodeStats stats;
  std::string error;    // why it was not coded; "" when it was
  bool lost = false;    // coding failed (memory exhausted, a bug): the run fails too
  bool stored = false;  // in the store already, unchanged: not coded again
  std::optional<MinHash> signature;
  std::string duplicate_of;  // a near-duplicate of this article: not coded
};

// A batch in input order, with what reading it reported and how far
// reading had come.
struct CodedBatch {
  std::vector<CodedArticle> articles;
  std::vector<IngestProblem> problems;
  uint64_t bytes_read = 0;
  // More batches of the same run follow at once: a store may leave work
  // that is cheaper done for many batches together (its search index) to
  // a later one, or to Close.
  bool more_follow = false;
};

// Where coded articles go.
class EventSink {
 public:
  virtual ~EventSink() = default;
  // Whether the sink keeps articles (a database): then an article it holds
  // unchanged is not coded again, and signatures are made for it to find
  // near-duplicates in later runs.
  virtual bool keeps_articles() const { return false; }
  // Whether `doc` is kept with this very content. Called before coding, on
  // the runner's thread, while Write may run on another.
  virtual Result<bool> IsStored(const Document& /*doc*/) { return false; }
  // The doc_id of a kept article that `signature`'s text nearly duplicates.
  virtual Result<std::optional<std::string>> FindNearDuplicate(const MinHash& /*signature*/) {
    return std::optional<std::string>();
  }
  // Writes a batch: every article, in order, all or nothing where the sink
  // can. Returns how many articles it newly stored (0 for a stream).
  virtual Result<int64_t> Write(const CodedBatch& batch) = 0;
  // Flushes and closes; the run fails when this fails.
  virtual Status Close() { return Status::Ok(); }
};

struct RunOptions {
  int threads = 0;               // 0: one a core
  bool keep_duplicates = false;  // code near-duplicates too, instead of linking them
  size_t batch_size = 0;         // articles a batch; 0: 32 a thread
};

// What a run did, for its summary.
struct RunTotals {
  int64_t documents = 0;  // read, whatever became of them
  int64_t coded = 0;      // coded (possibly into no event)
  int64_t sentences = 0;  // of the coded articles
  int64_t events = 0;
  int64_t unreadable = 0;  // inputs or parts of inputs that could not be read
  int64_t warnings = 0;    // reading warnings and documents' warnings
  int64_t failed = 0;      // articles that could not be coded (empty, ...)
  int64_t lost = 0;        // articles lost to memory or internal errors
  int64_t stored = 0;      // newly stored by the sinks that keep articles
  int64_t unchanged = 0;   // kept already: not coded again
  int64_t duplicates = 0;  // near-duplicates linked, not coded
};

// Codes batches. `store` (may be null) is the sink that keeps articles and
// is asked what it has; near-duplicates are looked for in the articles seen
// by this coder and in the store.
class BatchCoder {
 public:
  BatchCoder(const Engine& engine, EventSink* store, const RunOptions& options);

  // Marks what the store has, links near-duplicates, codes the rest on all
  // threads. Fails only when the store cannot be read; an article that
  // cannot be coded carries its error.
  Status Code(std::vector<CodedArticle>* batch);
  // Code's two steps: what the store has and the near-duplicates, in input
  // order on the calling thread (batches must be prepared in order, each
  // after the one before, but may be prepared while the one before is
  // coded); then the coding on all threads.
  Status Prepare(std::vector<CodedArticle>* batch);
  void CodePrepared(std::vector<CodedArticle>* batch) const;

  int threads() const { return threads_; }
  size_t batch_size() const { return batch_size_; }

 private:
  const Engine& engine_;
  EventSink* store_;
  bool keep_duplicates_;
  int threads_;
  size_t batch_size_;
  NearDuplicateIndex seen_;  // the articles of this run that are no copies
};

// Adds what `batch` did to `totals`; `stored` is what its sinks stored.
void CountBatch(const CodedBatch& batch, int64_t stored, RunTotals* totals);

// Reads `source` to its end and codes it, writing every batch to every sink.
// `on_batch` (may be empty) is called after each batch is written, on the
// writing thread, with the totals so far: for progress and messages. Fails
// when a sink fails to read or write (the batches written before stay
// written); the sinks are closed either way.
Result<RunTotals> RunBatches(
    const Engine& engine, DocumentSource& source, const std::vector<EventSink*>& sinks,
    const RunOptions& options,
    const std::function<void(const CodedBatch&, const RunTotals&)>& on_batch);

}  // namespace palmyra

#endif  // PALMYRA_PIPELINE_BATCH_RUNNER_H_
