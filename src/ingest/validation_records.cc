#include "ingest/validation_records.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <memory>

#include "core/strings.h"
#include "ingest/libxml_nodes.h"

namespace palmyra {
namespace {

// The text of `element`, entities expanded, spaces collapsed; false when it
// would pass kMaxElementText bytes.
bool Content(const xmlNode* element, std::string* out) {
  std::string raw;
  size_t budget = kMaxElementText;
  if (!AppendNodeText(element->children, &budget, &raw)) return false;
  out->clear();
  bool space = false;
  for (char c : raw) {
    if (IsAsciiSpace(c)) {
      space = !out->empty();
      continue;
    }
    if (space) *out += ' ';
    space = false;
    *out += c;
  }
  return true;
}

std::string Attribute(const xmlNode* node, const char* name) {
  return std::string(Trim(NodeAttribute(node, name)));
}

bool True(const std::string& value) {
  const std::string v = AsciiLowercase(value);
  return v == "true" || v == "1" || v == "yes";
}

// What the <Config> elements set so far.
struct Settings {
  bool require_dyad = true;
  CommaOptions commas;
  int new_actor_length = 0;

  void Configure(const xmlNode* e) {
    const std::string option = Attribute(e, "option"), value = Attribute(e, "value");
    if (option == "require_dyad") {
      require_dyad = True(value);
    } else if (option == "new_actor_length") {
      new_actor_length = std::atoi(value.c_str());
    } else {
      commas.Set(option, value);
    }
  }
};

// A <Sentence> element as a record; false (with a problem) when its text
// cannot be read.
bool ReadRecord(const xmlNode* n, const Settings& settings, const std::string& where,
                ValidationRecord* r, std::vector<IngestProblem>* problems) {
  r->id = Attribute(n, "id");
  r->category = Attribute(n, "category");
  r->line = static_cast<int>(xmlGetLineNo(n));
  r->require_dyad = settings.require_dyad;
  r->commas = settings.commas;
  r->new_actor_length = settings.new_actor_length;
  const std::string date = Attribute(n, "date");
  if (date.size() == 8 && date.find_first_not_of("0123456789") == std::string::npos) {
    const int y = std::atoi(date.substr(0, 4).c_str()), m = std::atoi(date.substr(4, 2).c_str()),
              d = std::atoi(date.substr(6, 2).c_str());
    if (Date::IsValid(y, m, d)) r->date = Date{y, m, d};
  }
  for (const xmlNode* e = n->children; e != nullptr; e = e->next) {
    if (e->type != XML_ELEMENT_NODE) continue;
    if (NodeName(e) == "Text" && !Content(e, &r->text)) {
      problems->push_back({where + ":" + std::to_string(r->line),
                           "record '" + r->id + "': its text expands beyond " +
                               std::to_string(kMaxElementText >> 20) + " MiB; skipped"});
      return false;
    }
    if (NodeName(e) != "EventCoding") continue;
    if (True(Attribute(e, "noevents"))) {
      r->no_events = true;
    } else if (!Attribute(e, "error").empty()) {
      r->error = Attribute(e, "error");
    } else {
      r->expected.insert({AsciiUppercase(Attribute(e, "sourcecode")),
                          AsciiUppercase(Attribute(e, "targetcode")),
                          AsciiUppercase(Attribute(e, "eventcode"))});
    }
  }
  return true;
}

}  // namespace

bool CommaOptions::Set(const std::string& option, const std::string& value) {
  int* field = option == "comma_min"    ? &min
               : option == "comma_max"  ? &max
               : option == "comma_bmin" ? &bmin
               : option == "comma_bmax" ? &bmax
               : option == "comma_emin" ? &emin
               : option == "comma_emax" ? &emax
                                        : nullptr;
  if (field == nullptr) return false;
  *field = std::atoi(value.c_str());
  return true;
}

std::string WithoutCommaClauses(const std::string& text, const CommaOptions& o) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t comma = text.find(", "); comma != std::string::npos; comma = text.find(", ", start)) {
    parts.push_back(text.substr(start, comma - start));
    start = comma + 2;
  }
  parts.push_back(text.substr(start));
  if (parts.size() < 2) return text;
  auto words = [](const std::string& s) { return static_cast<int>(SplitWhitespace(s).size()); };
  auto within = [](int n, int lo, int hi) { return hi > 0 && n >= lo && n <= hi; };
  std::vector<bool> keep(parts.size(), true);
  keep[0] = !within(words(parts[0]), o.bmin, o.bmax);
  for (size_t i = 1; i + 1 < parts.size(); ++i) keep[i] = !within(words(parts[i]), o.min, o.max);
  // The last clause ends with the sentence's full stop, which stays.
  std::string last = parts.back();
  std::string stop;
  while (!last.empty() && (last.back() == '.' || last.back() == ' ')) {
    stop.insert(stop.begin(), last.back());
    last.pop_back();
  }
  keep.back() = !within(words(last), o.emin, o.emax);
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!keep[i]) continue;
    if (!out.empty()) out += ", ";
    out += parts[i];
  }
  if (!keep.back()) out += stop;
  return out.empty() ? text : out;
}

