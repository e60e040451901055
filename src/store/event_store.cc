#include "store/event_store.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

#include "core/hash.h"
#include "core/strings.h"
#include "merge/happening_key.h"
#include "store/pg_batch_writer.h"
#include "store/pg_connection.h"
#include "store/sqlite_connection.h"

namespace palmyra {

// Each happening's mentions (events), sentences, articles (with the
// near-duplicates linked to them) and distinct sources: the body of the
// view happening_counts, in SQLite and PostgreSQL alike.
constexpr char kHappeningCountsView[] = R"sql(
WITH coded AS (
  SELECT DISTINCT he.happening_id, e.article_id FROM happening_events he
  JOIN events e ON e.id = he.event_id),
linked AS (
  SELECT happening_id, article_id FROM coded
  UNION SELECT c.happening_id, d.id FROM coded c JOIN articles d ON d.duplicate_of = c.article_id)
SELECT h.id AS happening_id,
  (SELECT count(*) FROM happening_events he WHERE he.happening_id = h.id) AS mentions,
  (SELECT count(DISTINCT e.article_id || ':' || e.sentence_idx) FROM happening_events he
   JOIN events e ON e.id = he.event_id WHERE he.happening_id = h.id) AS sentences,
  (SELECT count(*) FROM linked l WHERE l.happening_id = h.id) AS articles,
  (SELECT count(DISTINCT coalesce(nullif(a.source, ''), a.doc_id)) FROM linked l
   JOIN articles a ON a.id = l.article_id WHERE l.happening_id = h.id) AS sources
FROM happenings h;
)sql";

constexpr char kSqliteTables[] = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,       -- the reader's id: a file, a URL, a JSON "id"
  url TEXT, source TEXT, title TEXT,
  published TEXT,                    -- YYYY-MM-DD, or NULL
  text TEXT NOT NULL,
    content_hash TEXT NOT NULL,        -- ContentHash(): the same article is not stored twice
  stored_at TEXT NOT NULL,           -- UTC, YYYY-MM-DDTHH:MM:SSZ
  minhash TEXT,                      -- near_duplicates.h signature (hex); NULL for short texts
  duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL  -- a near-duplicate of, not coded
);
CREATE TABLE IF NOT EXISTS article_bands (  -- MinHash band keys of the articles that are no copies
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS sentences (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,              -- events.sentence_idx counts the same way
  start INTEGER NOT NULL,            -- byte offsets into articles.text, end exclusive
  end INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,                -- "SYRREB", "IGOUNO"
  country TEXT NOT NULL,             -- ISO alpha-3, IGO, NGO, ...; '' when unknown
  sector TEXT NOT NULL,              -- GOV, MIL, REB, ...; '' when none
  UNIQUE (code, country, sector)
);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY,
  geonameid INTEGER NOT NULL,        -- 0 for countries and regions
  name TEXT NOT NULL,
  admin1 TEXT NOT NULL,              -- '' when unknown
  country TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL,
  precision TEXT NOT NULL,           -- city | admin1 | country
  UNIQUE (geonameid, name, admin1, country, precision)
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,     -- the output's stable event_id
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_idx INTEGER NOT NULL,
  cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover_type TEXT NOT NULL, plover_mode TEXT NOT NULL,
  acled_type TEXT, acled_subtype TEXT,                 -- NULL: no ACLED type
  modality TEXT NOT NULL,            -- asserted | reported | future | hypothetical | negated
  attribution_text TEXT, attribution_code TEXT,        -- NULL: no attribution
  date TEXT, date_precision TEXT, date_text TEXT, historical INTEGER,  -- NULL: no date
  place_id INTEGER REFERENCES places(id), place_text TEXT,
  evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  acled_disorder TEXT,               -- ACLED's disorder type; NULL with acled_type
  acled_civilian_targeting INTEGER,  -- 0 or 1
  acled_inter1 INTEGER,              -- ACLED's actor type codes and interaction
  acled_inter2 INTEGER,
  acled_interaction INTEGER
);
CREATE TABLE IF NOT EXISTS mentions (  -- the words naming an event's source and target
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'target')),
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  text TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (event_id, role)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quantities (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL, value REAL NOT NULL, low REAL, high REAL, unit TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (event_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS happenings (  -- one record per happening: its events merged
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,                 -- the events' date, else their article's; '' when none
  source_code TEXT NOT NULL, target_code TEXT NOT NULL,  -- '' when none
  plover_type TEXT NOT NULL,
  place_key INTEGER NOT NULL,        -- places.id, 0 when none
  -- The article an undated or actor-less event was told in (articles.id):
  -- such events merge only within their article. 0 for all others.
  article_scope INTEGER NOT NULL DEFAULT 0,
  UNIQUE (day, source_code, target_code, plover_type, place_key, article_scope)
);
CREATE TABLE IF NOT EXISTS happening_events (
  happening_id INTEGER NOT NULL REFERENCES happenings(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (happening_id, event_id)
) WITHOUT ROWID;
-- Each happening's mentions (events), sentences, articles (with the
-- near-duplicates linked to them) and distinct sources.
CREATE VIEW IF NOT EXISTS happening_counts AS
)sql";
// Indexes, and what says the database is Palmyra's, in both.
constexpr char kCommonIndexes[] = R"sql(
CREATE INDEX IF NOT EXISTS article_bands_by_key ON article_bands(band_key);
CREATE INDEX IF NOT EXISTS articles_by_duplicate ON articles(duplicate_of);
CREATE INDEX IF NOT EXISTS articles_by_published ON articles(published);
CREATE INDEX IF NOT EXISTS events_by_date ON events(date);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_by_type ON events(plover_type);
CREATE INDEX IF NOT EXISTS events_by_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_by_place ON events(place_id);
CREATE INDEX IF NOT EXISTS mentions_by_actor ON mentions(actor_id);
CREATE INDEX IF NOT EXISTS actors_by_country ON actors(country);
CREATE INDEX IF NOT EXISTS places_by_country ON places(country);
INSERT INTO meta(key, value) VALUES ('schema', 'palmyra-events') ON CONFLICT DO NOTHING;
INSERT INTO meta(key, value) VALUES ('schema_version', '3') ON CONFLICT DO NOTHING;
)sql";
// SQLite's full-text index of the articles: filled a transaction at a time
// (EventStore::IndexNewArticles), emptied by a trigger.
constexpr char kSqliteSearch[] = R"sql(
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content='articles', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
  VALUES ('delete', old.id, old.title, old.text);
