#include "store/pg_batch_writer.h"

#include <libpq-fe.h>

#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "merge/happening_key.h"
#include "merge/near_duplicates.h"
#include "store/event_store.h"

namespace palmyra {
namespace {

std::string Number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

// Appends the fields of one row of COPY's text format, and its line end.
class CopyRow {
 public:
  explicit CopyRow(std::string* out) : out_(out) {}
  ~CopyRow() { out_->push_back('\n'); }
  CopyRow& Text(std::string_view v) {
    Separate();
    AppendCopyField(v, out_);
    return *this;
  }
  CopyRow& Int(int64_t v) {
    Separate();
    out_->append(std::to_string(v));
    return *this;
  }
  CopyRow& Real(double v) {
    Separate();
    out_->append(Number(v));
    return *this;
  }
  CopyRow& Null() {
    Separate();
    out_->append("\\N");
    return *this;
  }
  template <typename T>
  CopyRow& Optional(const std::optional<T>& v) {
    if (!v) return Null();
    if constexpr (std::is_same_v<T, std::string>) {
      return Text(*v);
    } else if constexpr (std::is_floating_point_v<T>) {
      return Real(*v);
    } else {
      return Int(*v);
    }
  }

 private:
  void Separate() {
    if (!first_) out_->push_back('\t');
    first_ = false;
  }
  std::string* out_;
  bool first_ = true;
};

// Appends the COPY row of event `e` (row `row` of events, of article row
// `article`, at place row `place`).
void AppendEventRow(const Event& e, int64_t row, int64_t article, std::optional<int64_t> place,
                    std::string* out) {
  CopyRow r(out);
  r.Int(row).Text(e.event_id).Int(article).Int(e.sentence_index);
  r.Text(e.cameo.code).Text(e.cameo.root).Int(e.cameo.quad_class).Real(e.cameo.goldstein);
  r.Text(e.plover.type).Text(e.plover.mode);
  if (e.acled) {
    r.Text(e.acled->event_type).Text(e.acled->sub_event_type);
  } else {
    r.Null().Null();
  }
  r.Text(ModalityName(e.modality));
  if (e.attribution) {
    r.Text(e.attribution->text).Text(e.attribution->code);
  } else {
    r.Null().Null();
  }
  if (e.date) {
    r.Text(e.date->value.ToString())
        .Text(DatePrecisionName(e.date->precision))
        .Text(e.date->text)
        .Int(e.date->historical ? 1 : 0);
  } else {
    r.Null().Null().Null().Null();
  }
  r.Optional(place);
  if (e.location) {
    r.Text(e.location->text);
  } else {
    r.Null();
  }
  r.Text(e.evidence.text).Int(e.evidence.start).Int(e.evidence.end).Text(e.rule);
  r.Real(e.confidence);
  if (e.acled) {
    r.Text(e.acled->disorder_type)
        .Int(e.acled->civilian_targeting ? 1 : 0)
        .Int(e.acled->inter1)
        .Int(e.acled->inter2)
        .Int(e.acled->interaction);
  } else {
    r.Null().Null().Null().Null().Null();
  }
}

std::string IntArray(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "}";
}

}  // namespace

std::string PostgresArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

void AppendCopyField(std::string_view value, std::string* out) {
  // PostgreSQL takes valid UTF-8 without NUL only: an invalid byte becomes
  // '?', a NUL a space, so that byte offsets into the text still hold.
  const bool valid = FindInvalidUtf8(value) == std::string_view::npos;
  for (size_t i = 0; i < value.size();) {
    size_t length = 1;
    if (!valid && DecodeUtf8(value, i, &length) == kReplacementChar &&
        value.compare(i, 3, "\xEF\xBF\xBD") != 0) {
      out->push_back('?');
      ++i;
      continue;
    }
    for (size_t k = i; k < i + length; ++k) {
      const char c = value[k];
      switch (c) {
        case '\\':
          out->append("\\\\");
          break;
        case '\t':
          out->append("\\t");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\0':
          out->push_back(' ');
          break;
        default:
          out->push_back(c);
      }
    }
    i += length;
  }
}

Status PgBatchWriter::Error(const std::string& what) const {
  return IoError(db_.name() + ": " + what + ": " + db_.LastError());
}

Result<std::vector<int64_t>> PgBatchWriter::NewIds(const char* table, size_t count) {
  std::vector<int64_t> ids;
  if (count == 0) return ids;
  Statement s(db_, std::string("SELECT nextval(pg_get_serial_sequence('") + table +
                       "', 'id')) FROM generate_series(1, ?::bigint)");
  s.Bind(1, static_cast<int64_t>(count));
  StepResult rc;
  while ((rc = s.Step()) == kRow) ids.push_back(s.Int(0));
  if (rc != kDone || ids.size() != count) return Error(std::string("cannot number ") + table);
  return ids;
}

Status PgBatchWriter::Copy(const char* table, const char* columns, const std::string& rows) {
  if (rows.empty()) return Status::Ok();
  pg_conn* conn = db_.handle();
  PGresult* r =
      PQexec(conn, (std::string("COPY ") + table + "(" + columns + ") FROM STDIN").c_str());
  const bool started = PQresultStatus(r) == PGRES_COPY_IN;
  PQclear(r);
  if (!started) {
    db_.Failed(PQerrorMessage(conn), "");
    return Error(std::string("cannot write ") + table);
  }
  bool sent = PQputCopyData(conn, rows.data(), static_cast<int>(rows.size())) == 1;
  sent = PQputCopyEnd(conn, sent ? nullptr : "the rows could not be sent") == 1 && sent;
  bool ok = sent;
  while ((r = PQgetResult(conn)) != nullptr) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      db_.Failed(PQresultErrorMessage(r), state != nullptr ? state : "");
      ok = false;
    }
    PQclear(r);
  }
  return ok ? Status::Ok() : Error(std::string("cannot write ") + table);
}

