// Reading files whole or line by line, with errors that name the path.
#ifndef PALMYRA_CORE_FILE_H_
#define PALMYRA_CORE_FILE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "palmyra/status.h"

namespace palmyra {

Result<std::string> ReadFile(const std::string& path);
Status WriteFile(const std::string& path, std::string_view contents);

// Writes `contents` to `path` through a temporary file in the same folder
// (created when missing), so that readers never see half a file.
Status WriteFileAtomically(const std::string& path, std::string_view contents);

// Palmyra's folder in the user's cache ($XDG_CACHE_HOME/palmyra, else
// ~/.cache/palmyra), or "" when neither variable is set.
std::string UserCacheDir();

// A stamp of a file's size and modification time that changes whenever the
// file does; 0 when it cannot be read.
uint64_t FileStamp(const std::string& path);

// Reads a file line by line with a reusable buffer, without loading it whole.
class LineReader {
 public:
  // `path` "-" reads standard input.
  static Result<std::unique_ptr<LineReader>> Open(const std::string& path);
  // Reads lines from an open stream (a pipe, a decompressing stream), which
  // it closes at the end; `path` names it in messages.
  static std::unique_ptr<LineReader> FromStream(std::FILE* file, std::string path);
  ~LineReader();

  // Reads the next line without its "\n" (and without a "\r" before it).
  // Returns false at end of file or on a read error (see status()). A line
  // longer than max_line() is read past, not kept: Next() gives it empty,
  // with too_long() true.
  bool Next(std::string* line);
  void set_max_line(size_t bytes) { max_line_ = bytes; }
  size_t max_line() const { return max_line_; }
  bool too_long() const { return too_long_; }
  // 1-based number of the line last returned.
  int line_number() const { return line_number_; }
  // Bytes of the file read so far.
  uint64_t offset() const;
  const Status& status() const { return status_; }

 private:
  LineReader(std::FILE* file, bool owned, std::string path)
      : file_(file), owned_(owned), path_(std::move(path)) {}
  std::FILE* file_;
  bool owned_;
  std::string path_;
  int line_number_ = 0;
  std::unique_ptr<char[]> buffer_;  // bytes read ahead: [pos_, end_)
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  size_t max_line_ = SIZE_MAX;
  bool too_long_ = false;
  Status status_;
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_FILE_H_