END;
)sql";

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// The same tables in PostgreSQL: identities for ids, full-text search in a
// generated tsvector, places also as PostGIS points with a GiST index, text
// compared byte by byte (as SQLite does) whatever the database's locale.
constexpr char kPostgresTables[] = R"sql(
CREATE TABLE IF NOT EXISTS meta (key text COLLATE "C" PRIMARY KEY, value text COLLATE "C" NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  doc_id text COLLATE "C" NOT NULL UNIQUE,
  url text COLLATE "C", source text COLLATE "C", title text COLLATE "C",
  published text COLLATE "C",
  text text COLLATE "C" NOT NULL,
  content_hash text COLLATE "C" NOT NULL,
  stored_at text COLLATE "C" NOT NULL,
  minhash text COLLATE "C",
  duplicate_of bigint REFERENCES articles(id) ON DELETE SET NULL,
  words tsvector GENERATED ALWAYS AS
    (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
);
CREATE TABLE IF NOT EXISTS article_bands (
  band_key bigint NOT NULL,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS sentences (
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  start bigint NOT NULL,
  "end" bigint NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS actors (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code text COLLATE "C" NOT NULL, country text COLLATE "C" NOT NULL, sector text COLLATE "C" NOT NULL,
  UNIQUE (code, country, sector)
);
CREATE TABLE IF NOT EXISTS places (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  geonameid bigint NOT NULL,
  name text COLLATE "C" NOT NULL, admin1 text NOT NULL, country text COLLATE "C" NOT NULL,
  lat double precision NOT NULL, lon double precision NOT NULL,
  precision text COLLATE "C" NOT NULL,
  point geography(Point, 4326) GENERATED ALWAYS AS
    (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED,
  UNIQUE (geonameid, name, admin1, country, precision)
);
CREATE TABLE IF NOT EXISTS events (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  event_id text COLLATE "C" NOT NULL UNIQUE,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_idx integer NOT NULL,
  cameo text COLLATE "C" NOT NULL, cameo_root text COLLATE "C" NOT NULL, quad_class integer NOT NULL,
  goldstein double precision NOT NULL,
  plover_type text COLLATE "C" NOT NULL, plover_mode text COLLATE "C" NOT NULL,
  acled_type text COLLATE "C", acled_subtype text COLLATE "C",
  modality text COLLATE "C" NOT NULL,
  attribution_text text COLLATE "C", attribution_code text COLLATE "C",
  date text COLLATE "C", date_precision text COLLATE "C", date_text text COLLATE "C", historical integer,
  place_id bigint REFERENCES places(id), place_text text COLLATE "C",
  evidence text COLLATE "C" NOT NULL, evidence_start bigint NOT NULL, evidence_end bigint NOT NULL,
  rule text COLLATE "C" NOT NULL,
  confidence double precision NOT NULL,
  acled_disorder text COLLATE "C", acled_civilian_targeting integer,
  acled_inter1 integer, acled_inter2 integer, acled_interaction integer
);
CREATE TABLE IF NOT EXISTS mentions (
  event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role text COLLATE "C" NOT NULL CHECK (role IN ('source', 'target')),
  actor_id bigint NOT NULL REFERENCES actors(id),
  text text COLLATE "C" NOT NULL,
  start bigint NOT NULL, "end" bigint NOT NULL,
  PRIMARY KEY (event_id, role)
);
CREATE TABLE IF NOT EXISTS quantities (
  event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  kind text COLLATE "C" NOT NULL, value double precision NOT NULL, low double precision,
  high double precision, unit text COLLATE "C" NOT NULL, text text COLLATE "C" NOT NULL,
  PRIMARY KEY (event_id, idx)
);
CREATE TABLE IF NOT EXISTS happenings (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  day text COLLATE "C" NOT NULL,
  source_code text COLLATE "C" NOT NULL, target_code text COLLATE "C" NOT NULL,
  plover_type text COLLATE "C" NOT NULL,
  place_key bigint NOT NULL,
  article_scope bigint NOT NULL DEFAULT 0,
  UNIQUE (day, source_code, target_code, plover_type, place_key, article_scope)
);
CREATE TABLE IF NOT EXISTS happening_events (
  happening_id bigint NOT NULL REFERENCES happenings(id) ON DELETE CASCADE,
  event_id bigint NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (happening_id, event_id)
);
CREATE OR REPLACE VIEW happening_counts AS
)sql";
constexpr char kPostgresIndexes[] = R"sql(
CREATE INDEX IF NOT EXISTS article_bands_by_article ON article_bands(article_id);
CREATE INDEX IF NOT EXISTS articles_by_words ON articles USING gin(words);
CREATE INDEX IF NOT EXISTS places_by_point ON places USING gist(point);
)sql";

std::string EventStoreSchema() {
  return std::string(kSqliteTables) + kHappeningCountsView + kCommonIndexes + kSqliteSearch;
}

namespace {

// Each connection is used by one thread at a time (a store is not shared:
// the serving threads read on connections of their own, and its writer is
// used under a lock), so SQLite's locking of each call on a connection is
// left out, and so is its count of the memory in use, a lock taken at every
// allocation by every connection.
constexpr int kOneThreadAtATime = SQLITE_OPEN_NOMUTEX;
void LeaveOutMemoryStatistics() {
  // Fails harmlessly (SQLITE_MISUSE) once SQLite is in use.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
}

std::string PostgresSchema() {
  return std::string(kPostgresTables) + kHappeningCountsView + kCommonIndexes + kPostgresIndexes;
}

}  // namespace

bool EventMatches(const EventFilter& filter, const Event& e) {
  auto prefix = [](const std::optional<ActorRef>& a, const std::string& p) {
    return a && a->code.compare(0, p.size(), p) == 0;
  };
  const std::string date = e.date ? e.date->value.ToString() : "";
  if (filter.from && (date.empty() || date < filter.from->ToString())) return false;
  if (filter.to && (date.empty() || date > filter.to->ToString())) return false;
  if (!filter.actor.empty() && !prefix(e.source, filter.actor) && !prefix(e.target, filter.actor))
    return false;
  if (!filter.type.empty() && e.plover.type != AsciiUppercase(filter.type) &&
      e.cameo.code.compare(0, filter.type.size(), filter.type) != 0) {
    return false;
  }
  if (!filter.country.empty()) {
    const std::string c = AsciiUppercase(filter.country);
    if (!(e.source && e.source->country == c) && !(e.target && e.target->country == c) &&
        !(e.location && e.location->country == c)) {
      return false;
    }
  }
  if (!filter.source.empty() && !prefix(e.source, AsciiUppercase(filter.source))) return false;
  if (!filter.target.empty() && !prefix(e.target, AsciiUppercase(filter.target))) return false;
  if (!filter.place_country.empty() &&
      !(e.location && e.location->country == AsciiUppercase(filter.place_country))) {
    return false;
  }
  if (!filter.modalities.empty() &&
      std::find(filter.modalities.begin(), filter.modalities.end(), ModalityName(e.modality)) ==
          filter.modalities.end()) {
    return false;
  }
  // Coarser precisions come later in the enum: day, week, month, year.
  if (filter.precision &&
      (!e.date || static_cast<int>(e.date->precision) > static_cast<int>(*filter.precision))) {
    return false;
  }
  return true;
}

namespace {

// The query of the events `filter` lets through; its values, bound as ?N,
// go into *values.
// `acled_detail`: the database has the ACLED columns of schema version 2.
// The tables an event's row joins: its article, sentence, happening,
// actors and place.
constexpr char kEventJoins[] =
    " FROM events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN sentences st ON st.article_id = a.id AND st.idx = e.sentence_idx "
    "LEFT JOIN happening_events he ON he.event_id = e.id "
    "LEFT JOIN mentions sm ON sm.event_id = e.id AND sm.role = 'source' "
    "LEFT JOIN actors sa ON sa.id = sm.actor_id "
    "LEFT JOIN mentions tm ON tm.event_id = e.id AND tm.role = 'target' "
    "LEFT JOIN actors ta ON ta.id = tm.actor_id "
    "LEFT JOIN places p ON p.id = e.place_id WHERE true";

// The joins of kEventJoins that `sql` (columns and conditions) uses, by
// the tables' aliases: counting events need not read their actors.
std::string NeededJoins(const std::string& sql) {
  auto uses = [&](const char* alias) {
    const std::string prefix = std::string(alias) + ".";
    for (size_t at = sql.find(prefix); at != std::string::npos; at = sql.find(prefix, at + 1)) {
      if (at == 0 || !(std::isalnum(static_cast<unsigned char>(sql[at - 1])) || sql[at - 1] == '_'))
        return true;
    }
    return false;
  };
  std::string joins = " FROM events e";
  if (uses("a")) joins += " JOIN articles a ON a.id = e.article_id";
  if (uses("st")) {
    joins += " LEFT JOIN sentences st ON st.article_id = e.article_id AND st.idx = e.sentence_idx";
  }
  if (uses("he")) joins += " LEFT JOIN happening_events he ON he.event_id = e.id";
  if (uses("sm") || uses("sa")) {
    joins += " LEFT JOIN mentions sm ON sm.event_id = e.id AND sm.role = 'source'";
    if (uses("sa")) joins += " LEFT JOIN actors sa ON sa.id = sm.actor_id";
  }
  if (uses("tm") || uses("ta")) {
    joins += " LEFT JOIN mentions tm ON tm.event_id = e.id AND tm.role = 'target'";
    if (uses("ta")) joins += " LEFT JOIN actors ta ON ta.id = tm.actor_id";
  }
  if (uses("p")) joins += " LEFT JOIN places p ON p.id = e.place_id";
  return joins + " WHERE true";
}

// The words of a full-text search as an FTS5 query that cannot be
// malformed: each word quoted, all of them required.
std::string FullTextQuery(const std::string& words) {
  std::string query;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
    size_t j = i;
    while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
    if (j == i) break;
    if (!query.empty()) query.push_back(' ');
    query.push_back('"');
    for (size_t k = i; k < j; ++k) {
      if (words[k] == '"') query.push_back('"');
      query.push_back(words[k]);
    }
    query.push_back('"');
    i = j;
  }
  return query;
}

std::string EventConditions(const EventFilter& filter, SqlDialect dialect,
                            std::vector<std::string>* values);

std::string EventQuery(const EventFilter& filter, SqlDialect dialect, bool acled_detail,
                       std::vector<std::string>* values) {
  std::string sql =
      "SELECT e.id, e.event_id, a.doc_id, e.sentence_idx, e.evidence, e.evidence_start, "
      "e.evidence_end, sa.code, sa.country, sa.sector, sm.text, sm.start, sm.\"end\", ta.code, "
      "ta.country, ta.sector, tm.text, tm.start, tm.\"end\", e.cameo, e.cameo_root, e.quad_class, "
      "e.goldstein, e.plover_type, e.plover_mode, e.acled_type, e.acled_subtype, e.modality, "
      "e.attribution_text, e.attribution_code, e.date, e.date_precision, e.date_text, "
      "e.historical, p.name, p.geonameid, p.lat, p.lon, p.admin1, p.country, p.precision, "
      "e.place_text, e.rule, e.confidence, a.url, a.source, a.title, a.published, "
      // 48-52: the happening and its counts, as the happening_counts view
      // gives them, worked out for this row's happening alone.
      "he.happening_id, "
      "(SELECT count(*) FROM happening_events x WHERE x.happening_id = he.happening_id), "
      "(SELECT count(DISTINCT e2.article_id || ':' || e2.sentence_idx) FROM happening_events x "
      "JOIN events e2 ON e2.id = x.event_id WHERE x.happening_id = he.happening_id), "
      "(SELECT count(DISTINCT e2.article_id) FROM happening_events x JOIN events e2 ON e2.id = "
      "x.event_id WHERE x.happening_id = he.happening_id) + (SELECT count(*) FROM articles d "
      "WHERE d.duplicate_of IN (SELECT e2.article_id FROM happening_events x JOIN events e2 ON "
      "e2.id = x.event_id WHERE x.happening_id = he.happening_id)), "
      "(SELECT count(DISTINCT coalesce(nullif(a2.source, ''), a2.doc_id)) FROM articles a2 "
      "WHERE a2.id IN (SELECT e2.article_id FROM happening_events x JOIN events e2 ON e2.id = "
      "x.event_id WHERE x.happening_id = he.happening_id) OR a2.duplicate_of IN (SELECT "
      "e2.article_id FROM happening_events x JOIN events e2 ON e2.id = x.event_id WHERE "
      "x.happening_id = he.happening_id)), " +
      std::string(acled_detail ? "e.acled_disorder, e.acled_civilian_targeting, e.acled_inter1, "
                                 "e.acled_inter2, e.acled_interaction, "
                               : "NULL, NULL, NULL, NULL, NULL, ") +
      // 58, 59: when stored, and where the lead paragraph ends (bytes);
      // 60: the event's sentence; 61: where it starts (bytes).
      "a.stored_at, " +
      (dialect == SqlDialect::kSqlite
           ? "CASE WHEN instr(CAST(a.text AS BLOB), X'0A0A') > 0 "
             "THEN instr(CAST(a.text AS BLOB), X'0A0A') - 1 "
             "WHEN instr(CAST(a.text AS BLOB), X'0A') > 0 "
             "THEN instr(CAST(a.text AS BLOB), X'0A') - 1 "
             "ELSE length(CAST(a.text AS BLOB)) END, "
             "CAST(substr(CAST(a.text AS BLOB), st.start + 1, st.\"end\" - st.start) AS TEXT), "
           : "CASE WHEN position('\\x0a0a'::bytea IN convert_to(a.text, 'UTF8')) > 0 "
             "THEN position('\\x0a0a'::bytea IN convert_to(a.text, 'UTF8')) - 1 "
             "WHEN position('\\x0a'::bytea IN convert_to(a.text, 'UTF8')) > 0 "
             "THEN position('\\x0a'::bytea IN convert_to(a.text, 'UTF8')) - 1 "
             "ELSE octet_length(a.text) END, "
             "convert_from(substring(convert_to(a.text, 'UTF8') FROM CAST(st.start + 1 AS integer) "
             "FOR CAST(st.\"end\" - st.start AS integer)), 'UTF8'), ") +
      "st.start";
  return sql + kEventJoins + EventConditions(filter, dialect, values);
}

// The conditions of `filter`, each starting " AND "; their values, bound as
// ?N, go into *values.
std::string EventConditions(const EventFilter& filter, SqlDialect dialect,
                            std::vector<std::string>* values) {
  std::string sql;
  // Each value is bound once as ?N, however often the clause uses it.
  auto param = [&](std::string value) {
    values->push_back(std::move(value));
    std::string p = "?";
    p += std::to_string(values->size());
    return p;
  };
  if (filter.from) sql += " AND e.date >= " + param(filter.from->ToString());
  if (filter.to) sql += " AND e.date <= " + param(filter.to->ToString());
  if (!filter.actor.empty()) {
    const std::string p = param(filter.actor);
    sql += " AND (substr(sa.code, 1, length(" + p + ")) = " + p + " OR substr(ta.code, 1, length(" +
           p + ")) = " + p + ")";
  }
  if (!filter.type.empty()) {
    const std::string p = param(filter.type);
    sql += " AND (e.plover_type = upper(" + p + ") OR substr(e.cameo, 1, length(" + p +
           ")) = " + p + ")";
  }
  if (!filter.country.empty()) {
    const std::string p = "upper(" + param(filter.country) + ")";
    sql += " AND (sa.country = " + p + " OR ta.country = " + p + " OR p.country = " + p + ")";
  }
  for (const auto& [prefix, column] :
       {std::pair{&filter.source, "sa.code"}, std::pair{&filter.target, "ta.code"}}) {
    if (prefix->empty()) continue;
    const std::string p = "upper(" + param(*prefix) + ")";
    sql += std::string(" AND substr(") + column + ", 1, length(" + p + ")) = " + p;
  }
  if (!filter.place_country.empty()) {
    sql += " AND p.country = upper(" + param(filter.place_country) + ")";
  }
  if (!filter.modalities.empty()) {
    sql += " AND e.modality IN (";
    for (size_t i = 0; i < filter.modalities.size(); ++i) {
      sql += (i > 0 ? ", " : "") + param(filter.modalities[i]);
    }
    sql += ")";
  }
  if (filter.precision) {
    // Coarser precisions come later in the enum: day, week, month, year.
    sql += " AND e.date_precision IN (";
    bool first = true;
    for (DatePrecision p :
         {DatePrecision::kDay, DatePrecision::kWeek, DatePrecision::kMonth, DatePrecision::kYear}) {
      if (static_cast<int>(p) > static_cast<int>(*filter.precision)) break;
      sql += (first ? "" : ", ") + param(std::string(DatePrecisionName(p)));
      first = false;
    }
    sql += ")";
  }
  if (!filter.event_id.empty()) sql += " AND e.event_id = " + param(filter.event_id);
  if (!filter.cameo.empty()) {
    const std::string p = param(filter.cameo);
    sql += " AND substr(e.cameo, 1, length(" + p + ")) = " + p;
  }
  if (filter.happening != 0) {
    sql += " AND he.happening_id = CAST(" + param(std::to_string(filter.happening)) + " AS BIGINT)";
  }
  if (dialect == SqlDialect::kPostgres) {
    if (!FullTextQuery(filter.text).empty())
      sql += " AND a.words @@ plainto_tsquery('simple', " + param(filter.text) + ")";
  } else if (const std::string words = FullTextQuery(filter.text); !words.empty()) {
    sql += " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + param(words) +
           ")";
  }
  if (filter.bbox) {
    const auto& [west, south, east, north] = *filter.bbox;
    char box[160];
    std::snprintf(box, sizeof box,
                  " AND p.lon BETWEEN %.17g AND %.17g AND p.lat BETWEEN %.17g AND %.17g", west,
                  east, south, north);
    sql += box;
  }
  return sql;
}

// The event of a row of EventQuery, without its quantities.
Event EventFromRow(Statement& s) {
  Event e;
  e.event_id = s.Text(1);
  e.doc_id = s.Text(2);
  e.sentence_index = static_cast<int>(s.Int(3));
  e.evidence = {s.Text(4), static_cast<uint32_t>(s.Int(5)), static_cast<uint32_t>(s.Int(6))};
  for (const auto& [column, actor] : {std::pair{7, &e.source}, std::pair{13, &e.target}}) {
    if (s.IsNull(column)) continue;
    *actor = ActorRef{s.Text(column + 3),
                      s.Text(column),
                      s.Text(column + 1),
                      s.Text(column + 2),
                      static_cast<uint32_t>(s.Int(column + 4)),
                      static_cast<uint32_t>(s.Int(column + 5))};
  }
  e.cameo = {s.Text(19), s.Text(20), static_cast<int>(s.Int(21)), s.Real(22)};
  e.plover = {s.Text(23), s.Text(24)};
  if (!s.IsNull(25)) {
    e.acled = AcledCode{s.Text(25),
                        s.Text(26),
                        s.Text(53),
                        s.Int(54) != 0,
                        static_cast<int>(s.Int(55)),
                        static_cast<int>(s.Int(56)),
                        static_cast<int>(s.Int(57))};
  }
  e.modality = ParseModality(s.Text(27)).value_or(Modality::kAsserted);
  if (!s.IsNull(28)) e.attribution = Attribution{s.Text(28), s.Text(29)};
  if (!s.IsNull(30)) {
    EventDate d;
    d.value = Date::Parse(s.Text(30)).value_or(Date{});
    d.precision = ParseDatePrecision(s.Text(31)).value_or(DatePrecision::kDay);
    d.text = s.Text(32);
    d.historical = s.Int(33) != 0;
    e.date = d;
  }
  if (!s.IsNull(34)) {
    Location l;
    l.name = s.Text(34);
    l.geonameid = s.Int(35);
    l.lat = s.Real(36);
    l.lon = s.Real(37);
    l.admin1 = s.Text(38);
    l.country = s.Text(39);
    l.precision = ParseLocationPrecision(s.Text(40)).value_or(LocationPrecision::kCity);
    l.text = s.Text(41);
    e.location = l;
  }
  e.rule = s.Text(42);
  e.confidence = s.Real(43);
  return e;
}

// A row's article and the counts of its event's happening.
StoredArticle ArticleFromRow(Statement& s, const Event& e) {
  StoredArticle article;
  article.doc_id = e.doc_id;
  article.url = s.Text(44);
  article.source = s.Text(45);
  article.title = s.Text(46);
  if (!s.IsNull(47)) article.published = Date::Parse(s.Text(47));
  if (!s.IsNull(48)) article.happening = {s.Int(48), s.Int(49), s.Int(50), s.Int(51), s.Int(52)};
  article.stored_at = s.Text(58);
  article.lead_end = s.Int(59);
  article.sentence = s.IsNull(60) ? std::string() : s.Text(60);
  article.sentence_start = s.IsNull(61) ? 0 : s.Int(61);
  return article;
}

// Event row `id`'s quantities, in order, read with the prepared query q.
void ReadQuantities(Statement& q, int64_t id, std::vector<Quantity>* out) {
  q.Reset();
  q.Bind(1, id);
  while (q.Step() == kRow) {
    Quantity quantity;
    quantity.kind = q.Text(0);
    quantity.value = q.Real(1);
    if (!q.IsNull(2)) quantity.low = q.Real(2);
    if (!q.IsNull(3)) quantity.high = q.Real(3);
    quantity.unit = q.Text(4);
    quantity.text = q.Text(5);
    out->push_back(std::move(quantity));
  }
}

}  // namespace

std::string ContentHash(const Document& doc) {
  uint64_t h = Hash64(doc.id);
  for (const std::string* s : {&doc.url, &doc.source, &doc.title, &doc.text})
    h = HashCombine(h, Hash64(*s));
  h = HashCombine(h, Hash64(doc.published ? doc.published->ToString() : ""));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::string EventStore::UriPath(const std::string& path) {
  std::string out;
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<EventStore>> EventStore::OpenForReading(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return IoError(path + ": no such database (palmyra code --db " + path + " ... creates one)");
  }
  // Read-only, never creating or changing anything; on read-only media a
  // database in WAL mode cannot make its shared-memory file, and is read
  // as immutable.
  std::string error;
  for (const char* how : {"ro", "immutable"}) {
    const std::string uri =
        "file:" + UriPath(path) + (std::string(how) == "ro" ? "?mode=ro" : "?immutable=1");
    LeaveOutMemoryStatistics();
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(
        uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | kOneThreadAtATime, nullptr);
    if (rc != SQLITE_OK) {
      error = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close(db);
      continue;
    }
    std::unique_ptr<EventStore> store(new EventStore(std::make_unique<SqliteConnection>(db), path));
    sqlite3_busy_timeout(db, 10000);
    int64_t table_count = -1;
    {
      Statement tables(*store->db_, "SELECT count(*) FROM sqlite_master");
      if (tables.ok() && tables.Step() == kRow) table_count = tables.Int(0);
    }
    if (table_count < 0) {
      error = sqlite3_errmsg(db);
      const int code = sqlite3_extended_errcode(db) & 0xff;
      if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY) continue;
      return DataError(path + ": not an SQLite database (" + error + ")");
    }
    if (table_count == 0) return DataError(path + ": an empty database, not one of Palmyra's");
    Statement schema(*store->db_, "SELECT value FROM meta WHERE key = 'schema'");
    if (!schema.ok() || schema.Step() != kRow || schema.Text(0) != "palmyra-events") {
      return DataError(path + ": an SQLite database, but not one of Palmyra's");
    }
    Statement version(*store->db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    const std::string v = version.ok() && version.Step() == kRow ? version.Text(0) : "";
    if (v != "1" && v != "2" && v != "3") {
      return DataError(path + ": a Palmyra database of schema version " + v +
                       ", which this palmyra cannot read");
    }
    store->acled_detail_ = v != "1";
    return store;
  }
  return IoError(path + ": cannot open the database: " + error);
}

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path) {
  LeaveOutMemoryStatistics();
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | kOneThreadAtATime, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return IoError(path + ": cannot open the database: " + message);
  }
  std::unique_ptr<EventStore> store(new EventStore(std::make_unique<SqliteConnection>(db), path));
  sqlite3_busy_timeout(db, 10000);
  // A file that is not SQLite fails on its first read.
  {
    Statement tables(*store->db_, "SELECT count(*) FROM sqlite_master");
    if (!tables.ok() || tables.Step() != kRow) {
      return DataError(path + ": not an SQLite database (" + sqlite3_errmsg(db) + ")");
    }
    if (tables.Int(0) > 0) {
      Statement schema(*store->db_, "SELECT value FROM meta WHERE key = 'schema'");
      if (!schema.ok() || schema.Step() != kRow || schema.Text(0) != "palmyra-events") {
        return DataError(path + ": an SQLite database, but not one of Palmyra's");
      }
    }
  }
  RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode = WAL"));
  RETURN_IF_ERROR(store->Exec("PRAGMA synchronous = NORMAL"));
  RETURN_IF_ERROR(store->Exec("PRAGMA foreign_keys = ON"));
  RETURN_IF_ERROR(store->Exec(EventStoreSchema().c_str()));
  RETURN_IF_ERROR(store->Migrate());
  RETURN_IF_ERROR(store->FindUnindexedArticles());
  return store;
}

