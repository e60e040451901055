#include "feeds/feed_watcher.h"

#include <algorithm>

#include "core/file.h"
#include "core/strings.h"
#include "ingest/feed_reader.h"
#include "ingest/html_article.h"

namespace palmyra {
namespace {

constexpr int kLongestRest = 64;  // polls

std::string CharsetOf(const std::string& content_type) {
  const size_t at = AsciiLowercase(content_type).find("charset=");
  if (at == std::string::npos) return "";
  std::string charset = content_type.substr(at + 8);
  const size_t end = charset.find_first_of("; ");
  if (end != std::string::npos) charset.resize(end);
  if (charset.size() >= 2 && charset.front() == '"')
    charset = charset.substr(1, charset.size() - 2);
  return charset;
}

}  // namespace

Result<std::vector<std::string>> ReadFeedList(const std::string& path) {
  ASSIGN_OR_RETURN(const std::string text, ReadFile(path));
  std::vector<std::string> urls;
  int number = 0;
  for (std::string_view raw : Split(text, '\n')) {
    ++number;
    const std::string line(Trim(raw));
    if (line.empty() || line[0] == '#') continue;
    if (!StartsWith(line, "http://") && !StartsWith(line, "https://")) {
      return ParseError(path + ":" + std::to_string(number) + ": '" + Printable(line) +
                        "' is not an http:// or https:// URL");
    }
    if (line.find_first_of(" \t") != std::string::npos) {
      return ParseError(path + ":" + std::to_string(number) + ": one URL a line");
    }
    urls.push_back(line);
  }
  if (urls.empty()) return ParseError(path + ": no feed URL in it");
  return urls;
}

FeedWatcher::FeedWatcher(std::vector<std::string> urls, WatchOptions options)
    : options_(std::move(options)) {
  for (std::string& url : urls) {
    feeds_.emplace_back();
    feeds_.back().url = std::move(url);
  }
}

void FeedWatcher::Failed(Feed& feed, const std::string& why, PollReport* report) {
  ++report->failed;
  ++feed.failures;
  feed.rest = std::min(kLongestRest, 1 << std::min(feed.failures - 1, 6)) - 1;
  report->errors.push_back(
      why + (feed.rest == 0 ? "; tried again at the next poll"
                            : "; tried again in " + std::to_string(feed.rest + 1) + " polls"));
}

void FeedWatcher::FetchPage(Document* doc, PollReport* report,
                            std::vector<IngestProblem>* problems) {
  ++report->pages;
  auto page = HttpGet(doc->url, options_.http);
  std::string why;
  if (!page.ok()) {
    why = page.status().message();
  } else if (page->status != 200) {
    why = "HTTP " + std::to_string(page->status);
  } else {
    auto article = ExtractHtmlArticle(page->body, page->url, CharsetOf(page->content_type));
    if (article.ok() && article->text.size() > doc->text.size()) {
      doc->text = article->text;
      if (doc->title.empty()) doc->title = article->title;
      if (!doc->published) doc->published = article->published;
      return;
    }
    if (!article.ok()) why = article.status().message();
    if (why.empty()) return;  // the feed holds more of it than the page
  }
  ++report->pages_failed;
  problems->push_back({doc->url, "page not read (" + why + "); the feed's text is coded", false});
}

std::vector<Document> FeedWatcher::Poll(PollReport* report, std::vector<IngestProblem>* problems) {
  std::vector<Document> fresh;
  report->feeds = static_cast<int>(feeds_.size());
  for (Feed& feed : feeds_) {
    if (feed.rest > 0) {
      --feed.rest;
      ++report->resting;
      continue;
    }
    auto answer = HttpGet(feed.url, options_.http, feed.etag, feed.last_modified);
    if (!answer.ok()) {
      Failed(feed, answer.status().message(), report);
      continue;
    }
    if (answer->status == 304) {
      ++report->unchanged;
      feed.failures = 0;
      continue;
    }
    if (answer->status != 200) {
      Failed(feed, feed.url + ": HTTP " + std::to_string(answer->status), report);
      continue;
    }
    std::vector<IngestProblem> read_problems;
    std::vector<Document> items = ReadFeed(answer->body, feed.url, &read_problems);
    if (items.empty() && !LooksLikeFeed(answer->body)) {
      Failed(feed, feed.url + ": not an RSS or Atom feed", report);
      continue;
    }
    // A feed read in part (invalid XML recovered) still gives its items.
    for (IngestProblem& p : read_problems) problems->push_back(std::move(p));
    ++report->fetched;
    feed.failures = 0;
    feed.etag = answer->etag;
    feed.last_modified = answer->last_modified;
    std::unordered_set<std::string> seen;
    for (Document& item : items) {
      seen.insert(item.id);
      if (feed.seen.count(item.id) > 0) continue;
      if (options_.fetch_pages && !item.url.empty()) FetchPage(&item, report, problems);
      fresh.push_back(std::move(item));
    }
    feed.seen = std::move(seen);
  }
  return fresh;
}

}  // namespace palmyra
