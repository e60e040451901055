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

Result<std::unique_ptr<StoreSink>> StoreSink::OpenSqlite(const std::string& path) {
  ASSIGN_OR_RETURN(auto writer, EventStore::Open(path));
  ASSIGN_OR_RETURN(auto lookup, EventStore::OpenForReading(path));
  return std::unique_ptr<StoreSink>(new StoreSink(std::move(writer), std::move(lookup)));
}

Result<std::unique_ptr<StoreSink>> StoreSink::OpenPostgres(const std::string& conninfo) {
  ASSIGN_OR_RETURN(auto writer, EventStore::OpenPostgres(conninfo));
  ASSIGN_OR_RETURN(auto lookup, EventStore::OpenPostgres(conninfo, /*for_reading=*/true));
  return std::unique_ptr<StoreSink>(new StoreSink(std::move(writer), std::move(lookup)));
}

Result<int64_t> StoreSink::Write(const CodedBatch& batch) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    bool transient = false;
    auto written = WriteOnce(batch, &transient);
    if (written.ok() || attempt == kAttempts || !transient) return written;
  }
}

Status StoreSink::Close() { return writer_->IndexPendingArticles(); }

Result<int64_t> StoreSink::WriteOnce(const CodedBatch& batch, bool* transient) {
  int64_t stored = 0;
  Status written = writer_->Begin();
  std::vector<ArticleLinks> links;
  links.reserve(batch.articles.size());
  std::vector<ArticleToStore> articles;
  for (const CodedArticle& article : batch.articles) {
    if (article.stored || !article.error.empty()) continue;
    links.push_back({article.signature, article.duplicate_of});
    articles.push_back({&article.doc, &article.stats, &article.events, &links.back()});
  }
  if (written.ok()) {
    auto put = writer_->PutBatch(articles);
    if (put.ok()) {
      stored = *put;
    } else {
      written = put.status();
    }
  }
  if (written.ok()) {
    written = writer_->Commit(batch.more_follow ? EventStore::SearchIndex::kWhenDue
                                                : EventStore::SearchIndex::kNow);
  }
  if (!written.ok()) {
    *transient = writer_->LastErrorIsTransient();
    (void)writer_->Rollback();
    return written;
  }
  return stored;
}

}  // namespace palmyra