Result<std::unique_ptr<EventStore>> EventStore::OpenPostgres(const std::string& conninfo,
                                                             bool for_reading) {
  ASSIGN_OR_RETURN(auto connection, PgConnection::Connect(conninfo));
  const std::string name = connection->name();
  auto batch_writer = std::make_unique<PgBatchWriter>(*connection);
  std::unique_ptr<EventStore> store(new EventStore(std::move(connection), name));
  store->batch_writer_ = std::move(batch_writer);
  SqlConnection& db = *store->db_;
  auto has_schema = [&]() -> Result<bool> {
    Statement meta(db, "SELECT to_regclass('meta') IS NOT NULL");
    if (!meta.ok() || meta.Step() != kRow) return store->Error("cannot read the schema");
    if (meta.Text(0) != "t") return false;
    Statement schema(db, "SELECT value FROM meta WHERE key = 'schema'");
    if (!schema.ok() || schema.Step() != kRow || schema.Text(0) != "palmyra-events")
      return DataError(name + ": has a table meta, but is not one of Palmyra's");
    Statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    const std::string v = version.ok() && version.Step() == kRow ? version.Text(0) : "";
    if (v != "3") {
      return DataError(name + ": a Palmyra database of schema version " + v +
                       ", which this palmyra cannot use (3)");
    }
    return true;
  };
  ASSIGN_OR_RETURN(bool ready, has_schema());
  if (ready) return store;
  if (for_reading) {
    return DataError(name + ": holds no Palmyra events (palmyra code --pg ... creates them)");
  }
  // Workers starting together create the schema once: the first takes the
  // lock, the others find it made.
  RETURN_IF_ERROR(store->Exec("BEGIN"));
  Status made = store->Exec("SELECT pg_advisory_xact_lock(7243350316)");
  if (made.ok()) {
    auto again = has_schema();
    made = again.ok() ? Status::Ok() : again.status();
    if (made.ok() && !*again) {
      made = db.Exec("CREATE EXTENSION IF NOT EXISTS postgis");
      if (!made.ok()) {
        made = DataError(name + ": PostGIS is not installed in it, and this user may not install " +
                         "it (a superuser can: CREATE EXTENSION postgis): " + made.message());
      } else {
        made = store->Exec(PostgresSchema().c_str());
      }
    }
  }
  if (!made.ok()) {
    (void)store->Exec("ROLLBACK");
    return made;
  }
  RETURN_IF_ERROR(store->Exec("COMMIT"));
  return store;
}

