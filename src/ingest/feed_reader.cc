#include "ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "core/strings.h"
#include "ingest/html_article.h"
#include "ingest/libxml_nodes.h"

namespace palmyra {
namespace {

// The namespace prefix's URI of an element, or "".
std::string_view Namespace(const xmlNode* n) {
  return n->ns != nullptr && n->ns->href != nullptr ? reinterpret_cast<const char*>(n->ns->href)
                                                    : "";
}

// What the feed's text may expand to, its entities included.
struct TextBudget {
  size_t left = 0;
  bool exceeded = false;
};

std::string Text(const xmlNode* n, TextBudget* budget) {
  std::string out;
  if (!AppendNodeText(n->children, &budget->left, &out)) budget->exceeded = true;
  return std::string(Trim(out));
}

const xmlNode* Child(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && NodeName(c) == name) return c;
  }
  return nullptr;
}

// One RSS item or Atom entry.
Document Item(const xmlNode* item, bool atom, const std::string& feed_title,
              const std::string& where, int number, TextBudget* budget,
              std::vector<IngestProblem>* problems) {
  Document d;
  d.source = feed_title;
  std::string guid, date, full, summary;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = NodeName(c);
    const std::string_view ns = Namespace(c);
    if (name == "title") {
      d.title = HtmlFragmentText(Text(c, budget));
    } else if (name == "link") {
      // Atom: the alternate link (or one without rel); RSS: the element's text.
      const std::string rel = NodeAttribute(c, "rel");
      if (atom && (rel.empty() || rel == "alternate") && d.url.empty())
        d.url = NodeAttribute(c, "href");
      if (!atom && d.url.empty()) d.url = Text(c, budget);
    } else if (name == "guid" || name == "id") {
      guid = Text(c, budget);
    } else if (name == "pubDate" || name == "published" || (name == "date" && !ns.empty())) {
      if (date.empty()) date = Text(c, budget);
    } else if (name == "updated" || name == "modified") {
      if (date.empty()) date = Text(c, budget);
    } else if (name == "encoded" || (atom && name == "content")) {
      full = Text(c, budget);
    } else if (name == "description" || name == "summary") {
      summary = Text(c, budget);
    }
  }
  d.id = !d.url.empty() ? d.url : !guid.empty() ? guid : where + ":item " + std::to_string(number);
  d.published = ParseWebDate(date);
  if (!d.published && !date.empty()) {
    problems->push_back({where + ":item " + std::to_string(number),
                         "date '" + Printable(date.substr(0, 80)) +
                             "' is not a date Palmyra reads; the default date is used",
                         false});
  }
  d.text = HtmlFragmentText(!full.empty() ? full : summary);
  return d;
}

// The first error libxml2 meets (it keeps only the last one itself).
struct FirstError {
  bool set = false;
  int line = 0, column = 0;
  std::string message;
};

void KeepFirstError(void* data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  auto* first = ctxt != nullptr ? static_cast<FirstError*>(ctxt->_private) : nullptr;
  if (first == nullptr || first->set || error == nullptr || error->level < XML_ERR_ERROR) return;
  first->set = true;
  first->line = error->line;
  first->column = error->int2;
  first->message = error->message != nullptr ? error->message : "invalid XML";
  while (!first->message.empty() && (first->message.back() == '\n' || first->message.back() == ' '))
    first->message.pop_back();
}

}  // namespace

bool LooksLikeFeed(std::string_view head) {
  const std::string lower = AsciiLowercase(head.substr(0, std::min<size_t>(head.size(), 4096)));
  const size_t html = lower.find("<html");
  for (const char* root : {"<rss", "<feed", "<rdf:rdf"}) {
    const size_t at = lower.find(root);
    if (at != std::string::npos && (html == std::string::npos || at < html)) return true;
  }
  return false;
}

std::vector<Document> ReadFeed(std::string_view xml, const std::string& where,
                               std::vector<IngestProblem>* problems) {
  std::vector<Document> out;
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(),
                                                                    &xmlFreeParserCtxt);
  if (ctxt == nullptr) {
    problems->push_back({where, "out of memory reading the feed", true});
    return out;
  }
  FirstError first;
  ctxt->_private = &first;
  ctxt->sax->serror = &KeepFirstError;
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), where.c_str(),
                        nullptr, options),
      &xmlFreeDoc);
  if (first.set) {
    problems->push_back(
        {where + ":" + std::to_string(first.line) + ":" + std::to_string(first.column),
         "invalid XML (" + first.message + "); what could be read before and after it is kept",
         true});
  }
  const xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    if (!first.set) problems->push_back({where, "not an XML feed", true});
    return out;
  }
  const std::string_view root_name = NodeName(root);
  const bool atom = root_name == "feed";
  if (root_name != "rss" && root_name != "RDF" && !atom) {
    problems->push_back(
        {where, "not an RSS or Atom feed (the root is <" + std::string(root_name) + ">)", true});
    return out;
  }
  // Text as long as the feed twice over, and a megabyte, is room enough for
  // any feed whose entities are not a bomb.
  TextBudget budget;
  budget.left = 2 * xml.size() + (size_t{1} << 20);
  const xmlNode* channel = atom ? root : Child(root, "channel");
  std::string feed_title;
  if (channel != nullptr) {
    if (const xmlNode* t = Child(channel, "title")) feed_title = HtmlFragmentText(Text(t, &budget));
  }
  // RSS 2.0 items are in the channel, RSS 1.0 items beside it.
  int number = 0;
  for (const xmlNode* parent : {channel, root_name == "RDF" ? root : nullptr}) {
    if (parent == nullptr) continue;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || NodeName(c) != (atom ? "entry" : "item")) continue;
      out.push_back(Item(c, atom, feed_title, where, ++number, &budget, problems));
    }
    if (atom) break;
  }
  if (budget.exceeded) {
    problems->push_back({where,
                         "its entities expand to more than twice the feed's size: the items' "
                         "text is cut there",
                         true});
  }
  if (number == 0) problems->push_back({where, "the feed has no items", false});
  return out;
}

}  // namespace palmyra
