#include "events/pattern_reader.h"

#include "core/data_file.h"
#include "core/file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

bool IsWordChar(char c) {
  return !IsAsciiSpace(c) && c != '_' && c != '(' && c != ')' && c != '{' && c != '}' && c != '*' &&
         c != '$' && c != '%' && c != '^' && c != '&' && c != '[' && c != ']' && c != '+';
}

// Recursive-descent parser of pattern items.
class ItemParser {
 public:
  explicit ItemParser(std::string_view s) : s_(s) {}

  // Parses items up to `close` ('\0' for the end). The verb marker "*" is
  // returned as a kWord element with text "*".
  bool Parse(char close, std::vector<RawElement>* out) {
    bool joined = false;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (IsAsciiSpace(c)) {
        joined = false;
        ++i_;
        continue;
      }
      if (c == '_') {
        joined = true;
        ++i_;
        continue;
      }
      if (c == close) {
        ++i_;
        return true;
      }
      RawElement e;
      e.joined = joined;
      joined = false;
      if (c == '(' || c == '{') {
        ++i_;
        e.kind = c == '(' ? RawElement::Kind::kPrep : RawElement::Kind::kNounGroup;
        if (!Parse(c == '(' ? ')' : '}', &e.children)) return false;
        for (const RawElement& child : e.children) {
          if (child.kind == RawElement::Kind::kWord && child.text == "*") {
            return Fail("the verb '*' cannot be inside a group");
          }
        }
      } else if (c == ')' || c == '}' || c == ']') {
        return Fail(std::string("unexpected '") + c + "'");
      } else if (c == '*') {
        ++i_;
        e.text = "*";
      } else if (c == '$' || c == '+' || c == '%' || c == '^') {
        ++i_;
        e.kind = c == '$'   ? RawElement::Kind::kSource
                 : c == '+' ? RawElement::Kind::kTarget
                 : c == '%' ? RawElement::Kind::kCompound
                            : RawElement::Kind::kSkip;
      } else if (c == '&') {
        ++i_;
        const size_t start = i_;
        while (i_ < s_.size() && (IsAsciiAlpha(s_[i_]) || IsAsciiDigit(s_[i_]))) ++i_;
        if (i_ == start) return Fail("'&' without a set name");
        e.kind = RawElement::Kind::kSynset;
        e.text = AsciiUppercase(s_.substr(start, i_ - start));
      } else {
        const size_t start = i_;
        while (i_ < s_.size() && IsWordChar(s_[i_])) ++i_;
        // Any other character ("[" in "INITIATIVE [ PLAN") is an error, not
        // an empty word: the position must move on.
        if (i_ == start) return Fail(std::string("unexpected '") + c + "'");
        e.text = std::string(s_.substr(start, i_ - start));
      }
      out->push_back(std::move(e));
    }
    if (close != '\0') return Fail(std::string("missing '") + close + "'");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  std::string_view s_;
  size_t i_ = 0;
  std::string error_;
};

// The index of the word marked as the verb inside a multi-word verb
// ("WIRE_+TAP": 1, the verb after the words before it); 0 when none is.
int HeadOf(std::string_view text) {
  int index = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == '_' || IsAsciiSpace(c)) {
      if (in_word) ++index;
      in_word = false;
    } else if (c == '+') {
      if (index > 0 || in_word) return in_word ? index + 1 : index;
    } else {
      in_word = true;
    }
  }
  return 0;
}

