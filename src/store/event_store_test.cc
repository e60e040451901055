#include "store/event_store.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file.h"
#include "palmyra/engine.h"
#include "store/event_export.h"
#include "store/event_json.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

class EventStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           (std::string("palmyra_store_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  static const Engine& TheEngine() {
    static std::unique_ptr<Engine> engine = [] {
      auto e = Engine::Create(Options());
      EXPECT_TRUE(e.ok()) << e.status().ToString();
      return std::move(e).value();
    }();
    return *engine;
  }

  fs::path dir_;
};

// Articles written for these tests.
std::vector<Document> Articles() {
  std::vector<Document> docs;
  auto add = [&](const char* id, const char* date, const char* url, const char* text) {
    Document d;
    d.id = id;
    d.url = url;
    d.source = "Test Wire";
    d.title = std::string("Story ") + id;
    d.published = Date::Parse(date);
    d.text = text;
    docs.push_back(std::move(d));
  };
  add("a1", "2016-03-17", "https://wire.example/a1",
      "MOSCOW, March 17 - Russia will keep its air base near Latakia, from which its jets have "
      "flown hundreds of strikes against rebel groups, the Kremlin said on Thursday. Militants "
      "killed two Russian advisers near Palmyra last week, the defence ministry said.");
  add("a2", "2019-09-02", "https://wire.example/a2",
      "Turkish troops shelled Kurdish positions near Tal Abyad on Monday, killing at least 12 "
      "fighters, a monitoring group said. \"We will not accept this\", a Kurdish official said.");
  add("a3", "2021-05-04", "https://wire.example/a3",
      "Police arrested 40 protesters in Minsk on Tuesday. The European Union condemned the "
      "arrests and urged Belarus to release them.");
  return docs;
}

struct Coded {
  Document doc;
  CodeStats stats;
  std::vector<Event> events;
};

std::vector<Coded> CodeAll(const Engine& engine, const std::vector<Document>& docs) {
  std::vector<Coded> out;
  for (const Document& d : docs) {
    Coded c{d, {}, {}};
    auto events = engine.Code(d, &c.stats);
    EXPECT_TRUE(events.ok());
    c.events = std::move(events).value();
    out.push_back(std::move(c));
  }
  return out;
}

Status StoreAll(EventStore* store, const std::vector<Coded>& coded) {
  RETURN_IF_ERROR(store->Begin());
  for (const Coded& c : coded) {
    auto put = store->Put(c.doc, c.stats, c.events);
    if (!put.ok()) return put.status();
  }
  return store->Commit();
}

std::string ExportJsonl(EventStore* store, const EventFilter& filter = {}) {
  std::string out;
  EXPECT_TRUE(store
                  ->ForEachEvent(filter, [&](const Event& e,
                                             const StoredArticle&) { AppendEventJson(e, &out); })
                  .ok());
  return out;
}

