// Small helpers over libxml2's tree for the readers of pages and feeds.
#ifndef PALMYRA_INGEST_LIBXML_NODES_H_
#define PALMYRA_INGEST_LIBXML_NODES_H_

#include <libxml/tree.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace palmyra {

// The element's name ("" for nodes without one).
inline std::string_view NodeName(const xmlNode* n) {
  return n->name != nullptr ? reinterpret_cast<const char*>(n->name) : "";
}

// The value of attribute `name`, or "".
inline std::string NodeAttribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// Appends the text under the nodes from `n` on (text, CDATA, elements' and
// entity references' contents, in order) to *out, spending a byte of
// *budget for each byte and each node; false, with what fit appended, when
// the budget runs out. Entities declared in a document's DTD are expanded
// here rather than by the parser, so that a few kilobytes referencing an
// entity thousands of times cannot grow into gigabytes.
inline bool AppendNodeText(const xmlNode* n, size_t* budget, std::string* out, int depth = 0) {
  if (depth > 64) return false;
  for (; n != nullptr; n = n->next) {
    if (*budget == 0) return false;
    --*budget;
    switch (n->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE: {
        if (n->content == nullptr) break;
        const std::string_view text(reinterpret_cast<const char*>(n->content));
        const size_t take = std::min(text.size(), *budget);
        out->append(text.substr(0, take));
        *budget -= take;
        if (take < text.size()) return false;
        break;
      }
      case XML_ENTITY_REF_NODE:
        // The reference's child is the entity's declaration, whose children
        // are its parsed content.
        if (n->children != nullptr &&
            !AppendNodeText(n->children->children, budget, out, depth + 1))
          return false;
        break;
      case XML_ELEMENT_NODE:
        if (!AppendNodeText(n->children, budget, out, depth + 1)) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

}  // namespace palmyra

#endif  // PALMYRA_INGEST_LIBXML_NODES_H_
