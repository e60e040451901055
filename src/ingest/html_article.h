// Reading a news article out of a web page: its text without navigation,
// adverts, captions, share buttons and comments, its headline, publication
// date, canonical URL and site name. Uses libxml2's HTML parser, which
// repairs broken markup and reads the page's declared character set.
//
// The text is found from the page's own markings first (schema.org
// articleBody, <article>, the usual "article-body" classes), else as the
// element holding the most paragraph text; inside it, blocks that are
// boilerplate by their tag (nav, aside, figcaption, form ...), their class or
// id ("share", "related", "comments", "advert" ...) or their role are left
// out, and so are short paragraphs that are mostly links. Paragraphs are
// separated by blank lines.
//
// Metadata come from article:published_time and the other date <meta> tags,
// JSON-LD (NewsArticle and kin: datePublished, headline, publisher), Open
// Graph (og:title, og:url, og:site_name), <link rel="canonical"> and <time>.
#ifndef PALMYRA_INGEST_HTML_ARTICLE_H_
#define PALMYRA_INGEST_HTML_ARTICLE_H_

#include <optional>
#include <string>
#include <string_view>

#include "palmyra/date.h"
#include "palmyra/status.h"

namespace palmyra {

struct WebArticle {
  std::string title;
  std::string text;  // paragraphs separated by "\n\n"
  std::string url;   // canonical URL, else the one the page was fetched from
  std::string site;  // og:site_name, the publisher's name, else the URL's host
  std::optional<Date> published;
  // A date the page gives (a date <meta> tag, JSON-LD datePublished, <time
  // datetime>) that could not be read, when no other could: for a warning.
  std::string unread_date;
};

// Extracts the article of `html`, fetched from `url` (may be empty);
// `charset` is the one the server declared, if any. Fails with a message
// when the bytes are not a page with text (binary data, an empty page).
Result<WebArticle> ExtractHtmlArticle(std::string_view html, const std::string& url = "",
                                      const std::string& charset = "");

// The text of an HTML fragment (a feed item's description), paragraphs
// separated by blank lines; no boilerplate removal.
std::string HtmlFragmentText(std::string_view html);

// Publication dates as the web writes them: ISO 8601 ("2016-03-17",
// "2016-03-17T10:00:00+03:00"), RFC 822 and 1123 ("Thu, 17 Mar 2016
// 10:00:00 GMT"), "17 March 2016", "March 17, 2016". The date as written,
// without converting time zones.
std::optional<Date> ParseWebDate(std::string_view text);

}  // namespace palmyra

#endif  // PALMYRA_INGEST_HTML_ARTICLE_H_