void PgBatchWriter::Committed() {
  written_ += pending_;
  pending_ = 0;
  actors_.merge(new_actors_);
  places_.merge(new_places_);
  new_actors_.clear();
  new_places_.clear();
}

void PgBatchWriter::RolledBack() {
  pending_ = 0;
  new_actors_.clear();
  new_places_.clear();
}

int64_t PgBatchWriter::ActorRow(const ActorKey& key) const {
  auto it = actors_.find(key);
  return it != actors_.end() ? it->second : new_actors_.at(key);
}

int64_t PgBatchWriter::PlaceRow(const PlaceKey& key) const {
  auto it = places_.find(key);
  return it != places_.end() ? it->second : new_places_.at(key);
}

Status PgBatchWriter::AddActors(const std::vector<const ActorRef*>& actors) {
  std::set<ActorKey> wanted;  // sorted: every writer inserts in this order
  for (const ActorRef* a : actors) {
    ActorKey key{a->code, a->country, a->sector};
    if (actors_.count(key) == 0 && new_actors_.count(key) == 0) wanted.insert(std::move(key));
  }
  if (wanted.empty()) return Status::Ok();
  std::vector<std::string> codes, countries, sectors;
  for (const auto& [code, country, sector] : wanted) {
    codes.push_back(code);
    countries.push_back(country);
    sectors.push_back(sector);
  }
  auto bind = [&](Statement& s) {
    s.Bind(1, PostgresArray(codes));
    s.Bind(2, PostgresArray(countries));
    s.Bind(3, PostgresArray(sectors));
  };
  {
    Statement insert(db_,
                     "INSERT INTO actors(code, country, sector) SELECT c, n, s FROM "
                     "unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(c, n, s, i) "
                     "ORDER BY i ON CONFLICT DO NOTHING");
    bind(insert);
    if (insert.Step() != kDone) return Error("cannot write actors");
  }
  Statement select(db_,
                   "SELECT a.id, a.code, a.country, a.sector FROM actors a JOIN "
                   "unnest(?::text[], ?::text[], ?::text[]) AS u(code, country, sector) "
                   "ON a.code = u.code AND a.country = u.country AND a.sector = u.sector");
  bind(select);
  StepResult rc;
  while ((rc = select.Step()) == kRow)
    new_actors_[ActorKey{select.Text(1), select.Text(2), select.Text(3)}] = select.Int(0);
  if (rc != kDone) return Error("cannot read actors");
  return Status::Ok();
}

