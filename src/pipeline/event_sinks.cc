#include "pipeline/event_sinks.h"

#include "store/event_json.h"
#include "store/event_text.h"

namespace palmyra {

Result<int64_t> StreamSink::Write(const CodedBatch& batch) {
  for (const CodedArticle& article : batch.articles) {
    if (article.stored || !article.duplicate_of.empty() || !article.error.empty()) continue;
    for (const Event& e : article.events) {
      if (format_ == Format::kJsonLines) {
        AppendEventJson(e, &buffer_);
      } else {
        AppendEventText(e, &buffer_);
      }
      if (buffer_.size() >= (size_t{1} << 20)) {
        write_(buffer_);
        buffer_.clear();
      }
    }
  }
  if (!buffer_.empty()) write_(buffer_);
  buffer_.clear();
  return int64_t{0};
}

Result<std::unique_ptr<SqliteSink>> SqliteSink::Open(const std::string& path) {
  ASSIGN_OR_RETURN(auto writer, EventStore::Open(path));
  ASSIGN_OR_RETURN(auto lookup, EventStore::OpenForReading(path));
  return std::unique_ptr<SqliteSink>(new SqliteSink(std::move(writer), std::move(lookup)));
}

Result<int64_t> SqliteSink::Write(const CodedBatch& batch) {
  int64_t stored = 0;
  Status written = writer_->Begin();
  for (const CodedArticle& article : batch.articles) {
    if (!written.ok()) break;
    if (article.stored || !article.error.empty()) continue;
    auto put = writer_->Put(article.doc, article.stats, article.events,
                            {article.signature, article.duplicate_of});
    if (!put.ok()) written = put.status();
    if (put.ok() && *put) ++stored;
  }
  if (written.ok()) written = writer_->Commit();
  if (!written.ok()) {
    (void)writer_->Rollback();
    return written;
  }
  return stored;
}

}  // namespace palmyra
