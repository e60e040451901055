#include "ingest/html_article.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "ingest/libxml_nodes.h"

namespace palmyra {
namespace {

// Elements that are never part of an article's text.
constexpr std::array<std::string_view, 22> kDroppedTags = {
    "script", "style",  "noscript", "nav",      "header",     "footer", "aside", "form",
    "iframe", "button", "svg",      "template", "figcaption", "select", "input", "textarea",
    "object", "embed",  "canvas",   "menu",     "dialog",     "head"};

// Words of class and id attributes that mark boilerplate ("share-tools",
// "related_links", "comments", "ad-slot").
constexpr std::array<std::string_view, 45> kBoilerplateWords = {
    "nav",         "navbar",          "navigation",    "menu",         "footer",
    "sidebar",     "share",           "sharing",       "social",       "related",
    "promo",       "advert",          "advertisement", "ad",           "ads",
    "adslot",      "adunit",          "sponsored",     "cookie",       "cookies",
    "consent",     "newsletter",      "subscribe",     "subscription", "signup",
    "caption",     "credit",          "breadcrumb",    "breadcrumbs",  "widget",
    "popup",       "modal",           "banner",        "outbrain",     "taboola",
    "recommended", "recommendations", "trending",      "popular",      "masthead",
    "toolbar",     "comment",         "comments",      "disqus",       "skip"};

// Roles of boilerplate (WAI-ARIA landmarks that are not the main content).
constexpr std::array<std::string_view, 7> kBoilerplateRoles = {
    "navigation", "banner", "contentinfo", "complementary", "dialog", "alert", "search"};

// Class or id fragments that mark an article's body.
constexpr std::array<std::string_view, 12> kBodyMarkers = {
    "articlebody",     "article-body",  "article__body", "article_body",
    "story-body",      "storybody",     "entry-content", "post-content",
    "article-content", "story-content", "article-text",  "articletext"};

constexpr std::array<std::string_view, 24> kBlockTags = {
    "p",     "div", "section", "article", "main", "h1", "h2",         "h3",
    "h4",    "h5",  "h6",      "li",      "ul",   "ol", "blockquote", "pre",
    "table", "tr",  "td",      "dd",      "dt",   "dl", "figure",     "address"};

bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Appends `text` with runs of white space (and no-break spaces) as one space.
void AppendCollapsed(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

std::string NodeText(const xmlNode* n) {
  xmlChar* content = xmlNodeGetContent(n);
  std::string out;
  if (content != nullptr) {
    AppendCollapsed(reinterpret_cast<const char*>(content), &out);
    xmlFree(content);
  }
  return std::string(Trim(out));
}

// The words of a class or id attribute: "c-share_tools" -> c, share, tools.
bool HasBoilerplateWord(const std::string& attribute) {
  std::string word;
  for (size_t i = 0; i <= attribute.size(); ++i) {
    const char c = i < attribute.size() ? attribute[i] : ' ';
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      continue;
    }
    if (In(kBoilerplateWords, word)) return true;
    word.clear();
  }
  return false;
}

bool IsBodyMarked(const xmlNode* n) {
  if (NodeAttribute(n, "itemprop") == "articleBody") return true;
  const std::string marks =
      AsciiLowercase(NodeAttribute(n, "class") + " " + NodeAttribute(n, "id"));
  return std::any_of(kBodyMarkers.begin(), kBodyMarkers.end(),
                     [&](std::string_view m) { return marks.find(m) != std::string::npos; });
}

bool IsBoilerplate(const xmlNode* n) {
  const std::string_view name = NodeName(n);
  if (In(kDroppedTags, name)) return true;
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (NodeAttribute(n, "aria-hidden") == "true") return true;
  const std::string style = AsciiLowercase(NodeAttribute(n, "style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos)
    return true;
  if (In(kBoilerplateRoles, AsciiLowercase(NodeAttribute(n, "role")))) return true;
  return HasBoilerplateWord(NodeAttribute(n, "class")) ||
         HasBoilerplateWord(NodeAttribute(n, "id"));
}

struct Metadata {
  std::string og_title, title_tag, h1, ld_headline;
  std::string canonical, og_url, ld_url;
  std::string og_site, ld_publisher, application_name;
  std::optional<Date> meta_date, ld_date, time_date;
  std::string unread_date;  // the first date given that could not be read

  // The date `text` gives, noting it when it cannot be read.
  std::optional<Date> Read(const std::string& text) {
    std::optional<Date> d = ParseWebDate(text);
    if (!d && unread_date.empty() && !Trim(text).empty()) unread_date = std::string(Trim(text));
    return d;
  }
};

// A JSON-LD object of a news article (or a list or @graph holding one).
void ReadJsonLd(const nlohmann::json& j, Metadata* m) {
  if (j.is_array()) {
    for (const auto& item : j) ReadJsonLd(item, m);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) ReadJsonLd(j["@graph"], m);
  auto text = [&](const char* key) -> std::string {
    if (!j.contains(key)) return "";
    const auto& v = j[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("name") && v["name"].is_string())
      return v["name"].get<std::string>();
    if (v.is_object() && v.contains("@id") && v["@id"].is_string())
      return v["@id"].get<std::string>();
    return "";
  };
  std::string type;
  if (j.contains("@type")) {
    const auto& t = j["@type"];
    if (t.is_string()) type = t.get<std::string>();
    if (t.is_array() && !t.empty() && t[0].is_string()) type = t[0].get<std::string>();
  }
  const bool article = type.find("Article") != std::string::npos || type == "BlogPosting" ||
                       type == "LiveBlogPosting" || type == "Report";
  if (!article) return;
  if (!m->ld_date) m->ld_date = m->Read(text("datePublished"));
  if (m->ld_headline.empty()) m->ld_headline = text("headline");
  if (m->ld_publisher.empty()) m->ld_publisher = text("publisher");
  if (m->ld_url.empty()) m->ld_url = text("url");
  if (m->ld_url.empty()) m->ld_url = text("mainEntityOfPage");
}

void ReadMetadata(const xmlNode* n, Metadata* m) {
  for (; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    const std::string_view name = NodeName(n);
    if (name == "meta") {
      const std::string key = AsciiLowercase(
          NodeAttribute(n, "property") + NodeAttribute(n, "name") + NodeAttribute(n, "itemprop"));
      const std::string content = std::string(Trim(NodeAttribute(n, "content")));
      if (key == "og:title" && m->og_title.empty()) m->og_title = content;
      if (key == "og:url" && m->og_url.empty()) m->og_url = content;
      if (key == "og:site_name" && m->og_site.empty()) m->og_site = content;
      if (key == "application-name" && m->application_name.empty()) m->application_name = content;
      static constexpr std::array<std::string_view, 12> kDateKeys = {"article:published_time",
                                                                     "og:published_time",
                                                                     "datepublished",
                                                                     "date",
                                                                     "pubdate",
                                                                     "publishdate",
                                                                     "publish-date",
                                                                     "dc.date",
                                                                     "dc.date.issued",
                                                                     "dcterms.created",
                                                                     "sailthru.date",
                                                                     "parsely-pub-date"};
      if (!m->meta_date && In(kDateKeys, key)) m->meta_date = m->Read(content);
    } else if (name == "link") {
      if (AsciiLowercase(NodeAttribute(n, "rel")) == "canonical" && m->canonical.empty())
        m->canonical = std::string(Trim(NodeAttribute(n, "href")));
    } else if (name == "script") {
      if (AsciiLowercase(NodeAttribute(n, "type")) == "application/ld+json") {
        const auto j = nlohmann::json::parse(NodeText(n), nullptr, /*allow_exceptions=*/false);
        if (!j.is_discarded()) ReadJsonLd(j, m);
      }
      continue;
    } else if (name == "title" && m->title_tag.empty()) {
      m->title_tag = NodeText(n);
    } else if (name == "h1" && m->h1.empty()) {
      m->h1 = NodeText(n);
    } else if (name == "time" && !m->time_date) {
      m->time_date = m->Read(NodeAttribute(n, "datetime"));
    }
    ReadMetadata(n->children, m);
  }
}

// Marks n and its ancestors, so that pruning keeps them.
void Protect(const xmlNode* n, std::unordered_set<const xmlNode*>* kept) {
  for (; n != nullptr; n = n->parent) kept->insert(n);
}

void FindBodyMarked(xmlNode* n, std::vector<xmlNode*>* out) {
  for (; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    if (IsBodyMarked(n) || NodeName(n) == "article") out->push_back(n);
    FindBodyMarked(n->children, out);
  }
}

void Prune(xmlNode* n, const std::unordered_set<const xmlNode*>& kept) {
  while (n != nullptr) {
    xmlNode* next = n->next;
    if (n->type == XML_COMMENT_NODE) {
      xmlUnlinkNode(n);
      xmlFreeNode(n);
    } else if (IsElement(n)) {
      // The page's <html> and <body> stay whatever their classes say.
      const bool frame = NodeName(n) == "html" || NodeName(n) == "body";
      if (!frame && !kept.count(n) && IsBoilerplate(n)) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
      } else {
        Prune(n->children, kept);
      }
    }
    n = next;
  }
}

// Characters of paragraph text under n.
size_t ParagraphChars(const xmlNode* n) {
  size_t total = 0;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) continue;
    total += NodeName(c) == "p" ? NodeText(c).size() : ParagraphChars(c);
  }
  return total;
}

// Scores of the elements holding paragraph text, in document order: each
// paragraph counts for its parent, half for its grandparent.
struct Scores {
  std::unordered_map<const xmlNode*, size_t> index;
  std::vector<std::pair<const xmlNode*, size_t>> order;
  void Add(const xmlNode* n, size_t score) {
    auto [it, added] = index.emplace(n, order.size());
    if (added) order.push_back({n, 0});
    order[it->second].second += score;
  }
};

void ScoreParagraphs(const xmlNode* n, Scores* scores) {
  for (; n != nullptr; n = n->next) {
    if (!IsElement(n)) continue;
    if (NodeName(n) == "p") {
      const size_t length = NodeText(n).size();
      if (length >= 25 && n->parent != nullptr) {
        scores->Add(n->parent, 2 * length);
        if (n->parent->parent != nullptr) scores->Add(n->parent->parent, length);
      }
      continue;
    }
    ScoreParagraphs(n->children, scores);
  }
}

struct Block {
  std::string text;
  size_t link_chars = 0;
  bool heading = false;
};

class BlockCollector {
 public:
  void Walk(const xmlNode* n, bool in_link) {
    for (; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content == nullptr) continue;
        const size_t before = current_.text.size();
        AppendCollapsed(reinterpret_cast<const char*>(n->content), &current_.text);
        if (in_link) current_.link_chars += current_.text.size() - before;
        continue;
      }
      if (!IsElement(n)) continue;
      const std::string_view name = NodeName(n);
      if (name == "br") {
        Flush();
        continue;
      }
      const bool block = In(kBlockTags, name);
      if (block) Flush();
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
        current_.heading = true;
      Walk(n->children, in_link || name == "a");
      if (block) Flush();
    }
  }
  std::vector<Block> Take() {
    Flush();
    return std::move(blocks_);
  }

 private:
  void Flush() {
    const std::string_view t = Trim(current_.text);
    if (!t.empty()) {
      Block b = current_;
      b.text = std::string(t);
      blocks_.push_back(std::move(b));
    }
    current_ = Block();
  }
  Block current_;
  std::vector<Block> blocks_;
};

