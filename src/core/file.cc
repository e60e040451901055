#include "core/file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/hash.h"

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

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  static std::atomic<int> serial{0};
  const std::string tmp =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(serial++);
  RETURN_IF_ERROR(WriteFile(tmp, contents));
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string error = Errno();
    std::remove(tmp.c_str());
    return IoError(path + ": cannot replace: " + error);
  }
  return Status::Ok();
}

std::string UserCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg) {
    return std::string(xdg) + "/palmyra";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home) {
    return std::string(home) + "/.cache/palmyra";
  }
  return "";
}

uint64_t FileStamp(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return 0;
  return HashCombine(static_cast<uint64_t>(st.st_size),
                     static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000ULL +
                         static_cast<uint64_t>(st.st_mtim.tv_nsec));
}

uint64_t LineReader::offset() const {
  const off_t at = ftello(file_);
  return at < 0 ? 0 : static_cast<uint64_t>(at) - (end_ - pos_);
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

std::unique_ptr<LineReader> LineReader::FromStream(std::FILE* file, std::string path) {
  return std::unique_ptr<LineReader>(new LineReader(file, true, std::move(path)));
}

LineReader::~LineReader() {
  if (owned_) std::fclose(file_);
}

namespace {
constexpr size_t kLineBuffer = size_t{1} << 17;
}  // namespace

bool LineReader::Next(std::string* line) {
  line->clear();
  too_long_ = false;
  if (buffer_ == nullptr) buffer_.reset(new char[kLineBuffer]);
  bool any = false;
  for (;;) {
    if (pos_ == end_) {
      if (eof_) break;
      errno = 0;
      const size_t n = std::fread(buffer_.get(), 1, kLineBuffer, file_);
      const int error = errno;
      pos_ = 0;
      end_ = n;
      if (n == 0) {
        eof_ = true;
        if (std::ferror(file_)) {
          // A decompressing stream reports damaged or truncated data as EIO.
          const std::string why = error == 0 || error == EIO
                                      ? std::string("damaged or truncated data")
                                      : std::string(std::strerror(error));
          status_ = IoError(path_ + ": read failed after line " + std::to_string(line_number_) +
                            ": " + why);
          return false;
        }
        break;
      }
    }
    any = true;
    const char* start = buffer_.get() + pos_;
    const char* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const size_t take = newline != nullptr ? static_cast<size_t>(newline - start) : end_ - pos_;
    if (!too_long_) {
      if (line->size() + take > max_line_) {
        too_long_ = true;
        std::string().swap(*line);  // give the memory back
      } else {
        line->append(start, take);
      }
    }
    pos_ += take + (newline != nullptr ? 1 : 0);
    if (newline != nullptr) break;
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  ++line_number_;
  return true;
}

}  // namespace palmyra
