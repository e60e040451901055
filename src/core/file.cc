#include "core/file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace palmyra {
namespace {

std::string Errno() { return std::strerror(errno); }

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    if (errno == ENOENT) return NotFoundError(path + ": no such file");
    return IoError(path + ": cannot open: " + Errno());
  }
  std::string contents;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) contents.append(buffer, n);
  const bool failed = std::ferror(file) != 0;
  const std::string error = failed ? Errno() : "";
  std::fclose(file);
  if (failed) return IoError(path + ": read failed: " + error);
  return contents;
}

Status WriteFile(const std::string& path, std::string_view contents) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return IoError(path + ": cannot create: " + Errno());
  const bool written = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) return IoError(path + ": write failed: " + Errno());
  return Status::Ok();
}

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<LineReader>(new LineReader(stdin, false, "<stdin>"));
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    if (errno == ENOENT) return NotFoundError(path + ": no such file");
    return IoError(path + ": cannot open: " + Errno());
  }
  return std::unique_ptr<LineReader>(new LineReader(file, true, path));
}

LineReader::~LineReader() {
  std::free(buffer_);
  if (owned_) std::fclose(file_);
}

bool LineReader::Next(std::string* line) {
  errno = 0;
  const ssize_t n = ::getline(&buffer_, &capacity_, file_);
  if (n < 0) {
    if (std::ferror(file_)) {
      status_ = IoError(path_ + ": read failed after line " + std::to_string(line_number_) + ": " +
                        Errno());
    }
    return false;
  }
  size_t length = static_cast<size_t>(n);
  if (length > 0 && buffer_[length - 1] == '\n') --length;
  if (length > 0 && buffer_[length - 1] == '\r') --length;
  line->assign(buffer_, length);
  ++line_number_;
  return true;
}

}  // namespace palmyra
