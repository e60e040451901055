#include "queue/article_queue.h"

#include <nats/nats.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "ingest/document_source.h"
#include "store/event_store.h"

namespace palmyra {

// Counted by the library's acknowledgment callback, on its thread.
struct PublishCounts {
  std::mutex mutex;
  PublishTotals totals;
};

namespace {

constexpr int64_t kNanosPerMilli = 1000000;

void OnPublished(jsCtx*, natsMsg* msg, jsPubAck* pa, jsPubAckErr* pae, void* closure) {
  auto* counts = static_cast<PublishCounts*>(closure);
  {
    std::lock_guard<std::mutex> lock(counts->mutex);
    PublishTotals& t = counts->totals;
    if (pa != nullptr) {
      ++(pa->Duplicate ? t.duplicates : t.published);
    } else {
      ++t.failed;
      if (t.first_error.empty() && pae != nullptr) {
        t.first_error = pae->ErrText != nullptr ? pae->ErrText : natsStatus_GetText(pae->Err);
      }
    }
  }
  natsMsg_Destroy(msg);
}

}  // namespace

QueuedArticle::~QueuedArticle() { natsMsg_Destroy(msg_); }

QueuedArticle::QueuedArticle(QueuedArticle&& other) noexcept
    : msg_(other.msg_),
      doc_(std::move(other.doc_)),
      error_(std::move(other.error_)),
      deliveries_(other.deliveries_) {
  other.msg_ = nullptr;
}

std::string ArticleMessage(const Document& doc) {
  nlohmann::json j = {{"id", doc.id},
                      {"url", doc.url},
                      {"source", doc.source},
                      {"title", doc.title},
                      {"text", doc.text}};
  if (doc.published) j["date"] = doc.published->ToString();
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status ParseArticleMessage(std::string_view body, Document* doc) {
  std::vector<IngestProblem> warnings;
  return ParseJsonArticle(body, "message", doc, &warnings);
}

Status ArticleQueue::Error(const std::string& what, int status, int js_error) const {
  std::string message =
      options_.url + ": " + what + ": " + natsStatus_GetText(static_cast<natsStatus>(status));
  if (js_error != 0) message += " (JetStream error " + std::to_string(js_error) + ")";
  const char* last = nats_GetLastError(nullptr);
  if (last != nullptr && *last != '\0') message += ": " + std::string(last);
  return IoError(message);
}

Result<std::unique_ptr<ArticleQueue>> ArticleQueue::Connect(const QueueOptions& options) {
  std::unique_ptr<ArticleQueue> q(new ArticleQueue(options));
  natsOptions* o = nullptr;
  natsStatus s = natsOptions_Create(&o);
  if (s == NATS_OK) s = natsOptions_SetURL(o, options.url.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(o, 5000);
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(o, 60);
  if (s == NATS_OK) s = natsConnection_Connect(&q->nc_, o);
  natsOptions_Destroy(o);
  if (s != NATS_OK) return q->Error("cannot connect to NATS", s);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = 10000;
  jo.PublishAsync.AckHandler = OnPublished;
  jo.PublishAsync.AckHandlerClosure = q->counts_.get();
  jo.PublishAsync.MaxPending = 4096;
  s = natsConnection_JetStream(&q->js_, q->nc_, &jo);
  if (s != NATS_OK) return q->Error("cannot use JetStream", s);
  RETURN_IF_ERROR(q->MakeStream(options.stream, options.subject, /*work_queue=*/true));
  RETURN_IF_ERROR(q->MakeStream(options.dead_stream, options.dead_subject, /*work_queue=*/false));
  return q;
}

ArticleQueue::ArticleQueue(QueueOptions options)
    : options_(std::move(options)), counts_(std::make_unique<PublishCounts>()) {}

ArticleQueue::~ArticleQueue() {
  if (sub_ != nullptr) natsSubscription_Destroy(sub_);
  if (js_ != nullptr) jsCtx_Destroy(js_);
  if (nc_ != nullptr) natsConnection_Destroy(nc_);
}

Status ArticleQueue::MakeStream(const std::string& name, const std::string& subject,
                                bool work_queue) {
  jsStreamInfo* info = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&info, js_, name.c_str(), nullptr, &jerr);
  jsStreamInfo_Destroy(info);
  if (s == NATS_OK) return Status::Ok();
  if (jerr != JSStreamNotFoundErr && s != NATS_NOT_FOUND)
    return Error("cannot look up stream " + name, s, jerr);
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  const char* subjects[] = {subject.c_str()};
  config.Name = name.c_str();
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Storage = js_FileStorage;
  config.Retention = work_queue ? js_WorkQueuePolicy : js_LimitsPolicy;
  if (work_queue) config.Duplicates = options_.duplicate_window_ms * kNanosPerMilli;
  info = nullptr;
  s = js_AddStream(&info, js_, &config, nullptr, &jerr);
  jsStreamInfo_Destroy(info);
  // Another process may have made it meanwhile.
  if (s != NATS_OK && jerr != JSStreamNameExistErr)
    return Error("cannot make stream " + name, s, jerr);
  return Status::Ok();
}

Status ArticleQueue::Publish(const Document& doc) {
  const std::string body = ArticleMessage(doc);
  const std::string id = doc.id + ":" + ContentHash(doc);
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MsgId = id.c_str();
  const natsStatus s = js_PublishAsync(js_, options_.subject.c_str(), body.data(),
                                       static_cast<int>(body.size()), &po);
  if (s != NATS_OK) return Error("cannot publish " + doc.id, s);
  return Status::Ok();
}

Result<PublishTotals> ArticleQueue::Flush() {
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = 60000;
  const natsStatus s = js_PublishAsyncComplete(js_, &po);
  if (s != NATS_OK) return Error("publishing did not complete", s);
  std::lock_guard<std::mutex> lock(counts_->mutex);
  return counts_->totals;
}

Status ArticleQueue::Subscribe() {
  jsErrCode jerr = static_cast<jsErrCode>(0);
  jsConsumerInfo* info = nullptr;
  natsStatus s = js_GetConsumerInfo(&info, js_, options_.stream.c_str(), options_.consumer.c_str(),
                                    nullptr, &jerr);
  jsConsumerInfo_Destroy(info);
  if (s != NATS_OK) {
    if (jerr != JSConsumerNotFoundErr && s != NATS_NOT_FOUND)
      return Error("cannot look up consumer " + options_.consumer, s, jerr);
    jsConsumerConfig config;
    jsConsumerConfig_Init(&config);
    config.Durable = options_.consumer.c_str();
    config.AckPolicy = js_AckExplicit;
    config.AckWait = options_.ack_wait_ms * kNanosPerMilli;
    config.FilterSubject = options_.subject.c_str();
    config.MaxAckPending = 20000;
    info = nullptr;
    s = js_AddConsumer(&info, js_, options_.stream.c_str(), &config, nullptr, &jerr);
    jsConsumerInfo_Destroy(info);
    // Another worker may have made it meanwhile: then it is there to bind to.
    if (s != NATS_OK && jerr != JSConsumerNameExistErr && jerr != JSConsumerExistingActiveErr) {
      jsConsumerInfo* again = nullptr;
      const natsStatus found = js_GetConsumerInfo(&again, js_, options_.stream.c_str(),
                                                  options_.consumer.c_str(), nullptr, nullptr);
      jsConsumerInfo_Destroy(again);
      if (found != NATS_OK) return Error("cannot make consumer " + options_.consumer, s, jerr);
    }
  }
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = options_.stream.c_str();
  so.Consumer = options_.consumer.c_str();
  s = js_PullSubscribe(&sub_, js_, options_.subject.c_str(), options_.consumer.c_str(), nullptr,
                       &so, &jerr);
  if (s != NATS_OK) return Error("cannot subscribe to " + options_.consumer, s, jerr);
  return Status::Ok();
}

Result<std::vector<QueuedArticle>> ArticleQueue::Fetch(int max, int64_t timeout_ms) {
  std::vector<QueuedArticle> out;
  natsMsgList list{};
  jsErrCode jerr = static_cast<jsErrCode>(0);
  const natsStatus s = natsSubscription_Fetch(&list, sub_, max, timeout_ms, &jerr);
  if (s == NATS_TIMEOUT) return out;
  if (s != NATS_OK) return Error("cannot fetch articles", s, jerr);
  for (int i = 0; i < list.Count; ++i) {
    natsMsg* msg = list.Msgs[i];
    list.Msgs[i] = nullptr;  // owned by the QueuedArticle from here
    uint64_t deliveries = 1;
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) deliveries = meta->NumDelivered;
    jsMsgMetaData_Destroy(meta);
    Document doc;
    const Status parsed = ParseArticleMessage(
        std::string_view(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg))),
        &doc);
    out.emplace_back(msg, std::move(doc), parsed.ok() ? "" : parsed.message(), deliveries);
  }
  natsMsgList_Destroy(&list);
  return out;
}

