// What reading web pages and crawls costs next to coding them. The BBC and
// Guardian articles of ../shared/corpus are wrapped in a news page with the
// usual boilerplate (navigation, share buttons, related links, comments,
// footer, scripts), and the pages written as a gzip-compressed WARC crawl:
//
//   build/bench/ingest [--repeat R]
//
// Reports pages per second and MB of HTML per second for text extraction
// alone and for reading the crawl (decompression, records, extraction), the
// time to code the extracted articles on one thread, the share reading takes
// of coding (target: under a fifth), and how much of each article's text the
// extraction gives back.
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "core/file.h"
#include "core/strings.h"
#include "ingest/document_source.h"
#include "ingest/html_article.h"

namespace palmyra {
namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

std::string Page(const Document& d, size_t n) {
  std::string page =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Escape(d.title) +
      " | The Bench Gazette</title><meta property=\"og:title\" content=\"" + Escape(d.title) +
      "\"><meta property=\"og:site_name\" content=\"The Bench Gazette\">"
      "<meta property=\"article:published_time\" content=\"" +
      (d.published ? d.published->ToString() : std::string("2017-01-01")) +
      "T08:00:00Z\"><link rel=\"canonical\" href=\"https://gazette.example/a/" + std::to_string(n) +
      "\"><script>var analytics = {page: 'article', sections: ['world', 'middle-east']};"
      "function track(e) { return e; }</script><style>body { font-family: serif; } .nav li "
      "{ display: inline; }</style></head><body><div class=\"cookie-banner\"><p>We use cookies "
      "to give you the best experience. By using the site you accept them.</p></div>"
      "<header class=\"site-header\"><nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li>"
      "<li><a href=\"/world\">World</a></li><li><a href=\"/uk\">UK</a></li><li><a "
      "href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li><li><a "
      "href=\"/culture\">Culture</a></li></ul></nav></header><main><article><h1>" +
      Escape(d.title) +
      "</h1><div class=\"share-tools\"><a href=\"#\">Share on Facebook</a><a href=\"#\">Share on "
      "Twitter</a></div><figure><img src=\"lead.jpg\"><figcaption>A file photograph taken for "
      "the story.</figcaption></figure><div class=\"article-body\">";
  size_t pos = 0;
  while (pos < d.text.size()) {
    size_t end = d.text.find('\n', pos);
    if (end == std::string::npos) end = d.text.size();
    const std::string_view line = Trim(std::string_view(d.text).substr(pos, end - pos));
    if (!line.empty()) page += "<p>" + Escape(line) + "</p>";
    pos = end + 1;
  }
  page +=
      "</div><aside class=\"related\"><h3>Related stories</h3><ul><li><a href=\"/r1\">Earlier "
      "coverage of the same events</a></li><li><a href=\"/r2\">Analysis: what comes next</a></li>"
      "</ul></aside></article><section class=\"comments\"><h2>Comments</h2><div class=\"comment\">"
      "<p>A reader's long comment about the article that goes on about other matters.</p></div>"
      "</section></main><footer class=\"site-footer\"><p>The Bench Gazette. All rights reserved. "
      "Terms and privacy policy apply.</p></footer></body></html>";
  return page;
}

std::string Gzip(const std::string& data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string WarcRecord(const std::string& uri, const std::string& page) {
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
      std::to_string(page.size()) + "\r\n\r\n" + page;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2017-01-02T00:00:00Z\r\nContent-Type: application/http; "
         "msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

std::vector<std::string_view> Words(std::string_view s) { return SplitWhitespace(s); }

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  const int repeat = RepeatOption(argc, argv);
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (the news corpora) is not present\n");
    return 0;
  }
  std::vector<Document> sources;
  for (Document& doc : ReadNewsCorpus(shared)) {
    if (!Trim(doc.text).empty()) sources.push_back(std::move(doc));
  }
  std::vector<std::string> pages;
  double html_mb = 0;
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < sources.size(); ++i) {
      pages.push_back(Page(sources[i], i));
      html_mb += pages.back().size() / 1e6;
    }
  }
  const std::filesystem::path warc = std::filesystem::temp_directory_path() /
                                     ("palmyra_bench_" + std::to_string(getpid()) + ".warc.gz");
  {
    std::string bytes;
    for (size_t i = 0; i < pages.size(); ++i)
      bytes += Gzip(WarcRecord("https://gazette.example/a/" + std::to_string(i), pages[i]));
    if (!WriteFile(warc.string(), bytes).ok()) {
      std::fprintf(stderr, "cannot write %s\n", warc.c_str());
      return 1;
    }
    std::printf("%zu pages, %.1f MB of HTML; crawl %.1f MB gzip-compressed\n", pages.size(),
                html_mb, bytes.size() / 1e6);
  }

  // Extraction alone, in memory.
  auto start = std::chrono::steady_clock::now();
  std::vector<Document> extracted;
  size_t exact = 0, words_source = 0, words_found = 0, failed = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    auto a = ExtractHtmlArticle(pages[i]);
    if (!a.ok()) {
      ++failed;
      continue;
    }
    Document d;
    d.id = std::to_string(i);
    d.title = a->title;
    d.text = a->text;
    d.published = a->published;
    extracted.push_back(std::move(d));
  }
  const double extraction = Seconds(start);
  for (size_t i = 0; i < extracted.size(); ++i) {
    const auto want = Words(sources[std::stoul(extracted[i].id) % sources.size()].text);
    const auto got = Words(extracted[i].text);
    words_source += want.size();
    words_found += got.size();
    if (want == got) {
      ++exact;
    } else if (std::getenv("PALMYRA_BENCH_VERBOSE") != nullptr) {
      size_t k = 0;
      while (k < want.size() && k < got.size() && want[k] == got[k]) ++k;
      std::printf("page %s differs at word %zu: '%s' vs '%s'\n", extracted[i].id.c_str(), k,
                  k < want.size() ? std::string(want[k]).c_str() : "(end)",
                  k < got.size() ? std::string(got[k]).c_str() : "(end)");
    }
  }

  // The crawl through the reader: decompression, records, extraction.
  start = std::chrono::steady_clock::now();
  size_t from_crawl = 0;
  {
    DocumentSource source({warc.string()}, {});
    std::vector<IngestProblem> problems;
    Document doc;
    while (source.Next(&doc, &problems)) ++from_crawl;
  }
  const double crawl = Seconds(start);
  std::filesystem::remove(warc);

  // Coding what was extracted, one thread.
  const auto engine = MakeEngine();
  start = std::chrono::steady_clock::now();
  long events = 0;
  for (const Document& d : extracted) {
    auto coded = engine->Code(d);
    if (coded.ok()) events += static_cast<long>(coded->size());
  }
  const double coding = Seconds(start);

  std::printf(
      "  extraction   %8.0f pages/s  %6.1f MB/s of HTML  (%.2f s; %zu pages gave no text)\n",
      extracted.size() / extraction, html_mb / extraction, extraction, failed);
  std::printf("  crawl read   %8.0f pages/s  %6.1f MB/s of HTML  (%.2f s, %zu articles)\n",
              from_crawl / crawl, html_mb / crawl, crawl, from_crawl);
  std::printf("  coding       %8.0f pages/s                     (%.2f s, %ld events, 1 thread)\n",
              extracted.size() / coding, coding, events);
  std::printf("  reading the crawl costs %.1f%% of coding (extraction alone %.1f%%)\n",
              100 * crawl / coding, 100 * extraction / coding);
  std::printf("  text given back: %.1f%% of pages word for word; %.1f%% as many words as written\n",
              100.0 * exact / std::max<size_t>(1, extracted.size()),
              100.0 * words_found / std::max<size_t>(1, words_source));
  return 0;
}