size_t Words(std::string_view s) { return SplitWhitespace(s).size(); }

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  if (EndsWith(s, "\xE2\x80\x9D") || EndsWith(s, "\xE2\x80\x99")) s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (StartsWith(host, "www.")) host = host.substr(4);
  return host;
}

// "Russia keeps its base | The Example Times" without the site's name.
std::string WithoutSiteName(std::string title, const std::string& site) {
  for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    const size_t at = title.rfind(separator);
    if (at == std::string::npos) continue;
    const std::string tail(Trim(std::string_view(title).substr(at + separator.size())));
    if (!site.empty() && AsciiLowercase(tail) == AsciiLowercase(site)) return title.substr(0, at);
    const size_t first = title.find(separator);
    const std::string head(Trim(std::string_view(title).substr(0, first)));
    if (!site.empty() && AsciiLowercase(head) == AsciiLowercase(site))
      return title.substr(first + separator.size());
  }
  return title;
}

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::unique_ptr<xmlDoc, DocDeleter> ParseHtml(std::string_view html, const std::string& url,
                                              const std::string& charset) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  return std::unique_ptr<xmlDoc, DocDeleter>(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), url.empty() ? nullptr : url.c_str(),
      charset.empty() ? nullptr : charset.c_str(), options));
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

}  // namespace

