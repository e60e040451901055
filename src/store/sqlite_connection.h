// SqlConnection over an open SQLite handle.
#ifndef PALMYRA_STORE_SQLITE_CONNECTION_H_
#define PALMYRA_STORE_SQLITE_CONNECTION_H_

#include <memory>
#include <string>

#include "store/sql_connection.h"

struct sqlite3;

namespace palmyra {

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}  // takes the handle over
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  std::unique_ptr<SqlStatement> Prepare(const std::string& sql, bool streaming) override;
  Status Exec(const std::string& sql) override;
  std::string LastError() const override;
  bool LastErrorIsTransient() const override;
  bool returns_ids() const override { return false; }
  int64_t LastInsertId() override;
  int64_t Changes() override;
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_;
};

}  // namespace palmyra

#endif  // PALMYRA_STORE_SQLITE_CONNECTION_H_
