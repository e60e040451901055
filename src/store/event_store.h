// EventStore: Palmyra's database of articles, their sentences, events,
// actors, places, mentions and quantities. In SQLite: one file, WAL
// journal, foreign keys on; the schema (version 2) is EventStoreSchema() and
// in the README. In PostgreSQL (OpenPostgres): the same tables, with places
// also as PostGIS points and full-text search in a tsvector column.
//
// Writing is idempotent: an article is keyed by its doc_id and a hash of its
// content, so storing the same article again changes nothing, and a changed
// article replaces the old one with its events. Articles are written in
// transactions (Begin/Commit); a run killed during a write leaves the
// database as it was at the last commit, and the next run stores what is
// missing.
//
// Not thread-safe: one EventStore per thread.
#ifndef PALMYRA_STORE_EVENT_STORE_H_
#define PALMYRA_STORE_EVENT_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "merge/near_duplicates.h"
#include "palmyra/code_stats.h"
#include "palmyra/date.h"
#include "palmyra/document.h"
#include "palmyra/event.h"
#include "palmyra/status.h"
#include "store/sql_connection.h"

namespace palmyra {

// The SQLite schema (tables, view, indexes) as SQL.
std::string EventStoreSchema();

// Which events to read: all by default. `actor` is a code or its start
// ("RUS", "SYRREB") of the source or target; `type` a PLOVER type
// ("ASSAULT") or a CAMEO code or its start ("19"); `country` an actor's
// country or the place's.
struct EventFilter {
  std::optional<Date> from, to;
  std::string actor, type, country;
  std::string source, target;              // code prefixes of the source and of the target
  std::string place_country;               // where it happened (ISO alpha-3)
  std::vector<std::string> modalities;     // "asserted", "reported", ...; empty: all
  std::optional<DatePrecision> precision;  // dated at least this finely
  std::string event_id;                    // that event alone
  std::string cameo;                       // a CAMEO code or its start
  int64_t happening = 0;                   // the events of that happening
  std::string text;                        // words its article holds (full-text search)
  // Its place lies in this box: west, south, east, north (degrees).
  std::optional<std::array<double, 4>> bbox;
};

// The time now, UTC, as the store writes it: "2026-12-06T21:50:00Z".
std::string NowUtc();

// Whether `filter` lets `e` through, as EventStore::ForEachEvent would.
bool EventMatches(const EventFilter& filter, const Event& e);

// The happening an event was merged into (events of the same day, source,
// target, PLOVER type and place), with what reports it.
struct HappeningCounts {
  int64_t id = 0;
  int64_t mentions = 1, sentences = 1, articles = 1, sources = 1;
};

// The article an event was read from, and the event's happening.
struct StoredArticle {
  std::string doc_id, url, source, title;
  std::optional<Date> published;
  HappeningCounts happening;
  std::string stored_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  // Where the lead paragraph ends: the byte offset of the first blank line
  // in the text, else of its first line end, else its length.
  int64_t lead_end = 0;
  std::string sentence;        // the text of the event's sentence
  int64_t sentence_start = 0;  // where it starts in the article's text (bytes)
};

// How an article relates to others: its MinHash signature (for finding
// near-duplicates later) and, when it is a near-duplicate, the doc_id of the
// stored article it copies (it is then stored, linked, without events).
struct ArticleLinks {
  std::optional<MinHash> signature;
  std::string duplicate_of;
};

// Counts for `palmyra stats`, each list largest first.
struct StoreCounts {
  int64_t articles = 0, sentences = 0, events = 0, actors = 0, places = 0;
  std::vector<std::pair<std::string, int64_t>> by_day, by_type, by_actor, by_country;
};

// One page of events: at most the number asked for, each with its row
// number; `next` is the last row's number when more follow, else 0.
struct EventPage {
  std::vector<std::pair<Event, StoredArticle>> events;
  std::vector<int64_t> rows;
  int64_t next = 0;
};

// A row of EventStore::Aggregate: each column as text and as a number.
struct AggregateRow {
  std::vector<std::string> text;
  std::vector<double> number;
  std::vector<bool> null;
};

// A stored article, as read back.
struct ArticleRecord {
  std::string doc_id, url, source, title, text, stored_at;
  std::optional<Date> published;
  std::string duplicate_of;  // the doc_id of the article it copies, if any
  std::vector<std::string> event_ids;
};

// One article to store, as EventStore::Put takes it.
struct ArticleToStore {
  const Document* doc = nullptr;
  const CodeStats* stats = nullptr;
  const std::vector<Event>* events = nullptr;
  const ArticleLinks* links = nullptr;
};

class PgBatchWriter;

class EventStore {
 public:
  // Opens the database at `path`, creating it (and its schema) when the file
  // does not exist or is empty. Fails with a message naming the file when it
  // is not an SQLite database, or is one of another program.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path);
  // Opens an existing database to read it only (export, stats, show): never
  // creates, migrates or writes anything; fails, naming the file, when it
  // does not exist or is not a Palmyra database. Works on read-only files
  // and media.
  static Result<std::unique_ptr<EventStore>> OpenForReading(const std::string& path);
  // Connects to a PostgreSQL database (a libpq connection string) and
  // creates the same schema in it when it has none, PostGIS with it;
  // `for_reading`: only checks the schema is there. Fails naming the
  // database.
  static Result<std::unique_ptr<EventStore>> OpenPostgres(const std::string& conninfo,
                                                          bool for_reading = false);
  ~EventStore();

  // Whether `doc` is stored with this very content.
  Result<bool> IsStored(const Document& doc);