int64_t Count(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

std::string Text(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK) {
    while (sqlite3_step(s) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(s, 0);
      out += t != nullptr ? reinterpret_cast<const char*>(t) : "NULL";
      out += "\n";
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// Runs `sql` on the database at `path` (made if missing) as another program
// would: "ok", or SQLite's message.
std::string Exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  const std::string why = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  return rc == SQLITE_OK ? std::string("ok") : why;
}

// An article of one line, stored alone (no events).
Document TextArticle(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.text = text;
  return d;
}
bool PutText(EventStore* store, const std::string& id, const std::string& text) {
  return store->Put(TextArticle(id, text), CodeStats(), {}).ok();
}

// How many articles of the database at `path` the search index finds for
// `words` (an FTS5 query).
int64_t Found(const std::string& path, const std::string& words) {
  const std::string sql =
      "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '" + words + "'";
  return Count(path, sql.c_str());
}

TEST_F(EventStoreTest, EventsComeBackExactlyAsTheyWereCoded) {
  const auto coded = CodeAll(TheEngine(), Articles());
  std::string direct;
  size_t events = 0;
  for (const Coded& c : coded) {
    for (const Event& e : c.events) AppendEventJson(e, &direct);
    events += c.events.size();
  }
  ASSERT_GE(events, 5u);  // enough to be a test
  auto store = EventStore::Open(Path("round.db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE(StoreAll(store->get(), coded).ok());
  EXPECT_EQ(ExportJsonl(store->get()), direct);
  // The sentences are the engine's.
  EXPECT_EQ(Count(Path("round.db"), "SELECT count(*) FROM sentences"),
            static_cast<int64_t>(coded[0].stats.sentence_spans.size() +
                                 coded[1].stats.sentence_spans.size() +
                                 coded[2].stats.sentence_spans.size()));
  EXPECT_EQ(Text(Path("round.db"),
                 "SELECT substr(a.text, s.start + 1, s.end - s.start) FROM sentences s JOIN "
                 "articles a ON a.id = s.article_id WHERE a.doc_id = 'a3' ORDER BY s.idx"),
            "Police arrested 40 protesters in Minsk on Tuesday.\n"
            "The European Union condemned the arrests and urged Belarus to release them.\n");
  // Full-text search over the articles.
  EXPECT_EQ(Text(Path("round.db"),
                 "SELECT a.doc_id FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE "
                 "articles_fts MATCH 'protesters'"),
            "a3\n");
  EXPECT_EQ(Text(Path("round.db"), "PRAGMA journal_mode"), "wal\n");
}

TEST_F(EventStoreTest, StoringTheSameArticleAgainChangesNothing) {
  const auto coded = CodeAll(TheEngine(), Articles());
  const std::string path = Path("same.db");
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(StoreAll(store->get(), coded).ok());
  }
  const std::string before = Text(path,
                                  "SELECT doc_id || ' ' || stored_at || ' ' || content_hash FROM "
                                  "articles ORDER BY id");
  const int64_t events = Count(path, "SELECT count(*) FROM events");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // stored_at would differ
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok());
  for (const Coded& c : coded) {
    auto stored = (*store)->IsStored(c.doc);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(*stored);
    auto put = (*store)->Put(c.doc, c.stats, c.events);
    ASSERT_TRUE(put.ok());
    EXPECT_FALSE(*put);
  }
  EXPECT_EQ(Text(path,
                 "SELECT doc_id || ' ' || stored_at || ' ' || content_hash FROM articles ORDER BY "
                 "id"),
            before);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), events);

  // A changed article replaces the old one, with its events.
  Document changed = Articles()[2];
  changed.text = "Police detained 15 students in Minsk on Wednesday.";
  EXPECT_FALSE(*(*store)->IsStored(changed));
  const auto recoded = CodeAll(TheEngine(), {changed});
  ASSERT_TRUE(StoreAll(store->get(), recoded).ok());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(Text(path, "SELECT text FROM articles WHERE doc_id = 'a3'"), changed.text + "\n");
  EXPECT_EQ(Count(path,
                  "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE "
                  "a.doc_id = 'a3'"),
            static_cast<int64_t>(recoded[0].events.size()));
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'protesters'"),
            0);
}

TEST_F(EventStoreTest, AWriterKilledMidWayLeavesAConsistentDatabaseTheNextRunCompletes) {
  // Many articles, stored ten to a transaction by a child process that is
  // killed with SIGKILL while it writes.
  const auto base = CodeAll(TheEngine(), Articles());
  std::vector<Coded> many;
  for (int i = 0; i < 600; ++i) {
    Coded c = base[static_cast<size_t>(i) % base.size()];
    const std::string suffix = std::string("-") + std::to_string(i);
    c.doc.id += suffix;
    for (Event& e : c.events) e.event_id += suffix;
    many.push_back(std::move(c));
  }
  const std::string path = Path("killed.db");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = EventStore::Open(path);
    if (!store.ok()) _exit(3);
    for (int round = 0; round < 1000; ++round) {  // until killed
      for (size_t i = 0; i < many.size(); i += 10) {
        if (!(*store)->Begin().ok()) _exit(4);
        for (size_t k = i; k < i + 10 && k < many.size(); ++k) {
          Coded c = many[k];
          c.doc.text += " Round " + std::to_string(round) + ".";  // a new version each round
          (void)(*store)->Put(c.doc, c.stats, c.events);
        }
        if (!(*store)->Commit().ok()) _exit(4);
      }
    }
    _exit(0);
  }
  // Kill it once it has written a good part, in the middle of a batch.
  for (int wait = 0; wait < 400; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (Count(path, "SELECT count(*) FROM articles") > 200) break;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(37));
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer ended before it was killed";

  EXPECT_EQ(Text(path, "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(Text(path, "PRAGMA foreign_key_check"), "");
  // Whole batches only: no article without its sentences and events.
  EXPECT_EQ(Count(path,
                  "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s "
                  "WHERE s.article_id = a.id)"),
            0);
  EXPECT_EQ(Count(path,
                  "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM events e WHERE "
                  "e.article_id = a.id) = 0"),
            0);
  // The next run stores what is missing; then the database holds what a
  // clean run gives.
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE(StoreAll(store->get(), many).ok());
  auto clean = EventStore::Open(Path("clean.db"));
  ASSERT_TRUE(clean.ok());
  ASSERT_TRUE(StoreAll(clean->get(), many).ok());
  EXPECT_EQ(ExportJsonl(store->get()).size(), ExportJsonl(clean->get()).size());
  EXPECT_EQ(Count(path, "SELECT count(*) FROM articles"), 600);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"),
            Count(Path("clean.db"), "SELECT count(*) FROM events"));
}

