// SqlConnection: what the event store needs of a database, so that one
// store speaks to SQLite (sqlite_connection.h) and to PostgreSQL
// (pg_connection.h) alike. Statements are written once with "?" or "?N"
// placeholders; a backend translates them to its own.
#ifndef PALMYRA_STORE_SQL_CONNECTION_H_
#define PALMYRA_STORE_SQL_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "palmyra/status.h"

namespace palmyra {

enum class SqlDialect { kSqlite, kPostgres };

// What Step() returns.
enum StepResult { kRow, kDone, kStepError };

class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  // Values of the placeholders, counted from 1.
  virtual void Bind(int i, const std::string& v) = 0;
  virtual void Bind(int i, int64_t v) = 0;
  virtual void Bind(int i, double v) = 0;
  virtual void BindNull(int i) = 0;
  // Runs the statement at the first call; each call moves to the next row.
  virtual StepResult Step() = 0;
  // Makes it ready to run again, its values cleared.
  virtual void Reset() = 0;
  // The current row's columns, counted from 0.
  virtual int Columns() = 0;
  virtual bool IsNull(int i) = 0;
  virtual std::string Text(int i) = 0;
  virtual int64_t Int(int i) = 0;
  virtual double Real(int i) = 0;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual SqlDialect dialect() const = 0;
  // A statement; nullptr when `sql` does not prepare (LastError says why).
  // `streaming`: a query whose rows may be too many to hold at once.
  virtual std::unique_ptr<SqlStatement> Prepare(const std::string& sql, bool streaming = false) = 0;
  // Runs one or more statements that return no rows.
  virtual Status Exec(const std::string& sql) = 0;
  virtual std::string LastError() const = 0;
  // Whether the last failure was a deadlock or a serialization failure,
  // after which the transaction may be retried.
  virtual bool LastErrorIsTransient() const { return false; }
  // Whether inserted rows' ids come back from "INSERT ... RETURNING id"
  // (PostgreSQL), or, cheaper in SQLite, from the connection afterwards.
  virtual bool returns_ids() const { return true; }
  // The row the last INSERT made, and how many rows it changed (0 when a
  // conflict left it out), when returns_ids() is false.
  virtual int64_t LastInsertId() { return 0; }
  virtual int64_t Changes() { return 0; }
};

// A statement for one use, or one the store keeps prepared (reset, not
// destroyed, at the end of the scope).
class Statement {
 public:
  Statement(SqlConnection& db, const std::string& sql, bool streaming = false)
      : owned_(db.Prepare(sql, streaming)), s_(owned_.get()) {}
  explicit Statement(SqlStatement* kept) : s_(kept) {}
  ~Statement() {
    if (owned_ == nullptr && s_ != nullptr) s_->Reset();
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return s_ != nullptr; }
  void Bind(int i, const std::string& v) { s_->Bind(i, v); }
  void Bind(int i, int64_t v) { s_->Bind(i, v); }
  void Bind(int i, double v) { s_->Bind(i, v); }
  void BindNull(int i) { s_->BindNull(i); }
  template <typename T>
  void BindOptional(int i, const std::optional<T>& v) {
    if (v) {
      Bind(i, *v);
    } else {
      BindNull(i);
    }
  }
  StepResult Step() { return s_->Step(); }
  void Reset() { s_->Reset(); }
  int Columns() { return s_->Columns(); }
  bool IsNull(int i) { return s_->IsNull(i); }
  std::string Text(int i) { return s_->Text(i); }
  int64_t Int(int i) { return s_->Int(i); }
  double Real(int i) { return s_->Real(i); }

 private:
  std::unique_ptr<SqlStatement> owned_;
  SqlStatement* s_;
};

}  // namespace palmyra

#endif  // PALMYRA_STORE_SQL_CONNECTION_H_