Status PgBatchWriter::AddPlaces(const std::vector<const Location*>& places) {
  std::map<PlaceKey, const Location*> wanted;  // sorted: every writer inserts in this order
  for (const Location* l : places) {
    PlaceKey key{l->geonameid, l->name, l->admin1, l->country,
                 std::string(LocationPrecisionName(l->precision))};
    if (places_.count(key) == 0 && new_places_.count(key) == 0) wanted.emplace(std::move(key), l);
  }
  if (wanted.empty()) return Status::Ok();
  std::vector<int64_t> geonameids;
  std::vector<std::string> names, admin1s, countries, lats, lons, precisions;
  for (const auto& [key, l] : wanted) {
    geonameids.push_back(l->geonameid);
    names.push_back(l->name);
    admin1s.push_back(l->admin1);
    countries.push_back(l->country);
    lats.push_back(Number(l->lat));
    lons.push_back(Number(l->lon));
    precisions.push_back(std::get<4>(key));
  }
  auto bind = [&](Statement& s) {
    s.Bind(1, IntArray(geonameids));
    s.Bind(2, PostgresArray(names));
    s.Bind(3, PostgresArray(admin1s));
    s.Bind(4, PostgresArray(countries));
    s.Bind(5, PostgresArray(precisions));
  };
  {
    Statement insert(db_,
                     "INSERT INTO places(geonameid, name, admin1, country, precision, lat, lon) "
                     "SELECT g, n, a, c, p, la, lo FROM unnest(?::bigint[], ?::text[], ?::text[], "
                     "?::text[], ?::text[], ?::float8[], ?::float8[]) WITH ORDINALITY AS "
                     "u(g, n, a, c, p, la, lo, i) ORDER BY i ON CONFLICT DO NOTHING");
    bind(insert);
    insert.Bind(6, PostgresArray(lats));
    insert.Bind(7, PostgresArray(lons));
    if (insert.Step() != kDone) return Error("cannot write places");
  }
  Statement select(db_,
                   "SELECT p.id, p.geonameid, p.name, p.admin1, p.country, p.precision FROM "
                   "places p JOIN unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                   "AS u(g, n, a, c, pr) ON p.geonameid = u.g AND p.name = u.n AND p.admin1 = "
                   "u.a AND p.country = u.c AND p.precision = u.pr");
  bind(select);
  StepResult rc;
  while ((rc = select.Step()) == kRow) {
    new_places_[PlaceKey{select.Int(1), select.Text(2), select.Text(3), select.Text(4),
                         select.Text(5)}] = select.Int(0);
  }
  if (rc != kDone) return Error("cannot read places");
  return Status::Ok();
}

Result<PgBatchWriter::Plan> PgBatchWriter::PlanBatch(const std::vector<ArticleToStore>& articles) {
  Plan plan;
  // What is stored under these doc_ids already.
  std::vector<std::string> doc_ids;
  for (const ArticleToStore& a : articles) {
    doc_ids.push_back(a.doc->id);
    plan.hashes.push_back(ContentHash(*a.doc));
  }
  std::unordered_map<std::string, std::pair<int64_t, std::string>> stored;  // row, hash
  Statement s(db_,
              "SELECT doc_id, id, content_hash FROM articles WHERE doc_id IN "
              "(SELECT unnest(?::text[]))");
  s.Bind(1, PostgresArray(doc_ids));
  StepResult rc;
  while ((rc = s.Step()) == kRow) stored[s.Text(0)] = {s.Int(1), s.Text(2)};
  if (rc != kDone) return Error("cannot read articles");
  // Which to write, as Put would one after the other: not what is stored
  // unchanged; an article stored with other content, or given twice,
  // replaced.
  std::unordered_map<std::string, size_t> pending;  // doc_id -> index into plan.write
  for (size_t i = 0; i < articles.size(); ++i) {
    const std::string& id = doc_ids[i];
    if (auto p = pending.find(id); p != pending.end()) {
      if (plan.hashes[plan.write[p->second]] == plan.hashes[i]) continue;
      plan.write[p->second] = SIZE_MAX;  // replaced in this batch
    } else if (auto old = stored.find(id); old != stored.end()) {
      if (old->second.second == plan.hashes[i]) continue;
      plan.stale.push_back(old->second.first);
    }
    pending[id] = plan.write.size();
    plan.write.push_back(i);
    ++plan.count;
  }
  std::erase(plan.write, SIZE_MAX);
  return plan;
}

