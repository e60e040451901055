#include "store/sqlite_connection.h"

#include <sqlite3.h>

namespace palmyra {
namespace {

class SqliteStatement : public SqlStatement {
 public:
  explicit SqliteStatement(sqlite3_stmt* s) : s_(s) {}
  ~SqliteStatement() override { sqlite3_finalize(s_); }
  void Bind(int i, const std::string& v) override {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) override { sqlite3_bind_int64(s_, i, v); }
  void Bind(int i, double v) override { sqlite3_bind_double(s_, i, v); }
  void BindNull(int i) override { sqlite3_bind_null(s_, i); }
  StepResult Step() override {
    const int rc = sqlite3_step(s_);
    return rc == SQLITE_ROW ? kRow : rc == SQLITE_DONE ? kDone : kStepError;
  }
  void Reset() override {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  int Columns() override { return sqlite3_column_count(s_); }
  bool IsNull(int i) override { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  std::string Text(int i) override {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t != nullptr ? std::string(reinterpret_cast<const char*>(t),
                                      static_cast<size_t>(sqlite3_column_bytes(s_, i)))
                        : std::string();
  }
  int64_t Int(int i) override { return sqlite3_column_int64(s_, i); }
  double Real(int i) override { return sqlite3_column_double(s_, i); }

 private:
  sqlite3_stmt* s_;
};

}  // namespace

SqliteConnection::~SqliteConnection() { sqlite3_close(db_); }

std::unique_ptr<SqlStatement> SqliteConnection::Prepare(const std::string& sql, bool) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &s, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(s);
    return nullptr;
  }
  return std::make_unique<SqliteStatement>(s);
}

Status SqliteConnection::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return IoError(text);
  }
  return Status::Ok();
}

std::string SqliteConnection::LastError() const { return sqlite3_errmsg(db_); }

int64_t SqliteConnection::LastInsertId() { return sqlite3_last_insert_rowid(db_); }

int64_t SqliteConnection::Changes() { return sqlite3_changes(db_); }

bool SqliteConnection::LastErrorIsTransient() const {
  const int code = sqlite3_errcode(db_) & 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

}  // namespace palmyra