TEST_F(EventStoreTest, FilesThatAreNotItsDatabaseAreRefusedWithTheirName) {
  const std::string text = Path("notes.db");
  ASSERT_TRUE(WriteFile(text, std::string(2000, 'x')).ok());
  auto opened = EventStore::Open(text);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find(text), std::string::npos);
  EXPECT_NE(opened.status().message().find("not an SQLite database"), std::string::npos);

  const std::string other = Path("other.db");
  ASSERT_EQ(Exec(other, "CREATE TABLE recipes(name TEXT)"), "ok");
  opened = EventStore::Open(other);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("not one of Palmyra's"), std::string::npos);

  EXPECT_FALSE(EventStore::Open(Path("no/such/folder/x.db")).ok());
}

TEST_F(EventStoreTest, ADatabaseOfSchemaVersionOneGainsTheAcledColumnsAndKeepsItsEvents) {
  const auto coded = CodeAll(TheEngine(), Articles());
  const std::string path = Path("v1.db");
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(StoreAll(store->get(), coded).ok());
  }
  const int64_t events = Count(path, "SELECT count(*) FROM events");
  ASSERT_GT(events, 0);
  // Make it what version 1 wrote: no ACLED columns beyond the two types.
  ASSERT_EQ(Exec(path,
                 "ALTER TABLE events DROP COLUMN acled_disorder; "
                 "ALTER TABLE events DROP COLUMN acled_civilian_targeting; "
                 "ALTER TABLE events DROP COLUMN acled_inter1; "
                 "ALTER TABLE events DROP COLUMN acled_inter2; "
                 "ALTER TABLE events DROP COLUMN acled_interaction; "
                 "CREATE TABLE h1 AS SELECT id, day, source_code, target_code, "
                 "plover_type, place_key FROM happenings; "
                 "PRAGMA foreign_keys = OFF; DROP VIEW happening_counts; "
                 "DROP TABLE happenings; "
                 "CREATE TABLE happenings (id INTEGER PRIMARY KEY, day TEXT NOT NULL, "
                 "source_code TEXT NOT NULL, target_code TEXT NOT NULL, "
                 "plover_type TEXT NOT NULL, place_key INTEGER NOT NULL, "
                 "UNIQUE (day, source_code, target_code, plover_type, place_key)); "
                 "INSERT INTO happenings SELECT * FROM h1; DROP TABLE h1; "
                 "UPDATE meta SET value = '1' WHERE key = 'schema_version';"),
            "ok");
  auto reopened = EventStore::Open(path);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(Text(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "3\n");
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events"), events);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM events WHERE acled_interaction IS NOT NULL"), 0);
  // Its happenings keep their events, and take new articles' events.
  EXPECT_EQ(Count(path,
                  "SELECT count(*) FROM happening_events he JOIN happenings h ON "
                  "h.id = he.happening_id"),
            events);
  {
    Document d;
    d.id = "later";
    d.text = "Rebels attacked a checkpoint in Homs on Monday.";
    d.published = Date{2016, 3, 21};
    CodeStats stats;
    auto coded = TheEngine().Code(d, &stats);
    ASSERT_TRUE(coded.ok());
    ASSERT_FALSE(coded->empty());
    ASSERT_TRUE((*reopened)->Put(d, stats, *coded).ok());
  }
  EXPECT_GT(Count(path, "SELECT count(*) FROM happening_events"), events);
  reopened = EventStore::Open(Path("other.db"));  // let go of the migrated one
  // A newer version than this program knows is refused.
  ASSERT_EQ(Exec(path, "UPDATE meta SET value = '9' WHERE key = 'schema_version'"), "ok");
  reopened = EventStore::Open(path);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("schema version 9"), std::string::npos);
}

