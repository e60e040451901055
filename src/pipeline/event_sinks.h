// The sinks of a run (batch_runner.h): events as JSON Lines or text to a
// stream, and articles with their events into a store.
#ifndef PALMYRA_PIPELINE_EVENT_SINKS_H_
#define PALMYRA_PIPELINE_EVENT_SINKS_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/batch_runner.h"
#include "store/event_store.h"

namespace palmyra {

// Events, in input order, as JSON Lines (the output contract) or as text for
// people, handed to `write` about a megabyte at a time.
class StreamSink : public EventSink {
 public:
  enum class Format { kJsonLines, kText };
  StreamSink(Format format, std::function<void(std::string_view)> write)
      : format_(format), write_(std::move(write)) {}
  Result<int64_t> Write(const CodedBatch& batch) override;

 private:
  Format format_;
  std::function<void(std::string_view)> write_;
  std::string buffer_;
};

// Articles and events into Palmyra's database (SQLite or PostgreSQL), a
// batch a transaction: a run killed during a write leaves the database as
// it was before the batch (SQLite's search index takes the articles of a
// run's batches about a thousand at a time, and the rest at Close; those of
// a killed run are indexed by the next run that writes). What is stored is
// looked up on a connection of
// its own, so lookups for the next batch go on while this one is written.
// A transaction that fails for a reason that may not recur (a deadlock, a
// serialization failure, the same article stored by another writer at the
// same time) is retried.
class StoreSink : public EventSink {
 public:
  // Opens (creating it if need be) the SQLite database at `path`.
  static Result<std::unique_ptr<StoreSink>> OpenSqlite(const std::string& path);
  // Connects to a PostgreSQL database, creating the schema if need be.
  static Result<std::unique_ptr<StoreSink>> OpenPostgres(const std::string& conninfo);
  bool keeps_articles() const override { return true; }
  Result<bool> IsStored(const Document& doc) override { return lookup_->IsStored(doc); }
  Result<std::optional<std::string>> FindNearDuplicate(const MinHash& signature) override {
    return lookup_->FindNearDuplicate(signature);
  }
  Result<int64_t> Write(const CodedBatch& batch) override;
  // Indexes for search the articles still waiting for it.
  Status Close() override;
  const std::string& name() const { return writer_->path(); }

 private:
  StoreSink(std::unique_ptr<EventStore> writer, std::unique_ptr<EventStore> lookup)
      : writer_(std::move(writer)), lookup_(std::move(lookup)) {}
  // *transient: it failed for a reason that may not recur.
  Result<int64_t> WriteOnce(const CodedBatch& batch, bool* transient);
  std::unique_ptr<EventStore> writer_, lookup_;
};

}  // namespace palmyra

#endif  // PALMYRA_PIPELINE_EVENT_SINKS_H_
