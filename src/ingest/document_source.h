// DocumentSource: reads articles from the inputs a user names: .txt files
// (one article each; the first line is its headline), JSON Lines files (one
// article a line: id, text, and optionally title, url, source, date),
// directories (searched recursively, in name order) and "-" (standard
// input). The format is chosen by extension, or by content when the
// extension says nothing. Files are streamed: a JSON Lines file of any size
// is read one line at a time.
//
// Problems never stop the reading: a file that cannot be opened, a line
// that is not a JSON object, an article without text are reported (with
// file and line) and the next article is read.
#ifndef PALMYRA_INGEST_DOCUMENT_SOURCE_H_
#define PALMYRA_INGEST_DOCUMENT_SOURCE_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/file.h"
#include "palmyra/date.h"
#include "palmyra/document.h"
#include "palmyra/status.h"

namespace palmyra {

struct IngestOptions {
  std::optional<Date> default_date;  // for articles without a date
};

struct IngestProblem {
  std::string where;  // "docs.jsonl:12", "article.txt"
  std::string message;
  bool unreadable = true;  // true: something could not be read; false: a warning
};

class DocumentSource {
 public:
  DocumentSource(std::vector<std::string> inputs, IngestOptions options);
  ~DocumentSource();

  // Reads the next article into *doc. Returns false when every input is
  // done. Problems met on the way are appended to *problems.
  bool Next(Document* doc, std::vector<IngestProblem>* problems);

  // Total bytes of the named regular files (for progress reports).
  uint64_t TotalBytes() const { return total_bytes_; }

 private:
  enum class Format { kText, kJsonLines };
  // Moves to the next file, expanding directories; false when none is left.
  bool OpenNextFile(std::vector<IngestProblem>* problems);
  bool NextJsonLine(Document* doc, std::vector<IngestProblem>* problems);
  void ApplyDefaults(Document* doc) const;

  IngestOptions options_;
  std::deque<std::string> pending_;    // inputs not yet opened
  std::string path_;                   // current file
  std::unique_ptr<LineReader> lines_;  // current JSON Lines file
  std::deque<Document> stdin_queue_;   // articles read from standard input
  uint64_t total_bytes_ = 0;
};

// Parses one JSON Lines record into *doc; `where` names it in the error.
Status ParseJsonArticle(std::string_view line, const std::string& where, Document* doc,
                        std::vector<IngestProblem>* warnings);

}  // namespace palmyra

#endif  // PALMYRA_INGEST_DOCUMENT_SOURCE_H_
