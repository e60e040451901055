// A problem met while reading inputs: where (file and line, or file and byte
// offset, or document) and what. Readers report problems and go on.
#ifndef PALMYRA_INGEST_INGEST_PROBLEM_H_
#define PALMYRA_INGEST_INGEST_PROBLEM_H_

#include <string>

namespace palmyra {

struct IngestProblem {
  std::string where;  // "docs.jsonl:12", "article.txt", "crawl.warc.gz@81234"
  std::string message;
  bool unreadable = true;  // true: something could not be read; false: a warning
};

}  // namespace palmyra

#endif  // PALMYRA_INGEST_INGEST_PROBLEM_H_
