#include "store/pg_connection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

namespace palmyra {
namespace {

constexpr Oid kInt8Oid = 20, kTextOid = 25, kFloat8Oid = 701;
constexpr int kCursorRows = 1000;

std::string Trimmed(const char* message) {
  std::string m = message != nullptr ? message : "";
  while (!m.empty() && std::isspace(static_cast<unsigned char>(m.back()))) m.pop_back();
  return m;
}

class PgStatement : public SqlStatement {
 public:
  PgStatement(PgConnection& db, const std::string& sql, bool streaming)
      : db_(db), sql_(PostgresPlaceholders(sql, &placeholders_)), streaming_(streaming) {
    Grow(placeholders_);
  }
  ~PgStatement() override {
    Finish();
    if (!name_.empty()) PQclear(PQexec(db_.handle(), ("DEALLOCATE " + name_).c_str()));
  }
  void Bind(int i, const std::string& v) override { Set(i, v, kTextOid); }
  void Bind(int i, int64_t v) override { Set(i, std::to_string(v), kInt8Oid); }
  void Bind(int i, double v) override {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    Set(i, text, kFloat8Oid);
  }
  void BindNull(int i) override {
    Grow(i);
    values_[i - 1].reset();
  }
  StepResult Step() override {
    if (!ran_) {
      ran_ = true;
      if (!Run()) return kStepError;
    } else {
      ++row_;
    }
    if (result_ != nullptr && row_ >= PQntuples(result_) && cursor_open_ &&
        PQntuples(result_) == kCursorRows) {
      if (!Fetch()) return kStepError;
    }
    if (result_ == nullptr || row_ >= PQntuples(result_)) return kDone;
    return kRow;
  }
  void Reset() override {
    Finish();
    for (auto& v : values_) v.reset();
  }
  int Columns() override { return result_ != nullptr ? PQnfields(result_) : 0; }
  bool IsNull(int i) override { return PQgetisnull(result_, row_, i) != 0; }
  std::string Text(int i) override {
    return std::string(PQgetvalue(result_, row_, i),
                       static_cast<size_t>(PQgetlength(result_, row_, i)));
  }
  int64_t Int(int i) override { return std::strtoll(PQgetvalue(result_, row_, i), nullptr, 10); }
  double Real(int i) override { return std::strtod(PQgetvalue(result_, row_, i), nullptr); }

 private:
  void Grow(int i) {
    if (static_cast<int>(values_.size()) < i) {
      values_.resize(i);
      types_.resize(i, 0);
    }
  }
  void Set(int i, std::string v, Oid type) {
    Grow(i);
    values_[i - 1] = std::move(v);
    types_[i - 1] = type;
  }
  std::vector<const char*> Values() const {
    std::vector<const char*> out;
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
  }
  // Checks a result: true when it holds rows or a command's success.
  bool Check(PGresult* r) {
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return true;
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    db_.Failed(Trimmed(r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(db_.handle())),
               state != nullptr ? state : "");
    return false;
  }
  bool Run() {
    const std::vector<const char*> values = Values();
    const int n = static_cast<int>(values.size());
    if (streaming_) {
      cursor_ = "palmyra_cursor_" + std::to_string(db_.NextId());
      PGresult* r = PQexecParams(
          db_.handle(), ("DECLARE " + cursor_ + " NO SCROLL CURSOR WITH HOLD FOR " + sql_).c_str(),
          n, types_.data(), values.data(), nullptr, nullptr, 0);
      const bool ok = Check(r);
      PQclear(r);
      if (!ok) return false;
      cursor_open_ = true;
      return Fetch();
    }
    // Run once, a statement is sent with its values; run again, it is
    // prepared on the server and kept.
    if (name_.empty() && runs_++ > 0) {
      const std::string name = "palmyra_statement_" + std::to_string(db_.NextId());
      PGresult* r = PQprepare(db_.handle(), name.c_str(), sql_.c_str(), n, types_.data());
      const bool ok = Check(r);
      PQclear(r);
      if (!ok) return false;
      name_ = name;
    }
    result_ = name_.empty() ? PQexecParams(db_.handle(), sql_.c_str(), n, types_.data(),
                                           values.data(), nullptr, nullptr, 0)
                            : PQexecPrepared(db_.handle(), name_.c_str(), n, values.data(), nullptr,
                                             nullptr, 0);
    if (!Check(result_)) {
      PQclear(result_);
      result_ = nullptr;
      return false;
    }
    row_ = 0;
    return true;
  }
  bool Fetch() {
    PQclear(result_);
    result_ = PQexec(db_.handle(),
                     ("FETCH FORWARD " + std::to_string(kCursorRows) + " FROM " + cursor_).c_str());
    row_ = 0;
    if (!Check(result_)) {
      PQclear(result_);
      result_ = nullptr;
      return false;
    }
    return true;
  }
  void Finish() {
    PQclear(result_);
    result_ = nullptr;
    row_ = 0;
    ran_ = false;
    if (cursor_open_) PQclear(PQexec(db_.handle(), ("CLOSE " + cursor_).c_str()));
    cursor_open_ = false;
  }

  PgConnection& db_;
  int placeholders_ = 0;  // before sql_, which counts them
  std::string sql_;
  bool streaming_;
  std::string name_;  // of the prepared statement, once prepared
  int runs_ = 0;
  std::string cursor_;  // of the streaming query's cursor
  bool cursor_open_ = false;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  PGresult* result_ = nullptr;
  int row_ = 0;
  bool ran_ = false;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

std::string PostgresPlaceholders(const std::string& sql, int* count) {
  std::string out;
  int next = 0, most = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    out += '$';
    if (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      most = std::max(most, std::atoi(sql.c_str() + i + 1));
      continue;
    }
    out += std::to_string(++next);
    most = std::max(most, next);
  }
  if (count != nullptr) *count = most;
  return out;
}

PgConnection::PgConnection(pg_conn* conn) : conn_(conn) {
  const char* host = PQhost(conn);
  name_ = std::string("PostgreSQL database ") + PQdb(conn) + " on " + (host ? host : "") + ":" +
          PQport(conn);
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return IoError("PostgreSQL: out of memory connecting");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return IoError("cannot connect to PostgreSQL (" + conninfo + "): " + message);
  }
  std::unique_ptr<PgConnection> db(new PgConnection(conn));
  RETURN_IF_ERROR(db->Exec("SET client_encoding = 'UTF8'"));
  return db;
}

std::unique_ptr<SqlStatement> PgConnection::Prepare(const std::string& sql, bool streaming) {
  return std::make_unique<PgStatement>(*this, sql, streaming);
}

Status PgConnection::Exec(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  const ExecStatusType status = PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    PQclear(r);
    return Status::Ok();
  }
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  Failed(Trimmed(r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn_)),
         state != nullptr ? state : "");
  PQclear(r);
  return IoError(last_error_);
}

void PgConnection::Failed(const std::string& message, const std::string& sqlstate) {
  last_error_ = message;
  last_sqlstate_ = sqlstate;
}

bool PgConnection::LastErrorIsTransient() const {
  // Deadlock, serialization failure, and a unique key another writer's
  // transaction took meanwhile (the same article coded twice at once).
  return last_sqlstate_ == "40P01" || last_sqlstate_ == "40001" || last_sqlstate_ == "23505";
}

}  // namespace palmyra