Result<std::unordered_map<std::string, int64_t>> PgBatchWriter::StoredRows(
    const std::vector<std::string>& doc_ids) {
  std::unordered_map<std::string, int64_t> rows;
  if (doc_ids.empty()) return rows;
  Statement s(db_, "SELECT doc_id, id FROM articles WHERE doc_id IN (SELECT unnest(?::text[]))");
  s.Bind(1, PostgresArray(doc_ids));
  StepResult rc;
  while ((rc = s.Step()) == kRow) rows[s.Text(0)] = s.Int(1);
  if (rc != kDone) return Error("cannot read articles");
  return rows;
}

Status PgBatchWriter::DropStoredEvents(std::vector<NewEvent>* events) {
  if (events->empty()) return Status::Ok();
  std::vector<std::string> ids;
  for (const NewEvent& n : *events) ids.push_back(n.e->event_id);
  std::unordered_set<std::string> taken;
  Statement s(db_, "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?::text[]))");
  s.Bind(1, PostgresArray(ids));
  StepResult rc;
  while ((rc = s.Step()) == kRow) taken.insert(s.Text(0));
  if (rc != kDone) return Error("cannot read events");
  std::erase_if(*events, [&](const NewEvent& n) { return taken.count(n.e->event_id) > 0; });
  return Status::Ok();
}

Result<int64_t> PgBatchWriter::Write(const std::vector<ArticleToStore>& articles) {
  ASSIGN_OR_RETURN(const Plan plan, PlanBatch(articles));
  if (plan.write.empty()) return plan.count;
  if (!plan.stale.empty()) {
    Statement remove(db_, "DELETE FROM articles WHERE id = ANY(?::bigint[])");
    remove.Bind(1, IntArray(plan.stale));
    if (remove.Step() != kDone) return Error("cannot replace articles");
  }
  ASSIGN_OR_RETURN(const std::vector<int64_t> rows, NewIds("articles", plan.write.size()));
  // The originals of copies: stored before, or written earlier in this batch.
  std::vector<std::string> originals;
  for (size_t w : plan.write) {
    if (!articles[w].links->duplicate_of.empty())
      originals.push_back(articles[w].links->duplicate_of);
  }
  ASSIGN_OR_RETURN(auto row_of, StoredRows(originals));
  // Articles, their bands and sentences; the events to write, each event_id
  // once.
  std::string article_rows, band_rows, sentence_rows;
  const std::string now = NowUtc();
  std::vector<NewEvent> events;
  std::unordered_set<std::string> event_ids;
  for (size_t k = 0; k < plan.write.size(); ++k) {
    const ArticleToStore& a = articles[plan.write[k]];
    const int64_t row = rows[k];
    std::optional<int64_t> original;
    if (auto found = row_of.find(a.links->duplicate_of); found != row_of.end()) {
      original = found->second;
    }
    row_of[a.doc->id] = row;
    const Document& d = *a.doc;
    CopyRow(&article_rows)
        .Int(row)
        .Text(d.id)
        .Text(d.url)
        .Text(d.source)
        .Text(d.title)
        .Optional(d.published ? std::optional<std::string>(d.published->ToString()) : std::nullopt)
        .Text(d.text)
        .Text(plan.hashes[plan.write[k]])
        .Text(now)
        .Optional(a.links->signature ? std::optional<std::string>(MinHashToHex(*a.links->signature))
                                     : std::nullopt)
        .Optional(original);
    if (original) continue;  // a copy: linked, not coded
    if (a.links->signature) {
      for (uint64_t key : MinHashBandKeys(*a.links->signature))
        CopyRow(&band_rows).Int(static_cast<int64_t>(key)).Int(row);
    }
    for (size_t i = 0; i < a.stats->sentence_spans.size(); ++i) {
      CopyRow(&sentence_rows)
          .Int(row)
          .Int(static_cast<int64_t>(i))
          .Int(a.stats->sentence_spans[i].first)
          .Int(a.stats->sentence_spans[i].second);
    }
    for (const Event& e : *a.events) {
      if (event_ids.insert(e.event_id).second) events.push_back({&e, row, &d});
    }
  }
  // An event_id stored already (for another article) is not written again.
  RETURN_IF_ERROR(DropStoredEvents(&events));
  RETURN_IF_ERROR(Copy("articles",
                       "id, doc_id, url, source, title, published, text, content_hash, "
                       "stored_at, minhash, duplicate_of",
                       article_rows));
  RETURN_IF_ERROR(Copy("article_bands", "band_key, article_id", band_rows));
  RETURN_IF_ERROR(Copy("sentences", "article_id, idx, start, \"end\"", sentence_rows));
  if (events.empty() && !plan.stale.empty()) RETURN_IF_ERROR(LockHappenings(true));
  RETURN_IF_ERROR(WriteEvents(events, !plan.stale.empty()));
  pending_ += static_cast<int64_t>(plan.write.size());
  return plan.count;
}

