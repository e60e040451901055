// ArticleQueue: articles on a NATS JetStream stream, for many workers to
// code (palmyra enqueue, palmyra worker).
//
// Articles are published to one subject of a work-queue stream, one JSON
// object each (the fields of a JSON Lines input record), with the message
// id "doc_id:content hash": JetStream drops an article sent again within
// its de-duplication window. Workers pull from one shared durable consumer
// and acknowledge each message (synchronously) only once its article is
// committed to the database; a worker that dies leaves its messages
// unacknowledged, and the server hands them to another after the
// consumer's ack wait. A message that cannot be read as an article, or
// whose coding fails `max_deliver` times, is published with its error to
// the dead-letter subject (kept by a stream of its own) and terminated.
#ifndef PALMYRA_QUEUE_ARTICLE_QUEUE_H_
#define PALMYRA_QUEUE_ARTICLE_QUEUE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "palmyra/document.h"
#include "palmyra/status.h"

struct __natsConnection;
struct __jsCtx;
struct __natsSubscription;
struct __natsMsg;

namespace palmyra {

struct QueueOptions {
  std::string url = "nats://127.0.0.1:4222";
  std::string stream = "PALMYRA";
  std::string subject = "palmyra.articles";
  std::string dead_stream = "PALMYRA_DEAD";
  std::string dead_subject = "palmyra.dead";
  std::string consumer = "palmyra-workers";
  int64_t ack_wait_ms = 300000;           // a worker silent this long is taken for dead
  int max_deliver = 5;                    // codings that fail before a message is dead-lettered
  int64_t duplicate_window_ms = 3600000;  // JetStream's de-duplication by message id
};

// A message pulled from the queue, with its article.
class QueuedArticle {
 public:
  QueuedArticle(__natsMsg* msg, Document doc, std::string error, uint64_t deliveries)
      : msg_(msg), doc_(std::move(doc)), error_(std::move(error)), deliveries_(deliveries) {}
  ~QueuedArticle();
  QueuedArticle(QueuedArticle&& other) noexcept;
  QueuedArticle(const QueuedArticle&) = delete;
  QueuedArticle& operator=(const QueuedArticle&) = delete;
  QueuedArticle& operator=(QueuedArticle&&) = delete;

  const Document& doc() const { return doc_; }
  Document& doc() { return doc_; }
  // Why the message is not an article ("" when it is).
  const std::string& error() const { return error_; }
  // How often it has been delivered, this time included.
  uint64_t deliveries() const { return deliveries_; }
  __natsMsg* msg() const { return msg_; }

 private:
  __natsMsg* msg_;
  Document doc_;
  std::string error_;
  uint64_t deliveries_;
};

// What publishing came to.
struct PublishTotals {
  int64_t published = 0;   // stored by the stream
  int64_t duplicates = 0;  // dropped by JetStream as sent before
  int64_t failed = 0;
  std::string first_error;
};

struct PublishCounts;

class ArticleQueue {
 public:
  // Connects and makes the streams when they do not exist. Fails naming the
  // server.
  static Result<std::unique_ptr<ArticleQueue>> Connect(const QueueOptions& options);
  ~ArticleQueue();
  ArticleQueue(const ArticleQueue&) = delete;
  ArticleQueue& operator=(const ArticleQueue&) = delete;

  // Publishing: hands the article over without waiting for its
  // acknowledgment; Flush waits for all of them.
  Status Publish(const Document& doc);
  Result<PublishTotals> Flush();

  // Consuming: makes the shared durable consumer if need be, and binds to it.
  Status Subscribe();
  // Up to `max` messages, waiting at most `timeout_ms` for the first.
  Result<std::vector<QueuedArticle>> Fetch(int max, int64_t timeout_ms);
  // Done with: acknowledged and confirmed by the server.
  Status Ack(const QueuedArticle& a);
  // To be delivered again (to any worker) after `delay_ms`.
  Status Retry(const QueuedArticle& a, int64_t delay_ms);
  // Published with `error` to the dead-letter subject, then terminated.
  Status DeadLetter(const QueuedArticle& a, const std::string& error);
  // Whether the consumer has nothing left: none pending, none unacknowledged.
  Result<bool> Drained();

 private:
  explicit ArticleQueue(QueueOptions options);
  Status Error(const std::string& what, int status, int js_error = 0) const;
  Status MakeStream(const std::string& name, const std::string& subject, bool work_queue);

  QueueOptions options_;
  __natsConnection* nc_ = nullptr;
  __jsCtx* js_ = nullptr;
  __natsSubscription* sub_ = nullptr;
  std::unique_ptr<PublishCounts> counts_;  // publish acknowledgments, as they come
};

// An article as a message body (JSON), and back.
std::string ArticleMessage(const Document& doc);
Status ParseArticleMessage(std::string_view body, Document* doc);

}  // namespace palmyra

#endif  // PALMYRA_QUEUE_ARTICLE_QUEUE_H_
