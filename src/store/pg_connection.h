// SqlConnection over libpq: Palmyra's store in PostgreSQL. Statements are
// prepared on the server at their first run (their placeholders become $N)
// and kept; queries marked streaming read their rows through a cursor, a
// thousand at a time, so that exporting millions of events holds no more
// than that in memory.
#ifndef PALMYRA_STORE_PG_CONNECTION_H_
#define PALMYRA_STORE_PG_CONNECTION_H_

#include <memory>
#include <string>

#include "store/sql_connection.h"

struct pg_conn;

namespace palmyra {

class PgConnection : public SqlConnection {
 public:
  // Connects with a libpq connection string ("host=/tmp port=5432
  // dbname=events", "postgresql://user@host/events"). Fails with libpq's
  // reason, naming the database.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& conninfo);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  std::unique_ptr<SqlStatement> Prepare(const std::string& sql, bool streaming) override;
  Status Exec(const std::string& sql) override;
  std::string LastError() const override { return last_error_; }
  bool LastErrorIsTransient() const override;
  // The database as messages name it: "PostgreSQL database events on /tmp:5432".
  const std::string& name() const { return name_; }

  // For statements: records a failure (libpq's message and SQLSTATE).
  void Failed(const std::string& message, const std::string& sqlstate);
  pg_conn* handle() { return conn_; }
  int NextId() { return ++ids_; }

 private:
  explicit PgConnection(pg_conn* conn);
  pg_conn* conn_;
  std::string name_;
  std::string last_error_, last_sqlstate_;
  int ids_ = 0;  // names of prepared statements and cursors
};

// `sql` with its "?" and "?N" placeholders written as PostgreSQL's "$N"
// (quoted strings and names left alone); *count (may be null) gets the
// number of parameters.
std::string PostgresPlaceholders(const std::string& sql, int* count = nullptr);

}  // namespace palmyra

#endif  // PALMYRA_STORE_PG_CONNECTION_H_
