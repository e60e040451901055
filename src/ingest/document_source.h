// DocumentSource: reads articles from the inputs a user names: text files
// (one article each; the first line is its headline), JSON Lines files (one
// article a line: id, text, and optionally title, url, source, date), web
// pages (html_article.h), RSS and Atom feeds (feed_reader.h), WARC and
// WARC.gz crawls (warc_reader.h), directories (searched recursively, in name
// order) and "-" (standard input). The format is told by content: "WARC/"
// opens a crawl, "{" JSON Lines, an <rss>, <feed> or <rdf:RDF> root a feed,
// HTML markup a page, anything else text; gzip-compressed files are read
// through. Files are streamed: a JSON Lines file or a crawl of any size is
// read one line or one record at a time.
//
// Problems never stop the reading: a file that cannot be opened, a line
// that is not a JSON object, an article without text or longer than
// IngestOptions::max_article_bytes are reported (with file and line) and the
// next article is read.
#ifndef PALMYRA_INGEST_DOCUMENT_SOURCE_H_
#define PALMYRA_INGEST_DOCUMENT_SOURCE_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/file.h"
#include "ingest/ingest_problem.h"
#include "ingest/warc_reader.h"
#include "palmyra/date.h"
#include "palmyra/document.h"
#include "palmyra/status.h"

namespace palmyra {

// The format of a file's first bytes (decompressed), as DocumentSource tells it.
enum class InputFormat { kText, kJsonLines, kHtml, kFeed, kWarc, kBinary };
InputFormat DetectInputFormat(std::string_view head);

// The most bytes an article may have by default (--max-article-bytes).
inline constexpr uint64_t kDefaultMaxArticleBytes = uint64_t{64} << 20;

struct IngestOptions {
  std::optional<Date> default_date;  // for articles without a date
  // An article longer than this (a JSON Lines record, a WARC record, a text
  // file or page or feed read whole, after decompression) is reported and
  // skipped; the reading goes on with the next.
  uint64_t max_article_bytes = kDefaultMaxArticleBytes;
};

class DocumentSource {
 public:
  DocumentSource(std::vector<std::string> inputs, IngestOptions options);
  ~DocumentSource();

  // Reads the next article into *doc. Returns false when every input is
  // done. Problems met on the way are appended to *problems; a file whose
  // reading fails with an exception (memory exhausted, a file system error)
  // is one of them, and the reading goes on with the next.
  bool Next(Document* doc, std::vector<IngestProblem>* problems);

  // Total bytes of the inputs when all are regular files, else 0 (for
  // progress reports).
  uint64_t TotalBytes() const { return total_bytes_; }
  // Bytes of the inputs read so far (of files fully read, and of the one
  // being read when it is read piece by piece).
  uint64_t BytesRead() const;

 private:
  using Format = InputFormat;
  bool NextUnguarded(Document* doc, std::vector<IngestProblem>* problems);
  // Moves to the next file, expanding directories; false when none is left.
  bool OpenNextFile(std::vector<IngestProblem>* problems);
  bool NextJsonLine(Document* doc, std::vector<IngestProblem>* problems);
  // Queues the articles of a whole file (text, page or feed) read into `bytes`.
  void QueueWhole(std::string bytes, Format format, const std::string& where,
                  std::vector<IngestProblem>* problems);
  void ApplyDefaults(Document* doc) const;

  IngestOptions options_;
  std::deque<std::string> pending_;    // inputs not yet opened
  std::string path_;                   // current file
  std::unique_ptr<LineReader> lines_;  // current JSON Lines file
  std::unique_ptr<WarcReader> warc_;   // current crawl
  std::deque<Document> queue_;         // articles of a whole file read at once
  uint64_t total_bytes_ = 0;
  uint64_t done_bytes_ = 0;    // files fully read
  uint64_t current_size_ = 0;  // the file being read
};

// Parses one JSON Lines record into *doc; `where` names it in the error.
Status ParseJsonArticle(std::string_view line, const std::string& where, Document* doc,
                        std::vector<IngestProblem>* warnings);

}  // namespace palmyra

#endif  // PALMYRA_INGEST_DOCUMENT_SOURCE_H_
