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

// Articles and events into Palmyra's SQLite database, a batch a
// transaction: a run killed during a write leaves the database as it was
// before the batch. What is stored is looked up on a connection of its own,
// so lookups for the next batch go on while this one is written.
class SqliteSink : public EventSink {
 public:
  // Opens (creating it if need be) the database at `path`.
  static Result<std::unique_ptr<SqliteSink>> Open(const std::string& path);
  bool keeps_articles() const override { return true; }
  Result<bool> IsStored(const Document& doc) override { return lookup_->IsStored(doc); }
  Result<std::optional<std::string>> FindNearDuplicate(const MinHash& signature) override {
    return lookup_->FindNearDuplicate(signature);
  }
  Result<int64_t> Write(const CodedBatch& batch) override;

 private:
  SqliteSink(std::unique_ptr<EventStore> writer, std::unique_ptr<EventStore> lookup)
      : writer_(std::move(writer)), lookup_(std::move(lookup)) {}
  std::unique_ptr<EventStore> writer_, lookup_;
};

}  // namespace palmyra

#endif  // PALMYRA_PIPELINE_EVENT_SINKS_H_
