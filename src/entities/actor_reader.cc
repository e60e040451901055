#include "entities/actor_reader.h"

#include <algorithm>
#include <map>

#include "core/data_file.h"
#include "core/file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

// "VLADIMIR_PUTIN_" -> {"VLADIMIR", "PUTIN"}.
std::vector<std::string> NameForms(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : name) {
    if (c == '_' || IsAsciiSpace(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

RawName MakeName(std::string_view text, std::vector<std::string> tags, int line) {
  RawName n;
  n.forms = NameForms(text);
  for (const std::string& f : n.forms) n.words.push_back(AsciiLowercase(f));
  // TABARI: words parted by a space rather than "_" may have modifiers
  // between them ("ITHILEN TELEVISION" is "Ithilen state-run television").
  const std::string_view trimmed = Trim(text);
  for (size_t i = 1; i + 1 < trimmed.size(); ++i) {
    if (IsAsciiSpace(trimmed[i]) && !IsAsciiSpace(trimmed[i + 1]) && trimmed[i - 1] != '_' &&
        trimmed[i + 1] != '_' && !IsAsciiSpace(trimmed[i - 1]))
      n.loose = true;
  }
  n.tags = std::move(tags);
  n.line = line;
  return n;
}

}  // namespace

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(line) + ": " + (error ? "error: " : "warning: ") + message;
}

bool ParseDictionaryDate(std::string_view text, int* ymd) {
  if (text.size() != 8 && text.size() != 6) return false;  // also keeps `value` from overflowing
  for (char c : text) {
    if (!IsAsciiDigit(c)) return false;
  }
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  int year, month, day;
  if (text.size() == 8) {
    year = value / 10000;
  } else if (text.size() == 6) {
    const int yy = value / 10000;
    year = yy < 30 ? 2000 + yy : 1900 + yy;
  } else {
    return false;
  }
  month = (value / 100) % 100;
  day = value % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  *ymd = year * 10000 + month * 100 + day;
  return true;
}

ActorFile ParseActorDictionary(const std::string& file, std::string_view text) {
  ActorFile out;
  std::map<std::string, std::vector<std::string>> substitutions;  // "!PERSON!" -> words
  bool in_block = false;
  int line_number = 0;
  auto diagnose = [&](int line, std::string message, bool error = true) {
    out.diagnostics.push_back({file, line, std::move(message), error});
  };
  // Expands "!PERSON!" markers into every alternative, left to right: the
  // words put in are not read for markers again (a word holding "!PERSON!"
  // would otherwise grow without end), and an entry gives at most
  // kMaxExpansions names.
  constexpr size_t kMaxExpansions = 10000;
  auto expand = [&](const std::string& name, int line) {
    std::vector<std::pair<std::string, size_t>> pending{{name, 0}};  // name, where to go on
    std::vector<std::string> result;
    while (!pending.empty()) {
      auto [n, from] = std::move(pending.back());
      pending.pop_back();
      const size_t open = n.find('!', from);
      const size_t close = open == std::string::npos ? open : n.find('!', open + 1);
      if (close == std::string::npos) {
        result.push_back(std::move(n));
        continue;
      }
      const std::string key = n.substr(open, close - open + 1);
      auto it = substitutions.find(key);
      if (it == substitutions.end()) {
        diagnose(line, "unknown substitution set " + key);
        continue;
      }
      if (result.size() + pending.size() + it->second.size() > kMaxExpansions) {
        diagnose(line, "substitution sets give more than " + std::to_string(kMaxExpansions) +
                           " names; the rest are left out");
        break;
      }
      // In reverse, so that the names come out in the sets' order.
      for (auto w = it->second.rbegin(); w != it->second.rend(); ++w) {
        pending.emplace_back(n.substr(0, open) + *w + n.substr(close + 1), open + w->size());
      }
    }
    return result;
  };

  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    const bool indented = !raw.empty() && IsAsciiSpace(raw[0]);
    const std::string stripped = StripDictionaryComments(raw, &in_block);
    std::string_view line = Trim(stripped);
    if (line.empty()) {
      if (end == text.size()) break;
      continue;
    }

    // Substitution set: "!PERSON! = MAN, MEN, WOMAN".
    if (line[0] == '!' && line.find('=') != std::string_view::npos) {
      const size_t eq = line.find('=');
      const std::string key(Trim(line.substr(0, eq)));
      std::vector<std::string> words;
      for (std::string_view w : Split(line.substr(eq + 1), ',')) {
        w = Trim(w);
        if (!w.empty()) words.push_back(AsciiUppercase(w));
      }
      if (key.size() < 3 || key.back() != '!' || words.empty()) {
        diagnose(line_number, "malformed substitution set; expected '!NAME! = WORD, WORD'");
      } else {
        substitutions[key] = std::move(words);
      }
      continue;
    }

    const size_t diagnostics_before = out.diagnostics.size();
    // Split the line into its name, [codes], {plurals} and @tags.
    std::string name_part;
    std::vector<std::string> code_groups, plural_groups, tags;
    bool malformed = false;
    size_t i = 0;
    while (i < line.size()) {
      const char c = line[i];
      if (c == '[' || c == '{') {
        const char close = c == '[' ? ']' : '}';
        const size_t j = line.find(close, i + 1);
        if (j == std::string_view::npos) {
          diagnose(line_number, std::string("missing '") + close + "'");
          malformed = true;
          break;
        }
        (c == '[' ? code_groups : plural_groups).emplace_back(line.substr(i + 1, j - i - 1));
        i = j + 1;
      } else if (c == '@' && (i == 0 || IsAsciiSpace(line[i - 1]))) {
        size_t j = i + 1;
        while (j < line.size() && !IsAsciiSpace(line[j])) ++j;
        tags.emplace_back(AsciiLowercase(line.substr(i + 1, j - i - 1)));
        i = j;
      } else {
        if (code_groups.empty() && plural_groups.empty()) name_part.push_back(c);
        ++i;
      }
    }
    if (malformed) continue;

    std::vector<DatedCode> codes;
    bool agent = false, agent_prefix = false;
    for (const std::string& group : code_groups) {
      const auto fields = SplitWhitespace(group);
      if (fields.empty()) {
        diagnose(line_number, "empty code '[]'");
        continue;
      }
      DatedCode code;
      code.code = AsciiUppercase(fields[0]);
      if (code.code.size() > 1 && code.code.front() == '~') {
        agent = true;
        code.code.erase(0, 1);
      } else if (code.code.size() > 1 && code.code.back() == '~') {
        agent = agent_prefix = true;
        code.code.pop_back();
      } else if (code.code == "~" && fields.size() > 1) {
        agent = true;
        code.code = AsciiUppercase(fields[1]);
      }
      // The date restriction, spaces allowed ("> 990816", "19950601 - 19990815").
      std::string dates;
      for (size_t f = 1; f < fields.size(); ++f) {
        if (fields[f] == code.code || (fields[0] == "~" && f == 1)) continue;
        dates += fields[f];
      }
      bool ok = true;
      if (!dates.empty()) {
        const std::string_view d = dates;
        if (d[0] == '>') {
          ok = ParseDictionaryDate(d.substr(1), &code.from);
        } else if (d[0] == '<') {
          ok = ParseDictionaryDate(d.substr(1), &code.to);
        } else if (d.find('-') != std::string_view::npos) {
          const size_t dash = d.find('-');
          ok = (dash == 0 || ParseDictionaryDate(d.substr(0, dash), &code.from)) &&
               (dash + 1 == d.size() || ParseDictionaryDate(d.substr(dash + 1), &code.to));
        } else {
          ok = false;
        }
      }
      if (!ok) {
        diagnose(line_number, "bad date in '[" + group +
                                  "]'; expected >D, <D or D-D with D as YYYYMMDD or YYMMDD");
        continue;
      }
      codes.push_back(std::move(code));
    }

    // A line that only continues the codes of the entry above.
    const std::string_view name = Trim(name_part);
    if (name.empty() || (indented && name.empty())) {
      if (codes.empty()) {
        diagnose(line_number, "a line with neither a name nor a code");
      } else if (out.actors.empty()) {
        diagnose(line_number, "codes before any entry");
      } else {
        for (auto& c : codes) out.actors.back().codes.push_back(std::move(c));
        out.actors.back().agent |= agent;
      }
      continue;
    }

    const bool synonym = name[0] == '+';
    const std::string base(synonym ? Trim(name.substr(1)) : name);
    // An empty "{}" says that the name has no plural: "POLICE {}" is not "polices".
    if (std::any_of(plural_groups.begin(), plural_groups.end(),
                    [](const std::string& g) { return Trim(g).empty(); }))
      tags.emplace_back("singular");
    std::vector<RawName> names;
    for (const std::string& expanded : expand(base, line_number)) {
      RawName n = MakeName(expanded, tags, line_number);
      if (!n.words.empty()) names.push_back(std::move(n));
    }
    for (const std::string& group : plural_groups) {
      for (std::string_view plural : SplitWhitespace(group)) {
        for (const std::string& expanded : expand(std::string(plural), line_number)) {
          RawName n = MakeName(expanded, {"plural"}, line_number);
          if (!n.words.empty()) names.push_back(std::move(n));
        }
      }
    }
    if (names.empty()) {
      if (out.diagnostics.size() == diagnostics_before) diagnose(line_number, "empty name");
      continue;
    }
    if (synonym && codes.empty()) {
      if (out.actors.empty()) {
        diagnose(line_number, "synonym '+" + base + "' before any entry");
        continue;
      }
      for (auto& n : names) out.actors.back().names.push_back(std::move(n));
      continue;
    }
    RawActor actor;
    actor.names = std::move(names);
    actor.codes = std::move(codes);
    actor.tags = synonym ? std::vector<std::string>{} : std::move(tags);
    actor.agent = agent;
    actor.agent_prefix = agent_prefix;
    actor.file = file;
    actor.line = line_number;
    out.actors.push_back(std::move(actor));
    if (end == text.size()) break;
  }
  for (const RawActor& actor : out.actors) {
    if (actor.codes.empty()) {
      out.diagnostics.push_back(
          {file, actor.line, "entry '" + actor.names[0].words[0] + "...' has no code", false});
    }
  }
  return out;
}

Result<ActorFile> ReadActorDictionary(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseActorDictionary(path, text);
}

}  // namespace palmyra