Status PgBatchWriter::WriteEvents(const std::vector<NewEvent>& events, bool replaced) {
  if (events.empty()) return Status::Ok();
  ASSIGN_OR_RETURN(const std::vector<int64_t> rows, NewIds("events", events.size()));
  std::vector<const ActorRef*> actors;
  std::vector<const Location*> places;
  for (const NewEvent& n : events) {
    if (n.e->source) actors.push_back(&*n.e->source);
    if (n.e->target) actors.push_back(&*n.e->target);
    if (n.e->location) places.push_back(&*n.e->location);
  }
  RETURN_IF_ERROR(AddActors(actors));
  RETURN_IF_ERROR(AddPlaces(places));
  auto place_of = [&](const Event& e) -> std::optional<int64_t> {
    if (!e.location) return std::nullopt;
    const Location& l = *e.location;
    return PlaceRow(PlaceKey{l.geonameid, l.name, l.admin1, l.country,
                             std::string(LocationPrecisionName(l.precision))});
  };
  // Events, their mentions and quantities.
  std::string event_rows, mention_rows, quantity_rows;
  for (size_t k = 0; k < events.size(); ++k) {
    const Event& e = *events[k].e;
    const int64_t row = rows[k];
    AppendEventRow(e, row, events[k].article, place_of(e), &event_rows);
    for (const auto& [role, actor] :
         {std::pair{"source", &e.source}, std::pair{"target", &e.target}}) {
      if (!*actor) continue;
      const ActorRef& a = **actor;
      CopyRow(&mention_rows)
          .Int(row)
          .Text(role)
          .Int(ActorRow(ActorKey{a.code, a.country, a.sector}))
          .Text(a.text)
          .Int(a.start)
          .Int(a.end);
    }
    for (size_t i = 0; i < e.quantities.size(); ++i) {
      const Quantity& q = e.quantities[i];
      CopyRow(&quantity_rows)
          .Int(row)
          .Int(static_cast<int64_t>(i))
          .Text(q.kind)
          .Real(q.value)
          .Optional(q.low)
          .Optional(q.high)
          .Text(q.unit)
          .Text(q.text);
    }
  }
  RETURN_IF_ERROR(Copy("events",
                       "id, event_id, article_id, sentence_idx, cameo, cameo_root, quad_class, "
                       "goldstein, plover_type, plover_mode, acled_type, acled_subtype, modality, "
                       "attribution_text, attribution_code, date, date_precision, date_text, "
                       "historical, place_id, place_text, evidence, evidence_start, evidence_end, "
                       "rule, confidence, acled_disorder, acled_civilian_targeting, acled_inter1, "
                       "acled_inter2, acled_interaction",
                       event_rows));
  RETURN_IF_ERROR(Copy("mentions", "event_id, role, actor_id, text, start, \"end\"", mention_rows));
  RETURN_IF_ERROR(
      Copy("quantities", "event_id, idx, kind, value, low, high, unit, text", quantity_rows));
  RETURN_IF_ERROR(LockHappenings(replaced));
  return WriteHappenings(events, rows, place_of);
}