EventStore::EventStore(std::unique_ptr<SqlConnection> db, std::string path)
    : db_(std::move(db)), path_(std::move(path)) {}

EventStore::~EventStore() {
  batch_writer_.reset();
  cache_.clear();  // the statements before their connection
  db_.reset();
}

SqlStatement* EventStore::Cached(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return it->second.get();
  std::unique_ptr<SqlStatement> statement = db_->Prepare(sql);
  if (statement == nullptr) return nullptr;
  return cache_.emplace(sql, std::move(statement)).first->second.get();
}

Status EventStore::Error(const std::string& what) const {
  return IoError(path_ + ": " + what + ": " + db_->LastError());
}

Status EventStore::Migrate() {
  std::string v;
  {
    Statement version(*db_, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.ok() || version.Step() != kRow) {
      return DataError(path_ + ": a Palmyra database without a schema version");
    }
    v = version.Text(0);
  }
  if (v == "3") return Status::Ok();
  if (v == "2") return MigrateToVersion3();
  if (v != "1")
    return DataError(path_ + ": a Palmyra database of schema version " + v +
                     ", newer than this palmyra knows (3)");
  // Version 1 lacked ACLED's further categories (events coded then keep
  // NULL) and the happenings' article scope: the happenings table is
  // rebuilt (SQLite cannot change a UNIQUE constraint), with foreign keys
  // off so that its events stay linked.
  RETURN_IF_ERROR(Exec("PRAGMA foreign_keys = OFF"));
  const Status migrated = Exec(
      "BEGIN; ALTER TABLE events ADD COLUMN acled_disorder TEXT; "
      "ALTER TABLE events ADD COLUMN acled_civilian_targeting INTEGER; "
      "ALTER TABLE events ADD COLUMN acled_inter1 INTEGER; "
      "ALTER TABLE events ADD COLUMN acled_inter2 INTEGER; "
      "ALTER TABLE events ADD COLUMN acled_interaction INTEGER; "
      "CREATE TABLE happenings_v2 (id INTEGER PRIMARY KEY, day TEXT NOT NULL, "
      "source_code TEXT NOT NULL, target_code TEXT NOT NULL, plover_type TEXT NOT NULL, "
      "place_key INTEGER NOT NULL, article_scope INTEGER NOT NULL DEFAULT 0, "
      "UNIQUE (day, source_code, target_code, plover_type, place_key, article_scope)); "
      "DROP VIEW IF EXISTS happening_counts; "
      "INSERT INTO happenings_v2(id, day, source_code, target_code, plover_type, place_key) "
      "SELECT id, day, source_code, target_code, plover_type, place_key FROM happenings; "
      "DROP TABLE happenings; ALTER TABLE happenings_v2 RENAME TO happenings; "
      "UPDATE meta SET value = '2' WHERE key = 'schema_version'; COMMIT;");
  if (!migrated.ok()) (void)Exec("ROLLBACK");
  RETURN_IF_ERROR(Exec("PRAGMA foreign_keys = ON"));
  RETURN_IF_ERROR(migrated);
  RETURN_IF_ERROR(Exec(EventStoreSchema().c_str()));  // the view dropped above, and the indexes
  return MigrateToVersion3();
}

