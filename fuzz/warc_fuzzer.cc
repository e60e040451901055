// libFuzzer target: WARC files, plain or gzip-compressed (ingest/warc_reader.h).
// The input is handed to the reader as a file in memory.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const int fd = memfd_create("warc", 0);
  if (fd < 0) return 0;
  size_t written = 0;
  while (written < size) {
    const ssize_t n = write(fd, data + written, size - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  {
    auto reader = palmyra::WarcReader::Open("/proc/self/fd/" + std::to_string(fd));
    if (reader.ok()) {
      palmyra::Document doc;
      std::vector<palmyra::IngestProblem> problems;
      while ((*reader)->Next(&doc, &problems)) {
        if (doc.text.empty()) __builtin_trap();  // pages without text are not articles
      }
    }
  }
  close(fd);
  std::string out;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  palmyra::Dechunk(bytes, &out);
  palmyra::Inflate(bytes, &out);
  return 0;
}
