#include "cli/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace palmyra {

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path) {
  std::unique_ptr<OutputFile> out(new OutputFile());
  if (path.empty() || path == "-") {
    out->file_ = stdout;
    out->path_ = "<stdout>";
    return out;
  }
  out->path_ = path;
  struct stat st;
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // A device or a pipe ("/dev/null", a FIFO): written directly.
    out->file_ = std::fopen(path.c_str(), "wb");
  } else {
    std::string name = path + ".tmp.XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd >= 0) {
      out->file_ = ::fdopen(fd, "wb");
      if (out->file_ == nullptr) ::close(fd);
      out->temporary_ = name;
    }
  }
  if (out->file_ == nullptr) {
    return IoError("cannot write " + path + ": " + std::strerror(errno));
  }
  return out;
}

OutputFile::~OutputFile() {
  if (closed_) return;
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void OutputFile::Write(std::string_view data) {
  if (error_ != 0 || data.empty()) return;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) error_ = errno ? errno : EIO;
}

Status OutputFile::Close() {
  closed_ = true;
  if (std::fflush(file_) != 0 && error_ == 0) error_ = errno ? errno : EIO;
  if (file_ != stdout && std::fclose(file_) != 0 && error_ == 0) error_ = errno ? errno : EIO;
  file_ = nullptr;
  if (error_ != 0) {
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
    return IoError("cannot write " + path_ + ": " + std::strerror(error_));
  }
  if (!temporary_.empty()) {
    // The file's permissions as a new file would have them, not mkstemp's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temporary_.c_str(), 0666 & ~mask);
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
      const int error = errno;
      ::unlink(temporary_.c_str());
      return IoError("cannot write " + path_ + ": " + std::strerror(error));
    }
  }
  return Status::Ok();
}

bool IsAlsoAnInput(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return false;
  std::error_code error;
  if (!std::filesystem::exists(output, error)) return false;
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    if (std::filesystem::equivalent(output, input, error)) return true;
    // An input directory holding the output.
    if (std::filesystem::is_directory(input, error)) {
      const auto canonical_out = std::filesystem::weakly_canonical(output, error);
      const auto canonical_in = std::filesystem::weakly_canonical(input, error);
      const std::string o = canonical_out.string(), i = canonical_in.string() + "/";
      if (o.compare(0, i.size(), i) == 0) return true;
    }
  }
  return false;
}

}  // namespace palmyra