Status EventStore::MigrateToVersion3() {
  // Version 2 indexed each article for full-text search by a trigger as
  // it was stored; version 3 indexes a transaction's articles together.
  const Status migrated = Exec(
      "BEGIN; DROP TRIGGER IF EXISTS articles_fts_insert; "
      "UPDATE meta SET value = '3' WHERE key = 'schema_version'; COMMIT;");
  if (!migrated.ok()) (void)Exec("ROLLBACK");
  return migrated;
}

Status EventStore::FindUnindexedArticles() {
  // Articles a run stored but did not index before it was killed: those
  // after the last one the index holds.
  Statement first(*db_,
                  "SELECT min(id), max(id) FROM articles WHERE id > "
                  "(SELECT coalesce(max(id), 0) FROM articles_fts_docsize)");
  if (!first.ok() || first.Step() != kRow) return Error("cannot read the search index");
  if (first.IsNull(0)) return Status::Ok();
  unindexed_from_ = first.Int(0);
  last_article_ = first.Int(1);
  return Status::Ok();
}

Status EventStore::IndexPendingArticles() {
  if (unindexed_from_ == 0) return Status::Ok();
  RETURN_IF_ERROR(Begin());
  const Status done = Commit(SearchIndex::kNow);
  if (!done.ok()) (void)Rollback();
  return done;
}

Status EventStore::IndexNewArticles() {
  if (unindexed_from_ == 0) return Status::Ok();
  RETURN_IF_ERROR(IndexArticles(unindexed_from_, /*only=*/false));
  unindexed_from_ = 0;
  return Status::Ok();
}

Status EventStore::IndexArticles(int64_t id, bool only) {
  // Those another writer indexed meanwhile are left out: the index must
  // hold each article once.
  static constexpr char kFrom[] =
      "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles "
      "WHERE id >= ? AND NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = "
      "articles.id)";
  static constexpr char kOnly[] =
      "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles "
      "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = articles.id)";
  Statement index(Cached(only ? kOnly : kFrom));
  if (!index.ok()) return Error("cannot index articles");
  index.Bind(1, id);
  if (index.Step() != kDone) return Error("cannot index articles");
  return Status::Ok();
}

Status EventStore::Exec(const char* sql) {
  const Status done = db_->Exec(sql);
  return done.ok() ? done : IoError(path_ + ": " + done.message());
}