// Articles are searchable by their words however they were stored: in a
// transaction, alone, replaced within the transaction that stored them, and
// by version 2, whose trigger indexed them one by one.
TEST_F(EventStoreTest, TheSearchIndexHoldsEveryArticleOnce) {
  const std::string path = Path("search.db");
  auto found = [&](const std::string& words) { return Found(path, words); };
  // FTS5's own check of its index against the articles.
  auto index_sound = [&]() {
    return Exec(path, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
  };
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Begin().ok());
    ASSERT_TRUE(PutText(store->get(), "a", "Floods in Dhaka"));
    ASSERT_TRUE(PutText(store->get(), "b", "Talks in Geneva"));
    // Replaced before the transaction ends: only its last text is found.
    ASSERT_TRUE(PutText(store->get(), "a", "Drought in Nairobi"));
    ASSERT_TRUE((*store)->Commit().ok());
    ASSERT_TRUE(PutText(store->get(), "c", "Strikes in Lagos"));  // no transaction
    // A transaction rolled back leaves nothing behind.
    ASSERT_TRUE((*store)->Begin().ok());
    ASSERT_TRUE(PutText(store->get(), "d", "Protests in Lima"));
    ASSERT_TRUE((*store)->Rollback().ok());
  }
  EXPECT_EQ(found("Dhaka"), 0);
  EXPECT_EQ(found("Nairobi"), 1);
  EXPECT_EQ(found("Geneva"), 1);
  EXPECT_EQ(found("Lagos"), 1);
  EXPECT_EQ(found("Lima"), 0);
  EXPECT_EQ(index_sound(), "ok");
  // Version 2 had an insert trigger: reopened, the database drops it, and
  // the articles it indexed stay found, once.
  ASSERT_EQ(Exec(path,
                 "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
                 "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, "
                 "new.title, new.text); END; "
                 "INSERT INTO articles(doc_id, text, content_hash, stored_at) VALUES "
                 "('old', 'Elections in Accra', 'x', '2020-01-01T00:00:00Z'); "
                 "UPDATE meta SET value = '2' WHERE key = 'schema_version';"),
            "ok");
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(PutText(store->get(), "e", "Ceasefire in Accra"));
  }
  EXPECT_EQ(Text(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "3\n");
  EXPECT_EQ(Count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_insert'"),
            0);
  EXPECT_EQ(found("Accra"), 2);
  EXPECT_EQ(index_sound(), "ok");
}

