// Errors as values: Status says whether an operation worked and, if not, why;
// Result<T> holds either a T or the Status that explains its absence.
//
// Messages are written for the person running Palmyra: they name the file,
// line, byte offset or document id concerned and what was expected there.
// Both types are cheap to move and safe to use from any thread (they own
// their data and share nothing).
#ifndef PALMYRA_STATUS_H_
#define PALMYRA_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace palmyra {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something unusable (an option, a path)
  kNotFound,         // a file or resource does not exist
  kIoError,          // the operating system refused a read or write
  kParseError,       // input does not follow its format (JSON, UTF-8, a date)
  kDataError,        // a dictionary or model file is malformed
  kInternal,         // a bug in Palmyra
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "parse error: docs.jsonl:12: expected a JSON object".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` and ": ".
  Status WithContext(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
inline Status NotFoundError(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}
inline Status ParseError(std::string message) {
  return Status(StatusCode::kParseError, std::move(message));
}
inline Status DataError(std::string message) {
  return Status(StatusCode::kDataError, std::move(message));
}
inline Status InternalError(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}

// Either a value or the error that prevented it. A Result built from a Status
// must be given a non-OK status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result without a value needs an error status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace palmyra

#define PALMYRA_CONCAT_INNER_(a, b) a##b
#define PALMYRA_CONCAT_(a, b) PALMYRA_CONCAT_INNER_(a, b)

// Returns from the current function if `expr` (a Status) is not OK.
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    ::palmyra::Status status_macro_ = (expr);      \
    if (!status_macro_.ok()) return status_macro_; \
  } while (false)

// Evaluates `expr` (a Result<T>); on error returns its status, otherwise
// moves the value into `lhs` (which may be a declaration).
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(PALMYRA_CONCAT_(result_macro_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                           \
  if (!result.ok()) return result.status();       \
  lhs = std::move(result).value()

#endif  // PALMYRA_STATUS_H_