  // SQLite's full-text index takes stored articles at the end of a
  // transaction: kNow all of them, kWhenDue only once kSearchIndexBatch
  // wait (indexing many at once costs less than a few each time), the
  // others at a later commit or IndexPendingArticles. A run killed before
  // they are indexed leaves them for the next Open to find.
  enum class SearchIndex { kNow, kWhenDue };
  static constexpr int64_t kSearchIndexBatch = 1024;
  Status Begin();
  Status Commit(SearchIndex index = SearchIndex::kNow);
  Status Rollback();
  // Indexes, in a transaction of its own, the articles still waiting.
  Status IndexPendingArticles();
  // Whether the last failure was a deadlock, a serialization failure, a
  // busy database or a row another writer stored meanwhile: the
  // transaction may be retried.
  bool LastErrorIsTransient() const { return db_->LastErrorIsTransient(); }

  // The doc_id of a stored article (not itself a copy) that `signature`'s
  // text nearly duplicates, if any.
  Result<std::optional<std::string>> FindNearDuplicate(const MinHash& signature);

  // Stores the article, its sentences (stats.sentence_spans) and events,
  // each event merged into its happening, replacing a stored article of the
  // same doc_id whose content differs. Returns false when the same article
  // was stored already (nothing written).
  Result<bool> Put(const Document& doc, const CodeStats& stats, const std::vector<Event>& events,
                   const ArticleLinks& links = {});

  // Stores the articles as Put would, one after the other, in a few round
  // trips in PostgreSQL; returns how many were stored.
  Result<int64_t> PutBatch(const std::vector<ArticleToStore>& articles);

  // Calls `each` for every stored event that `filter` lets through, in the
  // order the articles were stored and the events found.
  Status ForEachEvent(const EventFilter& filter,
                      const std::function<void(const Event&, const StoredArticle&)>& each);

  // The events `filter` lets through whose row number is above `after`,
  // by row number, at most `limit` of them.
  Result<EventPage> Page(const EventFilter& filter, int64_t after, int limit);

  // Runs "SELECT columns FROM <events and what they join> WHERE <filter>
  // rest" and calls `each` for each row: counts and sums over the events
  // `filter` lets through. The aliases are e (events), a (articles), st
  // (sentences), he (happening_events), sm, sa,
  // tm, ta (the source's and target's mentions and actors), p (places).
  // `columns` and `rest` are the caller's SQL, never a user's words.
  Status Aggregate(const EventFilter& filter, const std::string& columns, const std::string& rest,
                   const std::function<void(const AggregateRow&)>& each);

  // The stored article with this doc_id, if any.
  Result<std::optional<ArticleRecord>> Article(const std::string& doc_id);

  Result<StoreCounts> Counts(size_t top = 20);

  const std::string& path() const { return path_; }
  SqlDialect dialect() const { return db_->dialect(); }

 private:
  EventStore(std::unique_ptr<SqlConnection> db, std::string path);
  // The path as a file: URI, with the characters URIs reserve escaped.
  static std::string UriPath(const std::string& path);
  Status Exec(const char* sql);
  // Runs an EventQuery and calls `each` with each row's number, event (with
  // its quantities) and article, until it returns false.
  Status ReadEvents(const std::string& sql, const std::vector<std::string>& values,
                    const std::function<bool(int64_t, Event, StoredArticle)>& each);
  // Brings a database of an older schema version to this one.
  Status Migrate();
  Status MigrateToVersion3();
  // Adds the articles stored since the last call to SQLite's full-text
  // index (one statement, one index segment), in the open transaction.
  Status IndexNewArticles();
  // Adds the articles from `id` on (`only`: article `id`) that SQLite's
  // full-text index does not hold to it.
  Status IndexArticles(int64_t id, bool only);
  // The articles after the last one the full-text index holds.
  Status FindUnindexedArticles();
  // A statement prepared once and kept; nullptr when `sql` does not prepare.
  SqlStatement* Cached(const char* sql);
  Status Error(const std::string& what) const;
  Result<int64_t> ActorId(const ActorRef& actor);
  Result<int64_t> PlaceId(const Location& location);
  // Deletes the stored article of doc's id when its content differs; false
  // when the same content is stored already.
  Result<bool> DropStale(const Document& doc, const std::string& hash);
  // The article's row (and its MinHash bands unless it is a copy of
  // `original`).
  Result<int64_t> InsertArticle(const Document& doc, const std::string& hash,
                                const ArticleLinks& links, std::optional<int64_t> original);
  Status InsertSentences(int64_t article_id, const CodeStats& stats);
  // An event with its actors and quantities, merged into its happening (the
  // same day, actors, type and place).
  Status InsertEvent(const Event& e, int64_t article_id, const std::optional<Date>& published);
  Status InsertParts(const Event& e, int64_t event_row);
  // Runs an INSERT; the row it made, nullopt when a conflict left it out.
  Result<std::optional<int64_t>> InsertedRow(Statement& insert);

  std::unique_ptr<SqlConnection> db_;
  std::string path_;          // the file, or the PostgreSQL database, as messages name it
  bool acled_detail_ = true;  // has the ACLED columns of schema version 2
  std::unordered_map<std::string, std::unique_ptr<SqlStatement>> cache_;
  std::unique_ptr<PgBatchWriter> batch_writer_;  // PostgreSQL's PutBatch
  bool in_transaction_ = false;                  // between Begin and Commit or Rollback
  int64_t unindexed_from_ = 0;      // SQLite: the first article not yet in the search index
  int64_t unindexed_at_begin_ = 0;  // what it was when the transaction began
  int64_t last_article_ = 0;        // the last article stored
};

// A hash of everything of a document that coding reads, as hex.
std::string ContentHash(const Document& doc);

}  // namespace palmyra

#endif  // PALMYRA_STORE_EVENT_STORE_H_