// "CARRY_OUT" -> {"CARRY", "OUT"} (leading "+" removed).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == '_' || IsAsciiSpace(c) || c == '+') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// A code: CAMEO's are two to four digits, but dictionaries written for
// other schemes or marked by their coders use other signs too ("075A",
// "+++", "025?", "080!"); which codes CAMEO knows is for the loader and
// `palmyra dict check` to say.
bool IsCodeText(std::string_view part) {
  if (part.empty() || part == "---") return true;
  if (part.size() > 8) return false;
  for (char c : part) {
    if (!IsAsciiDigit(c) && !IsAsciiAlpha(c) &&
        std::string_view("+-?!").find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

// Parses "[CODE]", "[A:B]" or "[---]" into primary and alternate codes;
// false when a code is malformed.
bool ParseCode(std::string_view text, std::string* code, std::string* alternate) {
  text = Trim(text);
  const size_t colon = text.find(':');
  std::string_view first = colon == std::string_view::npos ? text : text.substr(0, colon);
  std::string_view second =
      colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  first = Trim(first);
  second = Trim(second);
  if (first.empty()) first = second;
  *code = (first == "---" || first.empty()) ? "" : std::string(first);
  *alternate = (second == "---") ? "" : std::string(second);
  return IsCodeText(first) && IsCodeText(second);
}

}  // namespace

bool ParsePatternItems(std::string_view text, RawPattern* pattern, std::string* error) {
  ItemParser parser(text);
  std::vector<RawElement> items;
  if (!parser.Parse('\0', &items)) {
    *error = parser.error();
    return false;
  }
  size_t star = items.size();
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind == RawElement::Kind::kWord && items[i].text == "*") {
      if (star != items.size()) {
        *error = "more than one '*'";
        return false;
      }
      star = i;
    }
  }
  if (star == items.size()) {
    *error = "no '*' for the verb";
    return false;
  }
  pattern->left.assign(items.begin(), items.begin() + star);
  pattern->right.assign(items.begin() + star + 1, items.end());
  pattern->last_left_joined = items[star].joined;
  return true;
}

