// WARC files (1.0 and 1.1), plain or gzip-compressed record by record as
// news crawls publish them (.warc.gz). Each "response" record whose HTTP
// payload is an HTML page (status 200, text/html or XHTML; chunked transfer
// and gzip or deflate content encoding undone) becomes an article: its URL is
// WARC-Target-URI, its date the page's own publication date, else WARC-Date;
// its text, title and site come from the page (html_article.h). Other records
// (requests, metadata, redirects, images) are passed over.
//
// The file is read as a stream, one record at a time, so a crawl of any size
// fits in memory. A broken record header is reported with its byte offset
// and the reader goes on at the next "WARC/" line; truncated gzip data ends
// the file with a report, after every record before it was read.
#ifndef PALMYRA_INGEST_WARC_READER_H_
#define PALMYRA_INGEST_WARC_READER_H_

#include <zlib.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/ingest_problem.h"
#include "palmyra/document.h"
#include "palmyra/status.h"

namespace palmyra {

class WarcReader {
 public:
  // Response records longer than `max_record` bytes are reported and passed
  // over.
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                  uint64_t max_record = uint64_t{64} << 20);
  ~WarcReader();

  // Reads the next article; false at the end of the file.
  bool Next(Document* doc, std::vector<IngestProblem>* problems);

  // Records read so far.
  uint64_t records() const { return records_; }
  // Bytes of the file (compressed, if it is) read so far.
  uint64_t file_offset() const;

 private:
  WarcReader(gzFile file, std::string path, uint64_t max_record)
      : file_(file), path_(std::move(path)), max_record_(max_record) {}
  // Buffered reading of the (decompressed) stream.
  bool Fill(std::vector<IngestProblem>* problems);
  bool ReadLine(std::string* line, std::vector<IngestProblem>* problems);
  bool ReadBytes(uint64_t n, std::string* out, std::vector<IngestProblem>* problems);
  std::string Where(uint64_t offset) const;
  void Report(const std::string& where, const std::string& message,
              std::vector<IngestProblem>* problems) const;

  gzFile file_;
  std::string path_;
  uint64_t max_record_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;  // stream offset of buffer_[pos_]
  bool eof_ = false;
  bool failed_ = false;
  uint64_t records_ = 0;
};

// Undoes HTTP's chunked transfer coding; false when the chunks are broken.
bool Dechunk(std::string_view body, std::string* out);
// Undoes gzip or deflate content coding; false when the data are broken.
bool Inflate(std::string_view data, std::string* out);

}  // namespace palmyra

#endif  // PALMYRA_INGEST_WARC_READER_H_
