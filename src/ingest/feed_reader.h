// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is an article with its
// link, title, date (pubDate, dc:date, published, updated) and text (the
// item's full content when the feed carries it, content:encoded or Atom
// content, else its description or summary, HTML turned into paragraphs).
// The feed's title is each article's source.
//
// Feeds with invalid XML are read as far as libxml2's recovery reaches: the
// items it could read are kept and the first error is reported with its line
// and column.
#ifndef PALMYRA_INGEST_FEED_READER_H_
#define PALMYRA_INGEST_FEED_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest_problem.h"
#include "palmyra/document.h"

namespace palmyra {

// Reads the feed `xml`; `where` (the file) names it in problems and in the
// ids of items without a link or guid.
std::vector<Document> ReadFeed(std::string_view xml, const std::string& where,
                               std::vector<IngestProblem>* problems);

// True when `head` (the first bytes of a file) opens an RSS or Atom feed.
bool LooksLikeFeed(std::string_view head);

}  // namespace palmyra

#endif  // PALMYRA_INGEST_FEED_READER_H_