Status ArticleQueue::Ack(const QueuedArticle& a) {
  jsErrCode jerr = static_cast<jsErrCode>(0);
  const natsStatus s = natsMsg_AckSync(a.msg(), nullptr, &jerr);
  if (s != NATS_OK) return Error("cannot acknowledge " + a.doc().id, s, jerr);
  return Status::Ok();
}

Status ArticleQueue::Retry(const QueuedArticle& a, int64_t delay_ms) {
  const natsStatus s = natsMsg_NakWithDelay(a.msg(), delay_ms, nullptr);
  if (s != NATS_OK) return Error("cannot return a message", s);
  return Status::Ok();
}

Status ArticleQueue::DeadLetter(const QueuedArticle& a, const std::string& error) {
  natsMsg* dead = nullptr;
  natsStatus s = natsMsg_Create(&dead, options_.dead_subject.c_str(), nullptr,
                                natsMsg_GetData(a.msg()), natsMsg_GetDataLength(a.msg()));
  if (s == NATS_OK) s = natsMsgHeader_Set(dead, "Palmyra-Error", error.c_str());
  if (s == NATS_OK) {
    s = natsMsgHeader_Set(dead, "Palmyra-Deliveries", std::to_string(a.deliveries()).c_str());
  }
  jsErrCode jerr = static_cast<jsErrCode>(0);
  if (s == NATS_OK) s = js_PublishMsg(nullptr, js_, dead, nullptr, &jerr);
  natsMsg_Destroy(dead);
  if (s != NATS_OK) return Error("cannot dead-letter a message", s, jerr);
  s = natsMsg_Term(a.msg(), nullptr);
  if (s != NATS_OK) return Error("cannot terminate a message", s);
  return Status::Ok();
}

Result<bool> ArticleQueue::Drained() {
  jsConsumerInfo* info = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetConsumerInfo(&info, js_, options_.stream.c_str(),
                                          options_.consumer.c_str(), nullptr, &jerr);
  if (s != NATS_OK) return Error("cannot read consumer " + options_.consumer, s, jerr);
  const bool drained = info->NumPending == 0 && info->NumAckPending == 0;
  jsConsumerInfo_Destroy(info);
  return drained;
}

}  // namespace palmyra