Result<ValidationFile> ParseValidationRecords(std::string_view xml, const std::string& where) {
  // Entities stay references in the tree (expanded above, with a budget);
  // no network, no external DTD.
  xmlDocPtr doc = xmlReadMemory(
      xml.data(), static_cast<int>(std::min<size_t>(xml.size(), INT32_MAX)), where.c_str(), nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    const xmlError* error = xmlGetLastError();
    std::string message = error != nullptr && error->message != nullptr ? error->message : "";
    while (!message.empty() && IsAsciiSpace(message.back())) message.pop_back();
    return ParseError(where + ":" + std::to_string(error != nullptr ? error->line : 0) +
                      ": not a readable XML file" + (message.empty() ? "" : ": " + message));
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> owned(doc, &xmlFreeDoc);
  ValidationFile file;
  Settings settings;
  const xmlNode* sentences = nullptr;
  const xmlNode* root = xmlDocGetRootElement(doc);
  std::string text;
  for (const xmlNode* n = root != nullptr ? root->children : nullptr; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (NodeName(n) == "Sentences") sentences = n;
    if (NodeName(n) != "Environment") continue;
    for (const xmlNode* e = n->children; e != nullptr; e = e->next) {
      if (e->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = NodeName(e);
      const bool files =
          name == "Verbfile" || name == "Actorfile" || name == "Agentfile" || name == "Discardfile";
      if (!files && name != "Include" && name != "Config") continue;
      if (name == "Config") {
        settings.Configure(e);
        continue;
      }
      if (!Content(e, &text)) {
        return ParseError(where + ":" + std::to_string(xmlGetLineNo(e)) + ": <" +
                          std::string(name) + "> expands beyond " +
                          std::to_string(kMaxElementText >> 20) + " MiB");
      }
      if (files) {
        for (std::string_view f : Split(text, ',')) {
          if (!Trim(f).empty()) file.dictionaries.emplace_back(Trim(f));
        }
      } else {
        for (std::string_view category : SplitWhitespace(text))
          file.include.insert(std::string(category));
      }
    }
  }
  if (sentences == nullptr) return ParseError(where + ": no <Sentences>");
  for (const xmlNode* n = sentences->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (NodeName(n) == "Config") settings.Configure(n);
    if (NodeName(n) != "Sentence") continue;
    if (!file.include.empty() && !file.include.count(Attribute(n, "category"))) {
      ++file.skipped;
      continue;
    }
    ValidationRecord r;
    if (ReadRecord(n, settings, where, &r, &file.problems)) file.records.push_back(std::move(r));
  }
  return file;
}

}  // namespace palmyra
