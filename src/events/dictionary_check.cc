#include "events/dictionary_check.h"

#include <algorithm>
#include <unordered_map>

#include "core/file.h"
#include "core/strings.h"
#include "events/pattern_reader.h"

namespace palmyra {
namespace {

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += AsciiLowercase(w);
  }
  return out;
}

std::string Where(const std::string& file, int line) { return file + ":" + std::to_string(line); }

class Checker {
 public:
  Checker(const CameoTable& cameo, const ActorCodes& codes, DictionaryCheck* out)
      : cameo_(cameo), codes_(codes), out_(out) {}

  void File(const std::string& path) {
    DictionaryCheck::FileReport report;
    report.path = path;
    Result<std::string> text = ReadFile(path);
    if (Status binary = text.ok() ? CheckDictionaryText(path, *text) : text.status();
        !binary.ok()) {
      Add(path, 0, binary.message(), true);
      out_->files.push_back(report);
      return;
    }
    report.kind = DetectDictionaryKind(path, *text);
    switch (report.kind) {
      case DictionaryKind::kActors:
      case DictionaryKind::kAgents:
        report.entries = Actors(path, *text);
        break;
      case DictionaryKind::kVerbs:
        report.entries = Verbs(path, *text);
        break;
      case DictionaryKind::kDiscards: {
        DiscardFile f = ParseDiscardDictionary(path, *text);
        Take(f.diagnostics);
        for (const DiscardPhrase& p : f.phrases)
          Unique("discard", Joined(p.words) + (p.story ? " +" : ""), path, p.line);
        report.entries = static_cast<int>(f.phrases.size());
        break;
      }
      case DictionaryKind::kIssues: {
        IssueFile f = ParseIssueDictionary(path, *text);
        Take(f.diagnostics);
        for (const IssuePhrase& p : f.phrases)
          Unique("issue phrase", Joined(p.words) + " " + p.code, path, p.line);
        report.entries = static_cast<int>(f.phrases.size());
        break;
      }
    }
    out_->files.push_back(report);
  }

 private:
  void Add(const std::string& file, int line, std::string message, bool error) {
    out_->diagnostics.push_back({file, line, std::move(message), error});
  }
  void Take(const std::vector<Diagnostic>& diagnostics) {
    out_->diagnostics.insert(out_->diagnostics.end(), diagnostics.begin(), diagnostics.end());
  }
  // Warns when `key` of this kind was seen before.
  void Unique(const std::string& what, const std::string& key, const std::string& file, int line) {
    auto [it, added] = seen_.emplace(what + "\t" + key, Where(file, line));
    if (!added)
      Add(file, line, "duplicate " + what + " '" + key + "' (also at " + it->second + ")", false);
  }

  int Actors(const std::string& path, const std::string& text) {
    ActorFile f = ParseActorDictionary(path, text);
    Take(f.diagnostics);
    for (const RawActor& a : f.actors) {
      for (const RawName& n : a.names) {
        Unique(a.agent ? "agent name" : "actor name", Joined(n.words), path, n.line);
      }
      for (const DatedCode& c : a.codes) ActorCode(c.code, a.agent, path, a.line);
      // Dated codes whose ranges overlap: which one holds on a date there?
      for (size_t i = 0; i < a.codes.size(); ++i) {
        for (size_t j = i + 1; j < a.codes.size(); ++j) {
          const DatedCode& x = a.codes[i];
          const DatedCode& y = a.codes[j];
          if ((x.from == 0 && x.to == 0) || (y.from == 0 && y.to == 0)) continue;
          const int x_to = x.to == 0 ? 99999999 : x.to, y_to = y.to == 0 ? 99999999 : y.to;
          if (x.from <= y_to && y.from <= x_to) {
            Add(path, a.line, "the date ranges of codes " + x.code + " and " + y.code + " overlap",
                false);
          }
        }
      }
    }
    return static_cast<int>(f.actors.size());
  }

  void ActorCode(const std::string& code, bool agent, const std::string& file, int line) {
    if (code.empty() || code == "---") return;
    // A name for several actors: "[ELR/GAL]".
    if (code.find('/') != std::string::npos) {
      for (std::string_view part : Split(code, '/'))
        ActorCode(std::string(part), agent, file, line);
      return;
    }
    std::string upper = AsciiUppercase(code);
    if (upper != code) Add(file, line, "actor code '" + code + "' is not in capitals", false);
    if (upper.size() % 3 != 0 ||
        !std::all_of(upper.begin(), upper.end(), [](char c) { return IsAsciiUpper(c); })) {
      Add(file, line, "'" + code + "' is not a CAMEO actor code (three-letter parts)", false);
      return;
    }
    if (agent && !codes_.IsRole(upper.substr(0, 3))) {
      Add(file, line, "agent role '" + upper.substr(0, 3) + "' is not a CAMEO role", false);
    }
  }

  void EventCode(const std::string& code, const std::string& file, int line) {
    if (!code.empty() && cameo_.Find(code) == nullptr)
      Add(file, line, "'" + code + "' is not a CAMEO event code", false);
  }

  int Verbs(const std::string& path, const std::string& text) {
    PatternFile f = ParsePatternDictionary(path, text);
    Take(f.diagnostics);
    for (const RawSynset& s : f.synsets) Unique("synonym set", s.name, path, s.line);
    for (const RawBlock& b : f.blocks) {
      EventCode(b.code, path, b.line);
      for (const RawVerb& v : b.verbs) {
        Unique("verb", Joined(v.words), path, v.line);
        if (v.has_code) EventCode(v.code, path, v.line);
      }
      for (const RawPattern& p : b.patterns) EventCode(p.code, path, p.line);
    }
    return static_cast<int>(f.blocks.size());
  }

  const CameoTable& cameo_;
  const ActorCodes& codes_;
  DictionaryCheck* out_;
  std::unordered_map<std::string, std::string> seen_;  // kind and key -> where first
};

}  // namespace

DictionaryCheck CheckDictionaries(const std::vector<std::string>& paths, const CameoTable& cameo,
                                  const ActorCodes& codes) {
  DictionaryCheck out;
  Checker checker(cameo, codes, &out);
  for (const std::string& path : paths) checker.File(path);
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const Diagnostic& x, const Diagnostic& y) {
                     return x.file != y.file ? x.file < y.file : x.line < y.line;
                   });
  for (const Diagnostic& d : out.diagnostics) (d.error ? out.errors : out.warnings)++;
  return out;
}

}  // namespace palmyra