Status PgBatchWriter::LockHappenings(bool replaced) {
  // Held to the end of the transaction: writers merge into happenings one
  // at a time, and new ids follow the order of their first events.
  RETURN_IF_ERROR(db_.Exec("SELECT pg_advisory_xact_lock(7243350317)"));
  if (!replaced) return Status::Ok();
  return db_.Exec(
      "DELETE FROM happenings WHERE NOT EXISTS (SELECT 1 FROM happening_events he WHERE "
      "he.happening_id = happenings.id)");
}

Status PgBatchWriter::WriteHappenings(
    const std::vector<NewEvent>& events, const std::vector<int64_t>& rows,
    const std::function<std::optional<int64_t>(const Event&)>& place_of) {
  // Each event's happening (merge/happening_key.h), the new ones made in
  // the order their first events come.
  std::vector<std::string> days, sources, targets, types;
  std::vector<int64_t> place_keys, scopes;
  std::map<std::tuple<std::string, std::string, std::string, std::string, int64_t, int64_t>, size_t>
      index;
  std::vector<size_t> happening_of;  // per event, an index into the arrays
  for (const NewEvent& n : events) {
    const HappeningKey key = HappeningKeyOf(*n.e, n.doc->published);
    const int64_t place = place_of(*n.e).value_or(0);
    const int64_t scope = key.article_scoped ? n.article : 0;
    auto [it, added] = index.emplace(
        std::make_tuple(key.day, key.source, key.target, key.type, place, scope), days.size());
    if (added) {
      days.push_back(key.day);
      sources.push_back(key.source);
      targets.push_back(key.target);
      types.push_back(key.type);
      place_keys.push_back(place);
      scopes.push_back(scope);
    }
    happening_of.push_back(it->second);
  }
  auto bind = [&](Statement& s) {
    s.Bind(1, PostgresArray(days));
    s.Bind(2, PostgresArray(sources));
    s.Bind(3, PostgresArray(targets));
    s.Bind(4, PostgresArray(types));
    s.Bind(5, IntArray(place_keys));
    s.Bind(6, IntArray(scopes));
  };
  constexpr char kKeys[] =
      "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) WITH "
      "ORDINALITY AS u(d, s, t, p, k, sc, i)";
  {
    Statement insert(db_, std::string("INSERT INTO happenings(day, source_code, target_code, "
                                      "plover_type, place_key, article_scope) SELECT d, s, t, p, "
                                      "k, sc FROM ") +
                              kKeys +
                              // Only new keys: a conflict would still take a number
                              // from the sequence, and ids would skip.
                              " WHERE NOT EXISTS (SELECT 1 FROM happenings h WHERE h.day = u.d "
                              "AND h.source_code = u.s AND h.target_code = u.t AND h.plover_type "
                              "= u.p AND h.place_key = u.k AND h.article_scope = u.sc) ORDER BY i");
    bind(insert);
    if (insert.Step() != kDone) return Error("cannot write happenings");
  }
  std::vector<int64_t> ids(days.size(), 0);
  {
    Statement select(db_, std::string("SELECT h.id, u.i FROM ") + kKeys +
                              " JOIN happenings h ON h.day = u.d AND h.source_code = u.s AND "
                              "h.target_code = u.t AND h.plover_type = u.p AND h.place_key = u.k "
                              "AND h.article_scope = u.sc");
    bind(select);
    StepResult rc;
    while ((rc = select.Step()) == kRow)
      ids[static_cast<size_t>(select.Int(1)) - 1] = select.Int(0);
    if (rc != kDone) return Error("cannot read happenings");
  }
  std::string rows_text;
  for (size_t k = 0; k < events.size(); ++k)
    CopyRow(&rows_text).Int(ids[happening_of[k]]).Int(rows[k]);
  return Copy("happening_events", "happening_id, event_id", rows_text);
}

}  // namespace palmyra
