#include "core/mapped_image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "core/file.h"

namespace palmyra {
namespace {

constexpr char kMagic[8] = {'P', 'L', 'M', 'Y', 'I', 'M', 'G', '1'};

struct Header {
  char magic[8];
  uint64_t stamp;
  uint64_t body_size;
};
static_assert(sizeof(Header) == 24 && sizeof(Header) % 8 == 0);

size_t Padded(size_t n) { return (n + 7) & ~size_t{7}; }

}  // namespace

void ImageWriter::Add(const void* data, size_t bytes) {
  const uint64_t size = bytes;
  body_.append(reinterpret_cast<const char*>(&size), sizeof size);
  if (bytes > 0) body_.append(static_cast<const char*>(data), bytes);
  body_.resize(Padded(body_.size()), '\0');
}

bool ImageReader::Next(std::string_view* section) {
  uint64_t size;
  if (rest_.size() < sizeof size) return false;
  std::memcpy(&size, rest_.data(), sizeof size);
  rest_.remove_prefix(sizeof size);
  if (size > rest_.size()) return false;
  *section = rest_.substr(0, size);
  rest_.remove_prefix(std::min<size_t>(Padded(size), rest_.size()));
  return true;
}

MappedImage::~MappedImage() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_size_);
}

std::unique_ptr<MappedImage> MappedImage::FromBody(std::string body) {
  std::unique_ptr<MappedImage> image(new MappedImage());
  image->owned_ = std::move(body);
  image->body_ = image->owned_;
  return image;
}

Status MappedImage::Map(const std::string& path, uint64_t stamp) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NotFoundError(path + ": cannot open");
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    return DataError(path + ": not a compiled image");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m == MAP_FAILED) return IoError(path + ": cannot map into memory");
  Header h;
  std::memcpy(&h, m, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.stamp != stamp ||
      h.body_size != size - sizeof h) {
    ::munmap(m, size);
    return DataError(path + ": out of date or not a compiled image");
  }
  mapping_ = m;
  mapping_size_ = size;
  body_ = std::string_view(static_cast<const char*>(m) + sizeof h, size - sizeof h);
  path_ = path;
  return Status::Ok();
}

Result<std::unique_ptr<MappedImage>> MappedImage::Open(const std::string& dir,
                                                       const std::string& name, uint64_t stamp,
                                                       const Compiler& compile) {
  std::unique_ptr<MappedImage> image(new MappedImage());
  const std::string local = dir.empty() ? "" : dir + "/" + name + ".idx";
  std::string cached = UserCacheDir();
  if (!cached.empty()) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "-%016llx.idx", static_cast<unsigned long long>(stamp));
    cached += "/" + name + suffix;
  }
  for (const std::string& path : {local, cached}) {
    if (!path.empty() && image->Map(path, stamp).ok()) return image;
  }
  ASSIGN_OR_RETURN(std::string body, compile());
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.stamp = stamp;
  h.body_size = body.size();
  std::string bytes(reinterpret_cast<const char*>(&h), sizeof h);
  bytes += body;
  for (const std::string& path : {local, cached}) {
    if (!path.empty() && WriteFileAtomically(path, bytes).ok() && image->Map(path, stamp).ok()) {
      image->compiled_ = true;
      return image;
    }
  }
  // Nowhere to keep it: use it from memory for this run.
  image = FromBody(std::move(body));
  image->compiled_ = true;
  return image;
}

}  // namespace palmyra