TEST_F(EventStoreTest, ArticlesLeftForTheSearchIndexAreIndexedLaterEvenAfterAKill) {
  const std::string path = Path("deferred.db");
  using Index = EventStore::SearchIndex;
  auto found = [&](const std::string& words) { return Found(path, words); };
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EventStore* s = store->get();
    ASSERT_TRUE(s->Begin().ok());
    ASSERT_TRUE(PutText(s, "a", "Floods in Dhaka"));
    ASSERT_TRUE(PutText(s, "b", "Talks in Geneva"));
    ASSERT_TRUE(s->Commit(Index::kWhenDue).ok());
    EXPECT_EQ(found("Geneva"), 0);  // stored, waiting for the index
    // Replaced while it waits: the index never holds its old text (the
    // articles waiting are indexed before it goes), and the new one waits.
    ASSERT_TRUE(s->Begin().ok());
    ASSERT_TRUE(PutText(s, "a", "Drought in Nairobi"));
    ASSERT_TRUE(s->Commit(Index::kWhenDue).ok());
    // Rolled back: the articles committed before still wait.
    ASSERT_TRUE(s->Begin().ok());
    ASSERT_TRUE(PutText(s, "c", "Protests in Lima"));
    ASSERT_TRUE(s->Rollback().ok());
    EXPECT_EQ(found("Nairobi"), 0);
    ASSERT_TRUE(s->IndexPendingArticles().ok());
    EXPECT_EQ(found("Nairobi"), 1);
    ASSERT_TRUE(s->Begin().ok());
    ASSERT_TRUE(PutText(s, "d", "Elections in Accra"));
    ASSERT_TRUE(s->Commit(Index::kWhenDue).ok());
    // Closed without IndexPendingArticles, as a killed run would be.
  }
  EXPECT_EQ(found("Accra"), 0);
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->IndexPendingArticles().ok());
  }
  EXPECT_EQ(found("Accra"), 1);
  EXPECT_EQ(found("Dhaka"), 0);
  EXPECT_EQ(found("Nairobi"), 1);
  EXPECT_EQ(found("Geneva"), 1);
  EXPECT_EQ(found("Lima"), 0);
  EXPECT_EQ(Exec(path, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"), "ok");
  // Enough of them waiting: the commit indexes them all.
  {
    auto store = EventStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EventStore* s = store->get();
    ASSERT_TRUE(s->Begin().ok());
    for (int64_t i = 0; i < EventStore::kSearchIndexBatch; ++i) {
      ASSERT_TRUE(PutText(s, "n" + std::to_string(i), "Report " + std::to_string(i)));
    }
    ASSERT_TRUE(s->Commit(Index::kWhenDue).ok());
  }
  EXPECT_EQ(found("Report"), EventStore::kSearchIndexBatch);
}

TEST_F(EventStoreTest, TwoWritersWithArticlesWaitingForTheSearchIndexIndexEachOnce) {
  const std::string path = Path("two_writers.db");
  using Index = EventStore::SearchIndex;
  auto first = EventStore::Open(path);
  auto second = EventStore::Open(path);
  ASSERT_TRUE(first.ok() && second.ok());
  EventStore* a = first->get();
  EventStore* b = second->get();
  // The first leaves its articles waiting; the second indexes at once
  // what it stores after them, and replaces one of the first's.
  ASSERT_TRUE(a->Begin().ok());
  ASSERT_TRUE(PutText(a, "a1", "Floods in Dhaka"));
  ASSERT_TRUE(PutText(a, "a2", "Talks in Geneva"));
  ASSERT_TRUE(a->Commit(Index::kWhenDue).ok());
  ASSERT_TRUE(b->Begin().ok());
  ASSERT_TRUE(PutText(b, "b1", "Strikes in Lagos"));
  ASSERT_TRUE(PutText(b, "a2", "Drought in Nairobi"));
  ASSERT_TRUE(b->Commit(Index::kNow).ok());
  ASSERT_TRUE(a->IndexPendingArticles().ok());
  EXPECT_EQ(Found(path, "Dhaka"), 1);
  EXPECT_EQ(Found(path, "Lagos"), 1);
  EXPECT_EQ(Found(path, "Nairobi"), 1);
  EXPECT_EQ(Found(path, "Geneva"), 0);
  EXPECT_EQ(Exec(path, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"), "ok");
}

// A filter on dates, an actor, a type and a country.
EventFilter Filter(std::optional<Date> from, std::optional<Date> to, std::string actor,
                   std::string type, std::string country) {
  EventFilter f;
  f.from = from;
  f.to = to;
  f.actor = std::move(actor);
  f.type = std::move(type);
  f.country = std::move(country);
  return f;
}

// Hand-made events for the filters and exports.
Event MakeEvent(const std::string& id, const char* date, const char* cameo, const char* plover,
                const char* source, const char* source_country, const char* place_country) {
  Event e;
  e.event_id = id;
  e.doc_id = "d";
  e.evidence = {"evidence of " + id + ", with \"quotes\"", 0, 10};
  e.source = ActorRef{"source words", source, source_country, "MIL", 0, 5};
  e.target = ActorRef{"target words", "REB", "", "REB", 6, 10};
  e.cameo = {cameo, std::string(cameo).substr(0, 2), 4, -10.0};
  e.plover = {plover, ""};
  e.date = EventDate{*Date::Parse(date), DatePrecision::kDay, "", false};
  if (place_country[0] != '\0') {
    e.location = Location{
        "Aleppo", 170063, 36.20124, 37.16117, "Aleppo", place_country, LocationPrecision::kCity,
        "Aleppo"};
  }
  e.quantities.push_back(Quantity{"killed", 12, 10.0, 15.0, "", "between 10 and 15"});
  e.rule = "test:1";
  e.confidence = 0.5;
  return e;
}

TEST_F(EventStoreTest, FiltersSelectByDateActorTypeAndCountry) {
  Document d;
  d.id = "d";
  d.text = "evidence";
  d.published = Date::Parse("2016-03-20");
  d.url = "https://x.example/d";
  const std::vector<Event> events = {
      MakeEvent("e1", "2016-03-01", "195", "ASSAULT", "RUSMIL", "RUS", "SYR"),
      MakeEvent("e2", "2016-03-10", "0256", "REQUEST", "SYRGOV", "SYR", ""),
      MakeEvent("e3", "2016-03-20", "190", "ASSAULT", "TURMIL", "TUR", "SYR")};
  std::vector<Event> varied = events;
  varied[1].modality = Modality::kFuture;
  varied[1].date->precision = DatePrecision::kWeek;
  varied[2].date->precision = DatePrecision::kMonth;
  auto store = EventStore::Open(Path("filters.db"));
  ASSERT_TRUE(store.ok());
  CodeStats stats;
  stats.sentence_spans = {{0, 8}};
  ASSERT_TRUE((*store)->Put(d, stats, varied).ok());
  auto ids = [&](EventFilter f) {
    std::string out;
    EXPECT_TRUE((*store)
                    ->ForEachEvent(
                        f, [&](const Event& e, const StoredArticle&) { out += e.event_id + " "; })
                    .ok());
    // Events read from a file (export --events) are filtered the same way.
    std::string in_memory;
    for (const Event& e : varied) {
      if (EventMatches(f, e)) in_memory += e.event_id + " ";
    }
    EXPECT_EQ(in_memory, out);
    return out;
  };
  EXPECT_EQ(ids({}), "e1 e2 e3 ");
  EXPECT_EQ(ids(Filter(Date::Parse("2016-03-05"), Date::Parse("2016-03-15"), "", "", "")), "e2 ");
  EXPECT_EQ(ids(Filter(std::nullopt, std::nullopt, "RUS", "", "")), "e1 ");
  EXPECT_EQ(ids(Filter(std::nullopt, std::nullopt, "REB", "", "")), "e1 e2 e3 ");  // targets too
  EXPECT_EQ(ids(Filter(std::nullopt, std::nullopt, "", "assault", "")), "e1 e3 ");
  EXPECT_EQ(ids(Filter(std::nullopt, std::nullopt, "", "19", "")), "e1 e3 ");
  EXPECT_EQ(ids(Filter(std::nullopt, std::nullopt, "", "", "syr")), "e1 e2 e3 ");  // actor or place
  EXPECT_EQ(ids(Filter(std::nullopt, std::nullopt, "", "", "TUR")), "e3 ");
  EventFilter pair;
  pair.source = "rus";
  pair.target = "REB";
  EXPECT_EQ(ids(pair), "e1 ");
  pair.target = "SYR";
  EXPECT_EQ(ids(pair), "");
  EventFilter where;
  where.place_country = "SYR";  // where it happened, not whose actors
  EXPECT_EQ(ids(where), "e1 e3 ");
  EventFilter happened;
  happened.modalities = {"asserted", "reported"};
  EXPECT_EQ(ids(happened), "e1 e3 ");  // e2 is a future event
  happened.modalities = {"future"};
  EXPECT_EQ(ids(happened), "e2 ");
  EventFilter weekly;
  weekly.precision = DatePrecision::kWeek;
  EXPECT_EQ(ids(weekly), "e1 e2 ");  // e3 is dated to the month
  weekly.precision = DatePrecision::kDay;
  EXPECT_EQ(ids(weekly), "e1 ");

  // The exports of e1.
  Event e1;
  StoredArticle article;
  ASSERT_TRUE((*store)
                  ->ForEachEvent(Filter(std::nullopt, std::nullopt, "RUS", "", ""),
                                 [&](const Event& e, const StoredArticle& a) {
                                   e1 = e;
                                   article = a;
                                 })
                  .ok());
  EXPECT_EQ(article.url, "https://x.example/d");
  std::string csv;
  AppendCsvHeader(&csv);
  AppendEventCsv(e1, article, &csv);
  EXPECT_NE(csv.find(",\"evidence of e1, with \"\"quotes\"\"\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",killed=12,12,,,"), std::string::npos) << csv;  // killed, injured, arrested
  {
    // As many fields as the header names, in every row.
    auto fields = [](const std::string& line) {
      size_t n = 1;
      bool quoted = false;
      for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) ++n;
      }
      return n;
    };
    const std::string header = csv.substr(0, csv.find('\n'));
    const std::string row = csv.substr(csv.find('\n') + 1);
    EXPECT_EQ(fields(header), 42u);
    EXPECT_EQ(fields(row.substr(0, row.size() - 1)), 42u);
  }
  std::string gdelt;
  AppendEventGdelt(e1, article,
                   GdeltCodes{{{"SYR", "SY"}}, {{"RUS", "Russia"}}, {{"SYR\tAleppo", "SY09"}}},
                   &gdelt);
  std::vector<std::string> columns;
  size_t start = 0;
  for (size_t tab = gdelt.find('\t'); tab != std::string::npos; tab = gdelt.find('\t', start)) {
    columns.push_back(gdelt.substr(start, tab - start));
    start = tab + 1;
  }
  columns.push_back(gdelt.substr(start, gdelt.size() - start - 1));
  ASSERT_EQ(columns.size(), 61u);
  EXPECT_EQ(columns[1], "20160301");              // Day
  EXPECT_EQ(columns[4], "2016.2493");             // FractionDate: 2016 + (3 * 30 + 1) / 365
  EXPECT_EQ(columns[5], "RUSMIL");                // Actor1Code
  EXPECT_EQ(columns[6], "SOURCE WORDS");          // Actor1Name, upper case
  EXPECT_EQ(columns[7], "RUS");                   // Actor1CountryCode
  EXPECT_EQ(columns[12], "MIL");                  // Actor1Type1Code
  EXPECT_EQ(columns[15], "REB");                  // Actor2Code
  EXPECT_EQ(columns[26], "195");                  // EventCode
  EXPECT_EQ(columns[28], "19");                   // EventRootCode
  EXPECT_EQ(columns[29], "4");                    // QuadClass
  EXPECT_EQ(columns[51], "4");                    // ActionGeo_Type: a city outside the US
  EXPECT_EQ(columns[52], "Aleppo, Aleppo, SYR");  // no name known for SYR here
  EXPECT_EQ(columns[53], "SY");                   // ActionGeo_CountryCode: FIPS 10-4
  EXPECT_EQ(columns[54], "SY09");                 // ActionGeo_ADM1Code: FIPS country and region
  EXPECT_EQ(columns[56], "36.20124");             // ActionGeo_Lat
  EXPECT_EQ(columns[58], "170063");               // ActionGeo_FeatureID
  EXPECT_EQ(columns[60], "https://x.example/d");  // SOURCEURL
  std::string plover;
  article.sentence = "Russian jets bombed rebel positions in Aleppo on Tuesday.";
  article.stored_at = "2016-03-02T10:00:00Z";
  AppendEventPlover(e1, article, {"military"}, &plover);
  const auto j = nlohmann::json::parse(plover);
  EXPECT_EQ(j["event"], "ASSAULT");
  EXPECT_EQ(j["date"], "2016-03-01");
  EXPECT_EQ(j["context"], nlohmann::json::array({"military"}));
  EXPECT_EQ(j["actor"]["code"], "RUSMIL");
  EXPECT_EQ(j["recipient"]["code"], "REB");
  EXPECT_TRUE(j["recipient"]["country"].is_null());  // null, never ""
  EXPECT_EQ(j["text"], article.sentence);
  EXPECT_EQ(j["event_loc"]["geonameid"], 170063);
  EXPECT_EQ(j["quad_code"], 4);
  EXPECT_EQ(j["size"]["dead"], 12);             // "between 10 and 15": its value
  EXPECT_TRUE(j["size"]["injured"].is_null());  // none given
  EXPECT_EQ(j["link"], "https://x.example/d");
  EXPECT_EQ(j["coded_date"], "2016-03-02");
}

// A story long enough to be compared, written for this test.
const char kLongStory[] =
    "Flood waters rose again across Sindh province on Monday as rain fell for a third straight "
    "day, officials said, forcing thousands more families from their homes. The provincial "
    "disaster authority said at least 40 people had died in the province since Friday, most of "
    "them when houses collapsed in the night. Army helicopters dropped food to villages cut off "
    "by the water near Sukkur, where the river is expected to peak on Wednesday. The federal "
    "government said it would release emergency funds and asked donors for tents and medicine.";

TEST_F(EventStoreTest, CopiesAreLinkedAndEventsMergeIntoHappenings) {
  const std::string path = Path("merge.db");
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok());
  auto doc = [](const char* id, const char* source, const std::string& text) {
    Document d;
    d.id = id;
    d.source = source;
    d.text = text;
    d.published = Date::Parse("2016-03-20");
    return d;
  };
  CodeStats stats;
  stats.sentence_spans = {{0, 10}};
  // Two outlets report the same strike; one of them twice in the article.
  const Document first = doc("wire-1", "Wire One", kLongStory);
  const auto signature = MinHashOf(first.text);
  ASSERT_TRUE(signature.has_value());
  Event strike = MakeEvent("s1", "2016-03-01", "195", "ASSAULT", "RUSMIL", "RUS", "SYR");
  Event again = MakeEvent("s2", "2016-03-01", "190", "ASSAULT", "RUSMIL", "RUS", "SYR");
  again.sentence_index = 3;
  ASSERT_TRUE((*store)->Put(first, stats, {strike, again}, {signature, ""}).ok());
  Event other_outlet = MakeEvent("s3", "2016-03-01", "195", "ASSAULT", "RUSMIL", "RUS", "SYR");
  other_outlet.doc_id = "paper-2";
  Event elsewhere = MakeEvent("s4", "2016-03-02", "195", "ASSAULT", "RUSMIL", "RUS", "SYR");
  ASSERT_TRUE((*store)
                  ->Put(doc("paper-2", "Paper Two", "Another story about the strike."), stats,
                        {other_outlet, elsewhere})
                  .ok());
  // A syndicated copy of the first article: found, and linked without events.
  const Document copy = doc("wire-1-copy", "Syndicate", std::string("LAHORE - ") + kLongStory);
  const auto copy_signature = MinHashOf(copy.text);
  auto original = (*store)->FindNearDuplicate(*copy_signature);
  ASSERT_TRUE(original.ok());
  EXPECT_EQ(*original, std::optional<std::string>("wire-1"));
  ASSERT_TRUE((*store)->Put(copy, stats, {}, {copy_signature, "wire-1"}).ok());
  EXPECT_EQ(Text(path, "SELECT a.doc_id FROM articles c JOIN articles a ON a.id = c.duplicate_of"),
            "wire-1\n");
  EXPECT_EQ(Count(path,
                  "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE "
                  "a.doc_id = 'wire-1-copy'"),
            0);
  // A copy is never the original of another.
  auto again_found = (*store)->FindNearDuplicate(*copy_signature);
  EXPECT_EQ(*again_found, std::optional<std::string>("wire-1"));
  // The 1 March strike: three mentions in three sentences of two coded
  // articles, plus the linked copy: three articles from three sources. The
  // 2 March one is a happening of its own.
  EXPECT_EQ(Text(path,
                 "SELECT h.day || ' ' || c.mentions || ' ' || c.sentences || ' ' || c.articles || "
                 "' ' || c.sources FROM happenings h JOIN happening_counts c ON c.happening_id = "
                 "h.id ORDER BY h.day"),
            "2016-03-01 3 3 3 3\n2016-03-02 1 1 1 1\n");
  std::string counts;
  ASSERT_TRUE((*store)
                  ->ForEachEvent({},
                                 [&](const Event& e, const StoredArticle& a) {
                                   counts += e.event_id + ":" +
                                             std::to_string(a.happening.mentions) + " ";
                                 })
                  .ok());
  EXPECT_EQ(counts, "s1:3 s2:3 s3:3 s4:1 ");
  // Replacing the second article takes its events out of the happenings,
  // and the emptied happening goes.
  ASSERT_TRUE((*store)->Put(doc("paper-2", "Paper Two", "A correction."), stats, {}).ok());
  EXPECT_EQ(Text(path,
                 "SELECT h.day || ' ' || c.mentions || ' ' || c.articles FROM happenings h JOIN "
                 "happening_counts c ON c.happening_id = h.id ORDER BY h.day"),
            "2016-03-01 2 2\n");
}

}  // namespace
}  // namespace palmyra
