#include "cli/validate_command.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/strings.h"
#include "pipeline/pipeline.h"

namespace palmyra {
namespace {

namespace fs = std::filesystem;

using Coding = std::tuple<std::string, std::string, std::string>;  // source, target, code

std::string Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string Attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return std::string(Trim(out));
}

std::string Content(xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (value == nullptr) return "";
  std::string out;
  bool space = false;
  for (const char* p = reinterpret_cast<const char*>(value); *p; ++p) {
    if (IsAsciiSpace(*p)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += *p;
  }
  xmlFree(value);
  return out;
}

bool True(const std::string& value) {
  const std::string v = AsciiLowercase(value);
  return v == "true" || v == "1" || v == "yes";
}

std::string Describe(const std::set<Coding>& codings) {
  if (codings.empty()) return "(none)";
  std::string out;
  for (const auto& [s, t, c] : codings) {
    if (!out.empty()) out += ", ";
    out += s + " " + t + " " + c;
  }
  return out;
}

// PETRARCH's comma options: comma-delimited clauses whose length in words
// lies in [min, max] are taken out before coding, inside the sentence, at
// its beginning and at its end; a max of 0 turns one off. PETRARCH prunes
// its parse tree by them to get rid of asides; Palmyra reads asides itself,
// so they are off until the records set them.
struct CommaOptions {
  int min = 0, max = 0;    // internal clauses
  int bmin = 0, bmax = 0;  // the clause before the first comma
  int emin = 0, emax = 0;  // the clause after the last comma
  bool Set(const std::string& option, const std::string& value) {
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
};

// The text with the comma-delimited clauses the options take out.
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

struct Record {
  std::string id, category, text;
  Date date;
  std::set<Coding> expected;
  bool no_events = false;
  std::string error;  // an expected error ("dateline", "bad_input_parse")
  bool require_dyad = true;
  CommaOptions commas;
  int new_actor_length = 0;  // PETRARCH's option of that name
  int line = 0;
};

// What <Environment> and the <Config> elements set: the dictionaries (found
// beside the records, in ../dictionaries or in --dict-dir), the categories
// to run, and the options in force.
struct Environment {
  std::vector<std::string> dictionaries, missing;
  std::set<std::string> include;
  bool require_dyad = true;
  CommaOptions commas;
  int new_actor_length = 0;

  // A <Config option=... value=...> element.
  void Configure(xmlNode* e) {
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

// Reads <Environment>; returns <Sentences> (null when there is none).
xmlNode* ReadEnvironment(xmlNode* root, const ValidateCommandOptions& options, Environment* env) {
  const fs::path parent = fs::path(options.records).parent_path();
  const fs::path base = parent.empty() ? fs::path(".") : parent;
  auto find = [&](const std::string& name) -> std::string {
    for (const fs::path& dir : {base, base / ".." / "dictionaries", fs::path(options.dict_dir)}) {
      if (dir.empty()) continue;  // no --dict-dir
      std::error_code error;
      const fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, error)) return candidate.lexically_normal().string();
    }
    return "";
  };
  xmlNode* sentences = nullptr;
  for (xmlNode* n = root != nullptr ? root->children : nullptr; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Name(n) == "Sentences") sentences = n;
    if (Name(n) != "Environment") continue;
    for (xmlNode* e = n->children; e != nullptr; e = e->next) {
      if (e->type != XML_ELEMENT_NODE) continue;
      const std::string name = Name(e);
      if (name == "Verbfile" || name == "Actorfile" || name == "Agentfile" ||
          name == "Discardfile") {
        const std::string files = Content(e);
        for (std::string_view file : Split(files, ',')) {
          const std::string wanted(Trim(file));
          if (wanted.empty()) continue;
          const std::string path = find(wanted);
          (path.empty() ? env->missing : env->dictionaries).push_back(path.empty() ? wanted : path);
        }
      } else if (name == "Include") {
        const std::string categories = Content(e);
        for (std::string_view category : SplitWhitespace(categories))
          env->include.insert(std::string(category));
      } else if (name == "Config") {
        env->Configure(e);
      }
    }
  }
  return sentences;
}

// A <Sentence> element as a record, with the options in force.
Record ReadRecord(xmlNode* n, const Environment& env) {
  Record r;
  r.id = Attribute(n, "id");
  r.category = Attribute(n, "category");
  r.line = static_cast<int>(xmlGetLineNo(n));
  r.require_dyad = env.require_dyad;
  r.commas = env.commas;
  r.new_actor_length = env.new_actor_length;
  const std::string date = Attribute(n, "date");
  if (date.size() == 8) {
    r.date = Date{std::atoi(date.substr(0, 4).c_str()), std::atoi(date.substr(4, 2).c_str()),
                  std::atoi(date.substr(6, 2).c_str())};
  }
  for (xmlNode* e = n->children; e != nullptr; e = e->next) {
    if (e->type != XML_ELEMENT_NODE) continue;
    if (Name(e) == "Text") r.text = Content(e);
    if (Name(e) != "EventCoding") continue;
    if (True(Attribute(e, "noevents"))) {
      r.no_events = true;
    } else if (!Attribute(e, "error").empty()) {
      r.error = Attribute(e, "error");
    } else {
      r.expected.insert({AsciiUppercase(Attribute(e, "sourcecode")),
                         AsciiUppercase(Attribute(e, "targetcode")),
                         AsciiUppercase(Attribute(e, "eventcode"))});
    }
  }
  return r;
}

// The codings the engine gives record r, as PETRARCH writes them.
std::set<Coding> Produce(const Pipeline& coder, const Record& r, Analysis* analysis) {
  std::set<Coding> produced;
  if (r.text.empty()) return produced;
  Document d;
  d.id = r.id;
  d.text = WithoutCommaClauses(r.text, r.commas);
  d.published = r.date;
  Analysis& a = *analysis;
  coder.Analyze(d, &a);
  const ActorCodes& codes = coder.entities().codes();
  for (const EventCandidate& c : a.events) {
    // PETRARCH writes an actor of no known country as "---GOV".
    auto code_of = [&](int32_t actor, const std::string& used) {
      std::string code = !used.empty() ? used : actor >= 0 ? a.actors[actor].code : "---";
      if (code != "---" && code[0] != '"' && codes.Country(code).empty()) code = "---" + code;
      return code;
    };
    const std::string source = code_of(c.source, c.source_code);
    const std::string target = code_of(c.target, c.target_code);
    if (r.require_dyad && (source == "---" || target == "---")) continue;
    produced.insert({source, target, c.pattern_code.empty() ? c.cameo : c.pattern_code});
  }
  return produced;
}

// Reads the records file: its environment and its records, with the
// options in force for each; false (after saying why) when it cannot.
bool ReadRecords(const ValidateCommandOptions& options, Environment* env_out,
                 std::vector<Record>* records, int* skipped) {
  xmlDocPtr doc = xmlReadFile(options.records.c_str(), nullptr, XML_PARSE_NONET);
  if (doc == nullptr) {
    const xmlError* error = xmlGetLastError();
    std::fprintf(stderr, "palmyra validate: %s:%d: not a readable XML file: %s",
                 options.records.c_str(), error != nullptr ? error->line : 0,
                 error != nullptr && error->message != nullptr ? error->message : "\n");
    return false;
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> owned(doc, &xmlFreeDoc);
  Environment& env = *env_out;
  xmlNode* sentences = ReadEnvironment(xmlDocGetRootElement(doc), options, &env);
  if (!env.missing.empty()) {
    for (const std::string& m : env.missing)
      std::fprintf(stderr,
                   "palmyra validate: %s: dictionary '%s' not found beside it, in "
                   "../dictionaries or in --dict-dir\n",
                   options.records.c_str(), m.c_str());
    return false;
  }
  if (sentences == nullptr) {
    std::fprintf(stderr, "palmyra validate: %s: no <Sentences>\n", options.records.c_str());
    return false;
  }
  for (xmlNode* n = sentences->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Name(n) == "Config") env.Configure(n);
    if (Name(n) != "Sentence") continue;
    if (!env.include.empty() && !env.include.count(Attribute(n, "category"))) {
      ++*skipped;
      continue;
    }
    records->push_back(ReadRecord(n, env));
  }
  return true;
}

}  // namespace

int RunValidateCommand(const ValidateCommandOptions& options) {
  Environment env;
  std::vector<Record> records;
  int skipped = 0;
  if (!ReadRecords(options, &env, &records, &skipped)) return 2;

  Options engine = options.engine;
  engine.dictionaries = env.dictionaries;
  engine.builtin_dictionaries = false;
  engine.petrarch_conventions = true;
  engine.resolve = false;
  // The records check the dictionaries and conventions: every event they
  // code counts, whatever the decision model (trained on the built-in
  // dictionaries) would think of it.
  engine.decide = false;
  // One engine for each new_actor_length the records ask for.
  std::map<int, std::unique_ptr<Pipeline>> engines;
  auto coder_for = [&](int new_actor_length) -> Pipeline* {
    std::unique_ptr<Pipeline>& coder = engines[new_actor_length];
    if (coder != nullptr) return coder.get();
    Options with = engine;
    with.new_actor_length = new_actor_length;
    auto created = Pipeline::Create(with);
    if (!created.ok()) {
      std::fprintf(stderr, "palmyra validate: cannot start: %s\n",
                   created.status().ToString().c_str());
      return nullptr;
    }
    coder = std::move(*created);
    return coder.get();
  };
  const Pipeline* first = coder_for(engine.new_actor_length);
  if (first == nullptr) return 2;
  if (!options.quiet) {
    std::printf(
        "%s: %zu records (%d in categories not included), dictionaries: %zu files, "
        "%zu load warnings\n",
        options.records.c_str(), records.size(), skipped, env.dictionaries.size(),
        first->load_warnings().size());
  }
  int passed = 0, failed = 0;
  Analysis a;
  for (const Record& r : records) {
    const Pipeline* coder = coder_for(r.new_actor_length);
    if (coder == nullptr) return 2;
    const std::set<Coding> produced = Produce(*coder, r, &a);
    const bool ok = (r.no_events || !r.error.empty()) ? produced.empty() : produced == r.expected;
    (ok ? passed : failed)++;
    if (!ok && !options.quiet) {
      const std::string expected = r.no_events        ? "no events"
                                   : !r.error.empty() ? "no events (error: " + r.error + ")"
                                                      : Describe(r.expected);
      std::printf("FAIL %s (%s, line %d)\n  text:     %s\n  expected: %s\n  produced: %s\n",
                  r.id.c_str(), r.category.c_str(), r.line, r.text.c_str(), expected.c_str(),
                  Describe(produced).c_str());
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return passed < options.min_pass ? 1 : 0;
}

}  // namespace palmyra
