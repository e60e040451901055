// MappedImage: tables compiled from slower sources (a text model, WordNet's
// files) into one file that later processes map read-only into memory
// rather than parse. An image is written beside its sources' compiled
// output (`dir`/`name`.idx) or, when that folder is read-only, into the
// user's cache folder (see UserCacheDir), always through a temporary file
// so that no reader sees half an image; it carries the stamp of what it was
// compiled from and is compiled again when that changes. With nowhere to
// write, the compiled bytes are used from memory for the run.
//
// The body is a sequence of sections written with ImageWriter and read back
// in the same order with ImageReader; each starts on an 8-byte boundary, so
// that arrays of integers and floats can be used in place.
#ifndef PALMYRA_CORE_MAPPED_IMAGE_H_
#define PALMYRA_CORE_MAPPED_IMAGE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "palmyra/status.h"

namespace palmyra {

class ImageWriter {
 public:
  // Appends one section of `bytes` bytes.
  void Add(const void* data, size_t bytes);
  template <class T>
  void Add(const std::vector<T>& values) {
    Add(values.data(), values.size() * sizeof(T));
  }
  // The body written so far.
  std::string Take() { return std::move(body_); }

 private:
  std::string body_;
};

class ImageReader {
 public:
  explicit ImageReader(std::string_view body) : rest_(body) {}
  // The next section as `count` values of T; false when the body ends or
  // the section's size is not a whole number of T.
  template <class T>
  bool Next(const T** values, size_t* count) {
    std::string_view section;
    if (!Next(&section) || section.size() % sizeof(T) != 0) return false;
    *values = reinterpret_cast<const T*>(section.data());
    *count = section.size() / sizeof(T);
    return true;
  }
  bool Next(std::string_view* section);
  bool AtEnd() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

class MappedImage {
 public:
  using Compiler = std::function<Result<std::string>()>;

  // Maps `dir`/`name`.idx, or its copy in the cache folder, when either was
  // compiled from sources with this `stamp`; else calls `compile` for the
  // body and keeps it where it can. Errors are compile's.
  static Result<std::unique_ptr<MappedImage>> Open(const std::string& dir, const std::string& name,
                                                   uint64_t stamp, const Compiler& compile);
  // An image held in memory only (tables built in the process).
  static std::unique_ptr<MappedImage> FromBody(std::string body);
  ~MappedImage();
  MappedImage(const MappedImage&) = delete;
  MappedImage& operator=(const MappedImage&) = delete;

  std::string_view body() const { return body_; }
  // The file mapped, "" when the body is in memory.
  const std::string& path() const { return path_; }
  // Whether Open compiled the body in this process.
  bool compiled() const { return compiled_; }

 private:
  MappedImage() = default;
  Status Map(const std::string& path, uint64_t stamp);

  std::string_view body_;
  void* mapping_ = nullptr;
  size_t mapping_size_ = 0;
  std::string owned_;
  std::string path_;
  bool compiled_ = false;
};

}  // namespace palmyra

#endif  // PALMYRA_CORE_MAPPED_IMAGE_H_
