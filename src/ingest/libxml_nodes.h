// Small helpers over libxml2's tree for the readers of pages and feeds.
#ifndef PALMYRA_INGEST_LIBXML_NODES_H_
#define PALMYRA_INGEST_LIBXML_NODES_H_

#include <libxml/tree.h>

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

}  // namespace palmyra

#endif  // PALMYRA_INGEST_LIBXML_NODES_H_
