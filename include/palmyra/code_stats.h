// CodeStats: what coding one document counted and found besides its events,
// for progress reports, benchmarks and the store (sentence spans).
#ifndef PALMYRA_CODE_STATS_H_
#define PALMYRA_CODE_STATS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace palmyra {

// Counts from coding one document, for progress and benchmark reports.
struct CodeStats {
  int sentences = 0;
  int tokens = 0;
  // Byte offsets [start, end) of each sentence in Document::text, in order
  // (events' sentence_index counts them).
  std::vector<std::pair<uint32_t, uint32_t>> sentence_spans;
  std::vector<std::string> warnings;  // problems in the document that did not stop coding
};

}  // namespace palmyra

#endif  // PALMYRA_CODE_STATS_H_
