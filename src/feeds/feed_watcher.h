// FeedWatcher: what is new in a list of RSS and Atom feeds, poll after poll
// (palmyra watch).
//
// Each poll fetches the feeds that are due, conditionally (a feed unchanged
// since its last ETag or Last-Modified answers 304 and costs nothing), and
// returns the items not seen in that feed's previous answer; with
// fetch_pages, each new item's page is fetched and read by the HTML reader
// for the full article (the feed's text stays when the page cannot be had).
// A feed that fails (no answer, an error status, a timeout, too large, not a
// feed) is skipped for the next 1, 2, 4 ... polls (at most 64), and
// reported; the others go on.
#ifndef PALMYRA_FEEDS_FEED_WATCHER_H_
#define PALMYRA_FEEDS_FEED_WATCHER_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "feeds/http_fetch.h"
#include "ingest/ingest_problem.h"
#include "palmyra/document.h"
#include "palmyra/status.h"

namespace palmyra {

// The feeds of a list file: one URL a line; blank lines and lines starting
// with '#' are skipped. Fails naming the file and line of anything else.
Result<std::vector<std::string>> ReadFeedList(const std::string& path);

struct WatchOptions {
  HttpOptions http;
  bool fetch_pages = false;
};

// What one poll did.
struct PollReport {
  int feeds = 0;      // in the list
  int fetched = 0;    // answered with a feed
  int unchanged = 0;  // answered 304 Not Modified
  int failed = 0;
  int resting = 0;                  // skipped after earlier failures
  int pages = 0;                    // article pages fetched
  int pages_failed = 0;             // of which failed (the feed's text was kept)
  std::vector<std::string> errors;  // one per failed feed, with when it is tried again
};

class FeedWatcher {
 public:
  FeedWatcher(std::vector<std::string> urls, WatchOptions options);

  // The articles new since the last poll, in feed order.
  std::vector<Document> Poll(PollReport* report, std::vector<IngestProblem>* problems);

 private:
  struct Feed {
    std::string url;
    std::string etag, last_modified;
    std::unordered_set<std::string> seen;  // item ids of its last answer
    int failures = 0;
    int rest = 0;  // polls still to skip
  };
  void Failed(Feed& feed, const std::string& why, PollReport* report);
  void FetchPage(Document* doc, PollReport* report, std::vector<IngestProblem>* problems);

  std::vector<Feed> feeds_;
  WatchOptions options_;
};

}  // namespace palmyra

#endif  // PALMYRA_FEEDS_FEED_WATCHER_H_