Status EventStore::Begin() {
  RETURN_IF_ERROR(Exec(db_->dialect() == SqlDialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN"));
  in_transaction_ = true;
  unindexed_at_begin_ = unindexed_from_;
  return Status::Ok();
}
Status EventStore::Commit(SearchIndex index) {
  in_transaction_ = false;
  const bool due =
      index == SearchIndex::kNow ||
      (unindexed_from_ != 0 && last_article_ - unindexed_from_ + 1 >= kSearchIndexBatch);
  const Status indexed = due ? IndexNewArticles() : Status::Ok();
  if (!indexed.ok()) {
    (void)Rollback();
    return indexed;
  }
  const Status done = Exec("COMMIT");
  if (batch_writer_ != nullptr) {
    if (done.ok()) {
      batch_writer_->Committed();
      if (batch_writer_->WantsAnalyze()) {
        RETURN_IF_ERROR(
            Exec("ANALYZE articles, article_bands, sentences, events, mentions, "
                 "happenings, happening_events, actors, places"));
        batch_writer_->Analyzed();
      }
    } else {
      batch_writer_->RolledBack();
    }
  }
  return done;
}

Status EventStore::Rollback() {
  in_transaction_ = false;
  unindexed_from_ = unindexed_at_begin_;
  if (batch_writer_ != nullptr) batch_writer_->RolledBack();
  return Exec("ROLLBACK");
}

Result<int64_t> EventStore::PutBatch(const std::vector<ArticleToStore>& articles) {
  if (batch_writer_ != nullptr) return batch_writer_->Write(articles);
  int64_t stored = 0;
  for (const ArticleToStore& a : articles) {
    ASSIGN_OR_RETURN(const bool put, Put(*a.doc, *a.stats, *a.events, *a.links));
    if (put) ++stored;
  }
  return stored;
}

Result<bool> EventStore::IsStored(const Document& doc) {
  Statement s(Cached("SELECT content_hash FROM articles WHERE doc_id = ?"));
  if (!s.ok()) return Error("cannot read articles");
  s.Bind(1, doc.id);
  const StepResult rc = s.Step();
  if (rc == kDone) return false;
  if (rc != kRow) return Error("cannot read articles");
  return s.Text(0) == ContentHash(doc);
}

Result<int64_t> EventStore::ActorId(const ActorRef& actor) {
  Statement insert(
      Cached("INSERT INTO actors(code, country, sector) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
  Statement select(Cached("SELECT id FROM actors WHERE code = ? AND country = ? AND sector = ?"));
  if (!insert.ok() || !select.ok()) return Error("cannot write actors");
  for (Statement* s : {&insert, &select}) {
    s->Bind(1, actor.code);
    s->Bind(2, actor.country);
    s->Bind(3, actor.sector);
  }
  if (insert.Step() != kDone || select.Step() != kRow) return Error("cannot write actors");
  return select.Int(0);
}

Result<int64_t> EventStore::PlaceId(const Location& l) {
  Statement insert(
      Cached("INSERT INTO places(geonameid, name, admin1, country, lat, lon, precision) "
             "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  Statement select(
      Cached("SELECT id FROM places WHERE geonameid = ? AND name = ? AND admin1 = ? AND "
             "country = ? AND precision = ?"));
  if (!insert.ok() || !select.ok()) return Error("cannot write places");
  const std::string precision(LocationPrecisionName(l.precision));
  insert.Bind(1, l.geonameid);
  insert.Bind(2, l.name);
  insert.Bind(3, l.admin1);
  insert.Bind(4, l.country);
  insert.Bind(5, l.lat);
  insert.Bind(6, l.lon);
  insert.Bind(7, precision);
  select.Bind(1, l.geonameid);
  select.Bind(2, l.name);
  select.Bind(3, l.admin1);
  select.Bind(4, l.country);
  select.Bind(5, precision);
  if (insert.Step() != kDone || select.Step() != kRow) return Error("cannot write places");
  return select.Int(0);
}

Result<std::optional<std::string>> EventStore::FindNearDuplicate(const MinHash& signature) {
  // The articles that share a band with it, in one query.
  static const std::string sql = [] {
    std::string bands;
    for (int i = 0; i < kMinHashBands; ++i) bands += i == 0 ? "?" : ", ?";
    return "SELECT DISTINCT a.doc_id, a.minhash, a.id FROM article_bands b JOIN articles a ON "
           "a.id = b.article_id WHERE b.band_key IN (" +
           bands + ") AND a.duplicate_of IS NULL";
  }();
  Statement candidates(Cached(sql.c_str()));
  if (!candidates.ok()) return Error("cannot read article bands");
  int i = 0;
  for (uint64_t key : MinHashBandKeys(signature)) candidates.Bind(++i, static_cast<int64_t>(key));
  std::optional<std::string> best;
  double best_similarity = kNearDuplicateSimilarity;
  int64_t best_row = 0;
  StepResult rc;
  while ((rc = candidates.Step()) == kRow) {
    const auto other = MinHashFromHex(candidates.Text(1));
    if (!other) continue;
    const double s = Similarity(signature, *other);
    if (s > best_similarity || (s == best_similarity && (!best || candidates.Int(2) < best_row))) {
      best_similarity = s;
      best = candidates.Text(0);
      best_row = candidates.Int(2);
    }
  }
  if (rc != kDone) return Error("cannot read article bands");
  return best;
}

Result<bool> EventStore::DropStale(const Document& doc, const std::string& hash) {
  Statement old(Cached("SELECT id, content_hash FROM articles WHERE doc_id = ?"));
  if (!old.ok()) return Error("cannot read articles");
  old.Bind(1, doc.id);
  if (old.Step() != kRow) return true;
  if (old.Text(1) == hash) return false;
  const int64_t stale = old.Int(0);
  // Its removal takes it out of the search index: it must be in it (a run,
  // this one or another writer's, may not have indexed it yet).
  if (db_->dialect() == SqlDialect::kSqlite) RETURN_IF_ERROR(IndexArticles(stale, /*only=*/true));
  Statement remove(Cached("DELETE FROM articles WHERE id = ?"));
  remove.Bind(1, stale);
  if (!remove.ok() || remove.Step() != kDone) return Error("cannot replace an article");
  // Happenings left without events go too.
  RETURN_IF_ERROR(
      Exec("DELETE FROM happenings WHERE NOT EXISTS (SELECT 1 FROM "
           "happening_events he WHERE he.happening_id = happenings.id)"));
  return true;
}

Result<int64_t> EventStore::InsertArticle(const Document& doc, const std::string& hash,
                                          const ArticleLinks& links,
                                          std::optional<int64_t> original) {
  static const std::string sql =
      "INSERT INTO articles(doc_id, url, source, title, published, text, content_hash, "
      "stored_at, minhash, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Statement article(Cached(db_->returns_ids() ? (sql + " RETURNING id").c_str() : sql.c_str()));
  if (!article.ok()) return Error("cannot write articles");
  article.Bind(1, doc.id);
  article.Bind(2, doc.url);
  article.Bind(3, doc.source);
  article.Bind(4, doc.title);
  article.BindOptional(
      5, doc.published ? std::optional<std::string>(doc.published->ToString()) : std::nullopt);
  article.Bind(6, doc.text);
  article.Bind(7, hash);
  article.Bind(8, NowUtc());
  article.BindOptional(9, links.signature
                              ? std::optional<std::string>(MinHashToHex(*links.signature))
                              : std::nullopt);
  article.BindOptional(10, original);
  ASSIGN_OR_RETURN(const std::optional<int64_t> row, InsertedRow(article));
  if (!row) return Error("cannot write an article");
  const int64_t article_id = *row;
  // SQLite's search index takes the articles at the end of a transaction.
  if (db_->dialect() == SqlDialect::kSqlite) {
    if (unindexed_from_ == 0) unindexed_from_ = article_id;
    last_article_ = article_id;
  }
  if (original || !links.signature) return article_id;
  Statement band(Cached("INSERT INTO article_bands(band_key, article_id) VALUES (?, ?)"));
  if (!band.ok()) return Error("cannot write article bands");
  for (uint64_t key : MinHashBandKeys(*links.signature)) {
    band.Reset();
    band.Bind(1, static_cast<int64_t>(key));
    band.Bind(2, article_id);
    if (band.Step() != kDone) return Error("cannot write article bands");
  }
  return article_id;
}

Status EventStore::InsertSentences(int64_t article_id, const CodeStats& stats) {
  Statement sentence(
      Cached("INSERT INTO sentences(article_id, idx, start, \"end\") VALUES (?, ?, ?, ?)"));
  if (!sentence.ok()) return Error("cannot write sentences");
  for (size_t i = 0; i < stats.sentence_spans.size(); ++i) {
    sentence.Reset();
    sentence.Bind(1, article_id);
    sentence.Bind(2, static_cast<int64_t>(i));
    sentence.Bind(3, static_cast<int64_t>(stats.sentence_spans[i].first));
    sentence.Bind(4, static_cast<int64_t>(stats.sentence_spans[i].second));
    if (sentence.Step() != kDone) return Error("cannot write sentences");
  }
  return Status::Ok();
}

Result<bool> EventStore::Put(const Document& doc, const CodeStats& stats,
                             const std::vector<Event>& events, const ArticleLinks& links) {
  const std::string hash = ContentHash(doc);
  ASSIGN_OR_RETURN(const bool changed, DropStale(doc, hash));
  if (!changed) return false;
  std::optional<int64_t> original;
  if (!links.duplicate_of.empty()) {
    Statement find(Cached("SELECT id FROM articles WHERE doc_id = ?"));
    if (!find.ok()) return Error("cannot read articles");
    find.Bind(1, links.duplicate_of);
    if (find.Step() == kRow) original = find.Int(0);
  }
  ASSIGN_OR_RETURN(const int64_t article_id, InsertArticle(doc, hash, links, original));
  // A copy is linked to its original and not coded: its reports count for
  // the original's happenings.
  if (!original) {
    RETURN_IF_ERROR(InsertSentences(article_id, stats));
    for (const Event& e : events) RETURN_IF_ERROR(InsertEvent(e, article_id, doc.published));
  }
  if (!in_transaction_) RETURN_IF_ERROR(IndexNewArticles());
  return true;
}

Status EventStore::InsertEvent(const Event& e, int64_t article_id,
                               const std::optional<Date>& published) {
  static const std::string sql =
      "INSERT INTO events(event_id, article_id, sentence_idx, cameo, cameo_root, quad_class, "
      "goldstein, plover_type, plover_mode, acled_type, acled_subtype, modality, "
      "attribution_text, attribution_code, date, date_precision, date_text, historical, "
      "place_id, place_text, evidence, evidence_start, evidence_end, rule, confidence, "
      "acled_disorder, acled_civilian_targeting, acled_inter1, acled_inter2, acled_interaction) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?) ON CONFLICT DO NOTHING";
  Statement event(Cached(db_->returns_ids() ? (sql + " RETURNING id").c_str() : sql.c_str()));
  if (!event.ok()) return Error("cannot write events");
  std::optional<int64_t> place;
  if (e.location) {
    ASSIGN_OR_RETURN(int64_t id, PlaceId(*e.location));
    place = id;
  }
  auto text = [](bool has, const std::string& value) {
    return has ? std::optional<std::string>(value) : std::nullopt;
  };
  event.Bind(1, e.event_id);
  event.Bind(2, article_id);
  event.Bind(3, static_cast<int64_t>(e.sentence_index));
  event.Bind(4, e.cameo.code);
  event.Bind(5, e.cameo.root);
  event.Bind(6, static_cast<int64_t>(e.cameo.quad_class));
  event.Bind(7, e.cameo.goldstein);
  event.Bind(8, e.plover.type);
  event.Bind(9, e.plover.mode);
  event.BindOptional(10, e.acled ? text(true, e.acled->event_type) : std::nullopt);
  event.BindOptional(11, e.acled ? text(true, e.acled->sub_event_type) : std::nullopt);
  event.Bind(12, std::string(ModalityName(e.modality)));
  event.BindOptional(13, e.attribution ? text(true, e.attribution->text) : std::nullopt);
  event.BindOptional(14, e.attribution ? text(true, e.attribution->code) : std::nullopt);
  if (e.date) {
    event.Bind(15, e.date->value.ToString());
    event.Bind(16, std::string(DatePrecisionName(e.date->precision)));
    event.Bind(17, e.date->text);
    event.Bind(18, static_cast<int64_t>(e.date->historical));
  }
  event.BindOptional(19, place);
  event.BindOptional(20, e.location ? text(true, e.location->text) : std::nullopt);
  event.Bind(21, e.evidence.text);
  event.Bind(22, static_cast<int64_t>(e.evidence.start));
  event.Bind(23, static_cast<int64_t>(e.evidence.end));
  event.Bind(24, e.rule);
  event.Bind(25, e.confidence);
  if (e.acled) {
    event.Bind(26, e.acled->disorder_type);
    event.Bind(27, static_cast<int64_t>(e.acled->civilian_targeting));
    event.Bind(28, static_cast<int64_t>(e.acled->inter1));
    event.Bind(29, static_cast<int64_t>(e.acled->inter2));
    event.Bind(30, static_cast<int64_t>(e.acled->interaction));
  }
  ASSIGN_OR_RETURN(const std::optional<int64_t> inserted, InsertedRow(event));
  if (!inserted) return Status::Ok();  // the same event_id twice: once is enough
  const int64_t event_row = *inserted;
  RETURN_IF_ERROR(InsertParts(e, event_row));
  // The happening (merge/happening_key.h), its place identified by its row.
  const HappeningKey key = HappeningKeyOf(e, published);
  const int64_t scope = key.article_scoped ? article_id : 0;
  Statement happening(
      Cached("INSERT INTO happenings(day, source_code, target_code, plover_type, place_key, "
             "article_scope) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  Statement happening_id(
      Cached("SELECT id FROM happenings WHERE day = ? AND source_code = ? AND "
             "target_code = ? AND plover_type = ? AND place_key = ? AND article_scope = ?"));
  Statement merged(Cached("INSERT INTO happening_events(happening_id, event_id) VALUES (?, ?)"));
  if (!happening.ok() || !happening_id.ok() || !merged.ok())
    return Error("cannot write happenings");
  for (Statement* s : {&happening, &happening_id}) {
    s->Bind(1, key.day);
    s->Bind(2, key.source);
    s->Bind(3, key.target);
    s->Bind(4, key.type);
    s->Bind(5, place.value_or(0));
    s->Bind(6, scope);
  }
  if (happening.Step() != kDone || happening_id.Step() != kRow)
    return Error("cannot write happenings");
  merged.Bind(1, happening_id.Int(0));
  merged.Bind(2, event_row);
  if (merged.Step() != kDone) return Error("cannot write happenings");
  return Status::Ok();
}

Result<std::optional<int64_t>> EventStore::InsertedRow(Statement& insert) {
  const StepResult rc = insert.Step();
  if (rc == kStepError) return Error("cannot write");
  if (db_->returns_ids()) {
    if (rc == kRow) return std::optional<int64_t>(insert.Int(0));
    return std::optional<int64_t>();
  }
  if (db_->Changes() == 0) return std::optional<int64_t>();
  return std::optional<int64_t>(db_->LastInsertId());
}

Status EventStore::InsertParts(const Event& e, int64_t event_row) {
  Statement mention(
      Cached("INSERT INTO mentions(event_id, role, actor_id, text, start, \"end\") VALUES (?, "
             "?, ?, ?, ?, ?)"));
  Statement quantity(
      Cached("INSERT INTO quantities(event_id, idx, kind, value, low, high, unit, text) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  if (!mention.ok() || !quantity.ok()) return Error("cannot write events");
  for (const auto& [role, actor] :
       {std::pair{"source", &e.source}, std::pair{"target", &e.target}}) {
    if (!*actor) continue;
    ASSIGN_OR_RETURN(int64_t actor_id, ActorId(**actor));
    mention.Reset();
    mention.Bind(1, event_row);
    mention.Bind(2, std::string(role));
    mention.Bind(3, actor_id);
    mention.Bind(4, (*actor)->text);
    mention.Bind(5, static_cast<int64_t>((*actor)->start));
    mention.Bind(6, static_cast<int64_t>((*actor)->end));
    if (mention.Step() != kDone) return Error("cannot write mentions");
  }
  for (size_t i = 0; i < e.quantities.size(); ++i) {
    const Quantity& q = e.quantities[i];
    quantity.Reset();
    quantity.Bind(1, event_row);
    quantity.Bind(2, static_cast<int64_t>(i));
    quantity.Bind(3, q.kind);
    quantity.Bind(4, q.value);
    quantity.BindOptional(5, q.low);
    quantity.BindOptional(6, q.high);
    quantity.Bind(7, q.unit);
    quantity.Bind(8, q.text);
    if (quantity.Step() != kDone) return Error("cannot write quantities");
  }
  return Status::Ok();
}

Status EventStore::ReadEvents(const std::string& sql, const std::vector<std::string>& values,
                              const std::function<bool(int64_t, Event, StoredArticle)>& each) {
  Statement s(*db_, sql, /*streaming=*/true);
  if (!s.ok()) return Error("cannot read events");
  for (size_t i = 0; i < values.size(); ++i) s.Bind(static_cast<int>(i) + 1, values[i]);
  Statement q(*db_,
              "SELECT kind, value, low, high, unit, text FROM quantities WHERE event_id = ? "
              "ORDER BY idx");
  if (!q.ok()) return Error("cannot read quantities");
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
    Event e = EventFromRow(s);
    ReadQuantities(q, s.Int(0), &e.quantities);
    StoredArticle a = ArticleFromRow(s, e);
    if (!each(s.Int(0), std::move(e), std::move(a))) return Status::Ok();
  }
  if (rc != kDone) return Error("cannot read events");
  return Status::Ok();
}

Status EventStore::ForEachEvent(
    const EventFilter& filter,
    const std::function<void(const Event&, const StoredArticle&)>& each) {
  std::vector<std::string> values;
  const std::string sql =
      EventQuery(filter, db_->dialect(), acled_detail_, &values) + " ORDER BY a.id, e.id";
  return ReadEvents(sql, values, [&](int64_t, Event e, StoredArticle a) {
    each(e, a);
    return true;
  });
}

Result<EventPage> EventStore::Page(const EventFilter& filter, int64_t after, int limit) {
  std::vector<std::string> values;
  const std::string sql = EventQuery(filter, db_->dialect(), acled_detail_, &values) +
                          " AND e.id > " + std::to_string(after) + " ORDER BY e.id LIMIT " +
                          std::to_string(limit + 1);
  EventPage page;
  RETURN_IF_ERROR(ReadEvents(sql, values, [&](int64_t row, Event e, StoredArticle a) {
    if (static_cast<int>(page.events.size()) == limit) {
      page.next = page.rows.back();  // there is more after the last one kept
      return false;
    }
    page.rows.push_back(row);
    page.events.emplace_back(std::move(e), std::move(a));
    return true;
  }));
  return page;
}

Status EventStore::Aggregate(const EventFilter& filter, const std::string& columns,
                             const std::string& rest,
                             const std::function<void(const AggregateRow&)>& each) {
  std::vector<std::string> values;
  const std::string conditions = EventConditions(filter, db_->dialect(), &values);
  const std::string sql =
      "SELECT " + columns + NeededJoins(columns + conditions + rest) + conditions + " " + rest;
  Statement s(*db_, sql);
  if (!s.ok()) return Error("cannot read events");
  for (size_t i = 0; i < values.size(); ++i) s.Bind(static_cast<int>(i) + 1, values[i]);
  AggregateRow row;
  StepResult rc;
  while ((rc = s.Step()) == kRow) {
    const int n = s.Columns();
    row.text.assign(n, std::string());
    row.number.assign(n, 0.0);
    row.null.assign(n, false);
    for (int i = 0; i < n; ++i) {
      row.null[i] = s.IsNull(i);
      row.text[i] = s.Text(i);
      row.number[i] = s.Real(i);
    }
    each(row);
  }
  if (rc != kDone) return Error("cannot read events");
  return Status::Ok();
}

Result<std::optional<ArticleRecord>> EventStore::Article(const std::string& doc_id) {
  Statement s(*db_,
              "SELECT a.id, a.doc_id, a.url, a.source, a.title, a.published, a.text, a.stored_at, "
              "d.doc_id FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of "
              "WHERE a.doc_id = ?");
  if (!s.ok()) return Error("cannot read articles");
  s.Bind(1, doc_id);
  const StepResult rc = s.Step();
  if (rc == kDone) return std::optional<ArticleRecord>();
  if (rc != kRow) return Error("cannot read articles");
  ArticleRecord r;
  const int64_t id = s.Int(0);
  r.doc_id = s.Text(1);
  r.url = s.Text(2);
  r.source = s.Text(3);
  r.title = s.Text(4);
  if (!s.IsNull(5)) r.published = Date::Parse(s.Text(5));
  r.text = s.Text(6);
  r.stored_at = s.Text(7);
  r.duplicate_of = s.IsNull(8) ? std::string() : s.Text(8);
  Statement e(*db_, "SELECT event_id FROM events WHERE article_id = ? ORDER BY id");
  if (!e.ok()) return Error("cannot read events");
  e.Bind(1, id);
  while (e.Step() == kRow) r.event_ids.push_back(e.Text(0));
  return std::optional<ArticleRecord>(std::move(r));
}

Result<StoreCounts> EventStore::Counts(size_t top) {
  StoreCounts c;
  auto scalar = [&](const char* sql, int64_t* out) -> Status {
    Statement s(*db_, sql);
    if (!s.ok() || s.Step() != kRow) return Error("cannot count");
    *out = s.Int(0);
    return Status::Ok();
  };
  RETURN_IF_ERROR(scalar("SELECT count(*) FROM articles", &c.articles));
  RETURN_IF_ERROR(scalar("SELECT count(*) FROM sentences", &c.sentences));
  RETURN_IF_ERROR(scalar("SELECT count(*) FROM events", &c.events));
  RETURN_IF_ERROR(scalar("SELECT count(*) FROM actors", &c.actors));
  RETURN_IF_ERROR(scalar("SELECT count(*) FROM places", &c.places));
  auto list = [&](const std::string& sql, std::vector<std::pair<std::string, int64_t>>* out,
                  bool all) -> Status {
    Statement s(*db_, sql + (all ? "" : " LIMIT " + std::to_string(top)));
    if (!s.ok()) return Error("cannot count");
    StepResult rc;
    while ((rc = s.Step()) == kRow) out->emplace_back(s.Text(0), s.Int(1));
    if (rc != kDone) return Error("cannot count");
    return Status::Ok();
  };
  RETURN_IF_ERROR(
      list("SELECT coalesce(date, 'undated'), count(*) FROM events GROUP BY 1 "
           "ORDER BY 1",
           &c.by_day, true));
  RETURN_IF_ERROR(
      list("SELECT plover_type || ' (' || cameo_root || ')', count(*) FROM events "
           "GROUP BY plover_type, cameo_root ORDER BY 2 DESC, 1",
           &c.by_type, false));
  RETURN_IF_ERROR(
      list("SELECT a.code, count(*) FROM mentions m JOIN actors a ON a.id = "
           "m.actor_id GROUP BY a.code ORDER BY 2 DESC, 1",
           &c.by_actor, false));
  RETURN_IF_ERROR(
      list("SELECT p.country, count(*) FROM events e JOIN places p ON p.id = "
           "e.place_id GROUP BY p.country ORDER BY 2 DESC, 1",
           &c.by_country, false));
  return c;
}

}  // namespace palmyra