PatternFile ParsePatternDictionary(const std::string& file, std::string_view text) {
  PatternFile out;
  out.file = file;
  enum class Mode { kNone, kSynset, kBlock } mode = Mode::kNone;
  bool in_comment = false;
  int line_number = 0;
  size_t pos = 0;
  auto diagnose = [&](std::string message, bool error = true) {
    out.diagnostics.push_back({file, line_number, std::move(message), error});
  };
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    const std::string stripped = StripDictionaryComments(raw, &in_comment);
    pos = end + 1;
    ++line_number;
    const std::string_view line = Trim(stripped);
    if (line.empty()) {
      // A blank line ends a synonym set; a line of comment does not.
      if (mode == Mode::kSynset && Trim(raw).empty()) mode = Mode::kNone;
      continue;
    }
    if (line[0] == '~') continue;  // PETRARCH-2 transformation: not used

    if (StartsWith(line, "---")) {
      // --- NAME [CODE] --- @noun
      RawBlock block;
      block.line = line_number;
      std::string_view inner = line;
      while (!inner.empty() && (inner.front() == '-' || IsAsciiSpace(inner.front())))
        inner.remove_prefix(1);
      const size_t open = inner.find('[');
      const size_t close = inner.find(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        // "--- DEFEND ###": a block without a default code; its verbs and
        // patterns still count.
        diagnose("block header without a [CODE]: read as [---]", false);
        std::string_view name = inner;
        const size_t end_of_name = name.find_first_of(" \t#-");
        block.name = std::string(Trim(name.substr(0, end_of_name)));
        out.blocks.push_back(std::move(block));
        mode = Mode::kBlock;
        continue;
      }
      block.name = std::string(Trim(inner.substr(0, open)));
      if (!ParseCode(inner.substr(open + 1, close - open - 1), &block.code,
                     &block.alternate_code)) {
        diagnose("malformed code: expected a code (digits, letters, + - ? !) or '---'");
        mode = Mode::kNone;
        continue;
      }
      block.noun = inner.find("@noun") != std::string_view::npos;
      block.actorless = inner.find("@actorless") != std::string_view::npos;
      block.ongoing = inner.find("@ongoing") != std::string_view::npos;
      out.blocks.push_back(std::move(block));
      mode = Mode::kBlock;
      continue;
    }
    if (line[0] == '&') {
      RawSynset synset;
      synset.line = line_number;
      std::string_view name = line.substr(1);
      const size_t space = name.find_first_of(" \t");
      if (space != std::string_view::npos) name = name.substr(0, space);
      while (!name.empty() && name.back() == '_') name.remove_suffix(1);
      if (name.empty()) {
        diagnose("a synonym set without a name");
        mode = Mode::kNone;
        continue;
      }
      synset.name = AsciiUppercase(name);
      out.synsets.push_back(std::move(synset));
      mode = Mode::kSynset;
      continue;
    }
    if (mode == Mode::kSynset) {
      if (line[0] != '+') {
        diagnose("expected '+MEMBER' in synonym set &" + out.synsets.back().name);
        continue;
      }
      std::string_view member = Trim(line.substr(1));
      if (!member.empty() && member[0] == '&') {
        std::string name = AsciiUppercase(member.substr(1));
        while (!name.empty() && name.back() == '_') name.pop_back();
        out.synsets.back().members.push_back({"&" + name});
      } else {
        std::vector<std::string> words = Words(member);
        if (words.empty()) {
          diagnose("empty member in synonym set &" + out.synsets.back().name);
        } else {
          out.synsets.back().members.push_back(std::move(words));
        }
      }
      continue;
    }
    if (mode != Mode::kBlock) {
      diagnose("'" + std::string(line.substr(0, 40)) +
               "' is outside any '--- VERB [CODE] ---' block");
      continue;
    }
    RawBlock& block = out.blocks.back();
    if (line[0] == '-') {
      // - ITEMS [CODE]
      RawPattern pattern;
      pattern.line = line_number;
      std::string_view body = line.substr(1);
      const size_t open = body.rfind('[');
      const size_t close = body.rfind(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        diagnose("pattern without a [CODE]");
        continue;
      }
      if (!ParseCode(body.substr(open + 1, close - open - 1), &pattern.code,
                     &pattern.alternate_code)) {
        diagnose("malformed code: expected a code (digits, letters, + - ? !) or '---'");
        continue;
      }
      std::string error;
      if (!ParsePatternItems(body.substr(0, open), &pattern, &error)) {
        diagnose("malformed pattern: " + error);
        continue;
      }
      block.patterns.push_back(std::move(pattern));
      continue;
    }
    // A verb of the block: WORD {FORMS} [CODE], or +MULTI_WORD ...
    RawVerb verb;
    verb.line = line_number;
    std::string_view rest = line;
    const size_t brace = rest.find('{');
    const size_t bracket = rest.find('[');
    const size_t name_end = std::min(brace, bracket);
    verb.words = Words(rest.substr(0, name_end));
    verb.head = HeadOf(Trim(rest.substr(0, name_end)));
    if (verb.head >= static_cast<int>(verb.words.size())) verb.head = 0;
    if (verb.words.empty()) {
      diagnose("expected a verb");
      continue;
    }
    if (brace != std::string_view::npos) {
      const size_t close = rest.find('}', brace);
      if (close == std::string_view::npos) {
        diagnose("missing '}'");
        continue;
      }
      for (std::string_view form : SplitWhitespace(rest.substr(brace + 1, close - brace - 1))) {
        std::vector<std::string> words = Words(form);
        if (!words.empty()) verb.forms.push_back(std::move(words));
      }
    }
    if (bracket != std::string_view::npos) {
      const size_t close = rest.find(']', bracket);
      if (close == std::string_view::npos) {
        diagnose("missing ']'");
        continue;
      }
      if (!ParseCode(rest.substr(bracket + 1, close - bracket - 1), &verb.code,
                     &verb.alternate_code)) {
        diagnose("malformed code: expected a code (digits, letters, + - ? !) or '---'");
        continue;
      }
      verb.has_code = true;
    }
    block.verbs.push_back(std::move(verb));
  }
  return out;
}

Result<PatternFile> ReadPatternDictionary(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParsePatternDictionary(path, text);
}

}  // namespace palmyra