std::optional<Date> ParseWebDate(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (auto iso = Date::Parse(text.substr(0, std::min<size_t>(text.size(), 10)))) {
    if (text.size() == 10 || text[10] == 'T' || text[10] == ' ' || text[10] == 't') return iso;
  }
  // Words: a day, a month's name, a four-digit year, in any order.
  int day = 0, month = 0, year = 0;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) {
      word.push_back(c);
      continue;
    }
    if (!word.empty()) {
      if (IsAsciiDigit(word[0])) {
        bool digits = std::all_of(word.begin(), word.end(), IsAsciiDigit);
        const int value = digits && word.size() <= 4 ? std::atoi(word.c_str()) : -1;
        if (word.size() == 4 && year == 0 && value > 0) {
          year = value;
        } else if (word.size() <= 2 && day == 0 && value >= 1 && value <= 31 && c != ':') {
          day = value;
        }
      } else if (month == 0 && word.size() >= 3) {
        const std::string lower = AsciiLowercase(word);
        for (size_t m = 0; m < kMonths.size(); ++m) {
          if (StartsWith(lower, kMonths[m])) month = static_cast<int>(m) + 1;
        }
      }
      if (c == ':') break;  // the time of day begins
    }
    word.clear();
  }
  if (year == 0 || month == 0 || day == 0 || !Date::IsValid(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

std::string HtmlFragmentText(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    std::string out;
    AppendCollapsed(html, &out);
    return std::string(Trim(out));
  }
  // A fragment parses as the body of a page.
  const std::string page = "<html><body>" + std::string(html) + "</body></html>";
  auto doc = ParseHtml(page, "", "UTF-8");
  if (doc == nullptr) return "";
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return "";
  Prune(root, {});
  BlockCollector collector;
  collector.Walk(root, false);
  std::string out;
  for (const Block& b : collector.Take()) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

Result<WebArticle> ExtractHtmlArticle(std::string_view html, const std::string& url,
                                      const std::string& charset) {
  const std::string_view head = html.substr(0, std::min<size_t>(html.size(), 4096));
  if (head.find('\0') != std::string_view::npos) return ParseError("binary data, not an HTML page");
  if (head.find('<') == std::string_view::npos) return ParseError("no HTML markup");
  auto doc = ParseHtml(html, url, charset);
  xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return ParseError("not an HTML page");

  Metadata meta;
  ReadMetadata(root, &meta);

  // The body as the page marks it, kept whatever its classes say.
  std::vector<xmlNode*> marked;
  FindBodyMarked(root, &marked);
  std::unordered_set<const xmlNode*> kept;
  for (const xmlNode* n : marked) Protect(n, &kept);
  Prune(root, kept);

  const xmlNode* container = nullptr;
  size_t best = 0;
  for (const xmlNode* n : marked) {
    // A marked element that a pruned ancestor took with it is gone.
    const size_t chars = ParagraphChars(n);
    if (chars > best) {
      best = chars;
      container = n;
    }
  }
  if (best < 200) {
    Scores scores;
    ScoreParagraphs(root, &scores);
    size_t top = 0;
    for (const auto& [node, score] : scores.order) {
      if (score > top) {
        top = score;
        container = node;
      }
    }
    if (top == 0) container = root;
  }

  BlockCollector collector;
  collector.Walk(container->children, false);
  WebArticle article;
  article.url = !meta.canonical.empty() ? meta.canonical
                : !meta.og_url.empty()  ? meta.og_url
                : !meta.ld_url.empty()  ? meta.ld_url
                                        : url;
  article.site = !meta.og_site.empty()            ? meta.og_site
                 : !meta.ld_publisher.empty()     ? meta.ld_publisher
                 : !meta.application_name.empty() ? meta.application_name
                                                  : HostOf(article.url);
  article.title = !meta.og_title.empty()      ? meta.og_title
                  : !meta.ld_headline.empty() ? meta.ld_headline
                  : !meta.h1.empty()          ? meta.h1
                                              : WithoutSiteName(meta.title_tag, article.site);
  article.title = WithoutSiteName(article.title, article.site);
  article.published = meta.meta_date ? meta.meta_date
                      : meta.ld_date ? meta.ld_date
                                     : meta.time_date;
  if (!article.published) article.unread_date = Printable(meta.unread_date.substr(0, 80));
  for (const Block& b : collector.Take()) {
    const size_t words = Words(b.text);
    // Menus and "read more" lines that survived: mostly links, short.
    if (b.link_chars * 2 > b.text.size() && words < 30) continue;
    // "Advertisement", "Share this article": a few words, no sentence.
    if (words < 4 && !EndsSentence(b.text)) continue;
    if (b.text == article.title) continue;
    if (!article.text.empty()) article.text += "\n\n";
    article.text += b.text;
  }
  if (article.text.empty()) return ParseError("no article text found in the page");
  return article;
}

}  // namespace palmyra
