#include "entities/dictionary_files.h"

#include <algorithm>
#include <filesystem>

#include "core/data_file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

std::string Lower(std::string_view s) { return AsciiLowercase(s); }

bool Contains(std::string_view haystack, std::string_view needle) {
  return Lower(haystack).find(needle) != std::string::npos;
}

// Calls fn(line, number) for each line with comments removed and trimmed,
// skipping lines left empty.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  bool in_block = false;
  int number = 0;
  for (std::string_view raw : Split(text, '\n')) {
    ++number;
    const std::string stripped = StripDictionaryComments(raw, &in_block);
    const std::string_view line = Trim(stripped);
    if (!line.empty()) fn(line, number);
  }
}

}  // namespace

std::string_view DictionaryKindName(DictionaryKind kind) {
  switch (kind) {
    case DictionaryKind::kActors:
      return "actors";
    case DictionaryKind::kAgents:
      return "agents";
    case DictionaryKind::kVerbs:
      return "verbs";
    case DictionaryKind::kDiscards:
      return "discards";
    case DictionaryKind::kIssues:
      return "issues";
  }
  return "actors";
}

Status CheckDictionaryText(const std::string& path, std::string_view text) {
  const size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return Status::Ok();
  return DataError(Printable(path) + ": not a text file (a NUL byte at byte " +
                   std::to_string(nul) + "); dictionaries are text, one entry a line");
}

DictionaryKind DetectDictionaryKind(std::string_view path, std::string_view text) {
  const std::string name = std::filesystem::path(path).filename().string();
  if (Contains(name, "discard")) return DictionaryKind::kDiscards;
  if (Contains(name, "issue")) return DictionaryKind::kIssues;
  if (Contains(name, "agent")) return DictionaryKind::kAgents;
  if (Contains(name, "verb") || Contains(name, "cameo")) return DictionaryKind::kVerbs;
  if (Contains(name, "actor")) return DictionaryKind::kActors;
  if (text.find("<ISSUE") != std::string_view::npos) return DictionaryKind::kIssues;
  bool verbs = false;
  ForEachLine(text.substr(0, std::min<size_t>(text.size(), 1 << 20)),
              [&](std::string_view line, int) {
                if (StartsWith(line, "---") && EndsWith(line, "---") && line.size() > 6)
                  verbs = true;
              });
  return verbs ? DictionaryKind::kVerbs : DictionaryKind::kActors;
}

Result<std::vector<std::string>> ListDictionaryFiles(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    std::error_code error;
    if (fs::is_directory(input, error)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(input, error);
           !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file() && it->path().extension() == ".txt")
          found.push_back(it->path().string());
      }
      if (error) return IoError(input + ": cannot list: " + error.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(input, error)) {
      out.push_back(input);
    } else {
      return NotFoundError(input + ": no such dictionary file or folder");
    }
  }
  return out;
}

DiscardFile ParseDiscardDictionary(const std::string& file, std::string_view text) {
  DiscardFile out;
  ForEachLine(text, [&](std::string_view line, int number) {
    DiscardPhrase p;
    p.line = number;
    if (line[0] == '+') {
      p.story = true;
      line = Trim(line.substr(1));
    }
    for (std::string_view word : SplitWhitespace(line)) {
      for (std::string_view part : Split(word, '_')) {
        if (!part.empty()) p.words.push_back(Lower(part));
      }
    }
    if (p.words.empty()) {
      out.diagnostics.push_back({file, number, "a discard marker '+' without a phrase", true});
      return;
    }
    out.phrases.push_back(std::move(p));
  });
  return out;
}

IssueFile ParseIssueDictionary(const std::string& file, std::string_view text) {
  IssueFile out;
  std::string category;
  ForEachLine(text, [&](std::string_view line, int number) {
    if (StartsWith(line, "<ISSUE")) {
      const size_t at = line.find("CATEGORY=\"");
      const size_t end = at == std::string_view::npos ? at : line.find('"', at + 10);
      if (end == std::string_view::npos) {
        out.diagnostics.push_back(
            {file, number, "an <ISSUE> block without CATEGORY=\"...\"", true});
        category.clear();
        return;
      }
      category = std::string(line.substr(at + 10, end - at - 10));
      return;
    }
    if (StartsWith(line, "</ISSUE")) {
      category.clear();
      return;
    }
    IssuePhrase p;
    p.line = number;
    p.category = category;
    const bool exception = line[0] == '~';
    if (exception) line = Trim(line.substr(1));
    const size_t open = line.find('[');
    if (!exception) {
      const size_t close = open == std::string_view::npos ? open : line.find(']', open);
      if (close == std::string_view::npos) {
        out.diagnostics.push_back({file, number, "expected 'PHRASE [CODE]' or '~PHRASE'", true});
        return;
      }
      p.code = std::string(Trim(line.substr(open + 1, close - open - 1)));
      line = Trim(line.substr(0, open));
    }
    for (std::string_view word : SplitWhitespace(line)) {
      for (std::string_view part : Split(word, '+')) {
        if (StartsWith(part, "n:")) part = part.substr(2);  // "pre+n:school"
        if (!part.empty()) p.words.push_back(Lower(part));
      }
    }
    if (p.words.empty() || (!exception && p.code.empty())) {
      out.diagnostics.push_back({file, number, "an issue phrase needs words and a code", true});
      return;
    }
    if (category.empty()) {
      out.diagnostics.push_back({file, number, "an issue phrase outside any <ISSUE> block", false});
    }
    out.phrases.push_back(std::move(p));
  });
  return out;
}

}  // namespace palmyra
