// Writing a batch of articles into PostgreSQL in a few round trips: the
// same rows as EventStore::Put writes one statement at a time in SQLite,
// here looked up with arrays, numbered from the tables' sequences and
// copied in with COPY. The caller holds the transaction.
//
// Several writers may write at once. Rows they share are upserted in one
// order (actors, then places, each sorted by key), and happenings, merged
// across articles, under a transaction-level advisory lock at the end, so
// that two writers never wait for each other in a cycle; two writers
// storing the same article at once collide on its doc_id, and the later
// one's transaction is retried (PgConnection::LastErrorIsTransient).
#ifndef PALMYRA_STORE_PG_BATCH_WRITER_H_
#define PALMYRA_STORE_PG_BATCH_WRITER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "palmyra/code_stats.h"
#include "palmyra/document.h"
#include "palmyra/event.h"
#include "palmyra/status.h"
#include "store/event_store.h"
#include "store/pg_connection.h"

namespace palmyra {

class PgBatchWriter {
 public:
  explicit PgBatchWriter(PgConnection& db) : db_(db) {}

  // Stores the articles as Put would, one after the other; returns how
  // many were stored (not stored already unchanged).
  Result<int64_t> Write(const std::vector<ArticleToStore>& articles);
  // After the transaction: the ids of actors and places it added are kept,
  // or, rolled back, forgotten.
  void Committed();
  void RolledBack();
  // Whether the tables have grown enough since their statistics were last
  // gathered that the planner may misjudge lookups (it would scan a table
  // it believes tiny); the caller then runs ANALYZE and says so.
  bool WantsAnalyze() const { return written_ >= 100 && written_ >= analyzed_at_; }
  void Analyzed() {
    analyzed_at_ += written_;
    written_ = 0;
  }

 private:
  using ActorKey = std::tuple<std::string, std::string, std::string>;
  using PlaceKey = std::tuple<int64_t, std::string, std::string, std::string, std::string>;
  struct NewEvent {
    const Event* e;
    int64_t article;  // its article's row
    const Document* doc;
  };
  // Which articles of a batch to write (indexes), with their content
  // hashes, the rows of stored articles they replace, and how many Put
  // would have stored.
  struct Plan {
    std::vector<size_t> write;
    std::vector<std::string> hashes;
    std::vector<int64_t> stale;
    int64_t count = 0;
  };
  Result<Plan> PlanBatch(const std::vector<ArticleToStore>& articles);
  // The rows of the stored articles of these doc_ids.
  Result<std::unordered_map<std::string, int64_t>> StoredRows(
      const std::vector<std::string>& doc_ids);
  // Leaves out the events whose event_id is stored already.
  Status DropStoredEvents(std::vector<NewEvent>* events);
  Status Error(const std::string& what) const;
  // `replaced`: articles were replaced, whose happenings may be left empty.
  Status WriteEvents(const std::vector<NewEvent>& events, bool replaced);
  // Waits for the other writers' happenings (see above); `replaced`: then
  // drops the happenings that replaced articles left without events.
  Status LockHappenings(bool replaced);
  Status WriteHappenings(const std::vector<NewEvent>& events, const std::vector<int64_t>& rows,
                         const std::function<std::optional<int64_t>(const Event&)>& place_of);
  int64_t ActorRow(const ActorKey& key) const;
  int64_t PlaceRow(const PlaceKey& key) const;
  // Ids of actors and places, inserted when new; kept across batches (rows
  // of these tables are never deleted).
  Status AddActors(const std::vector<const ActorRef*>& actors);
  Status AddPlaces(const std::vector<const Location*>& places);
  // `count` new ids from the identity sequence of `table`.
  Result<std::vector<int64_t>> NewIds(const char* table, size_t count);
  // Copies rows (COPY's text format, one a line) into `table`(`columns`).
  Status Copy(const char* table, const char* columns, const std::string& rows);

  PgConnection& db_;
  std::map<ActorKey, int64_t> actors_, new_actors_;  // committed; added in this transaction
  std::map<PlaceKey, int64_t> places_, new_places_;
  int64_t pending_ = 0;      // articles written in this transaction
  int64_t written_ = 0;      // committed since the last ANALYZE
  int64_t analyzed_at_ = 0;  // articles this writer had written then
};

// Values for a PostgreSQL array parameter ("{"a","b"}"); and a field of
// COPY's text format (tabs, line ends and backslashes escaped).
std::string PostgresArray(const std::vector<std::string>& values);
void AppendCopyField(std::string_view value, std::string* out);

}  // namespace palmyra

#endif  // PALMYRA_STORE_PG_BATCH_WRITER_H_
