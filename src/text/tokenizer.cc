#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/strings.h"
#include "core/utf8.h"

namespace palmyra {
namespace {

bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
  if (c == kReplacementChar) return false;
  const int8_t type = u_charType(c);
  return (type >= U_UPPERCASE_LETTER && type <= U_OTHER_LETTER) ||
         (type >= U_NON_SPACING_MARK && type <= U_COMBINING_SPACING_MARK) ||
         (type >= U_DECIMAL_DIGIT_NUMBER && type <= U_OTHER_NUMBER);
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  size_t size() const { return text_.size(); }
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  // Is the code point at byte i part of a word?
  bool WordAt(size_t i, size_t* length) const {
    if (i >= text_.size()) return false;
    const unsigned char b = static_cast<unsigned char>(text_[i]);
    if (b < 0x80) {
      *length = 1;
      return IsAsciiAlpha(static_cast<char>(b)) || IsAsciiDigit(static_cast<char>(b));
    }
    return IsWordCodePoint(DecodeUtf8(text_, i, length));
  }
  bool WordAt(size_t i) const {
    size_t length;
    return WordAt(i, &length);
  }
  bool LetterAt(size_t i) const {
    return IsAsciiAlpha(At(i)) || (i < size() && (At(i) & 0x80) && WordAt(i));
  }
  bool DigitAt(size_t i) const { return IsAsciiDigit(At(i)); }

 private:
  std::string_view text_;
};

bool IsUrlStart(std::string_view rest) {
  return StartsWith(rest, "http://") || StartsWith(rest, "https://") || StartsWith(rest, "www.");
}

}  // namespace

void Tokenizer::Tokenize(Analysis* a) const {
  const std::string_view text = a->norm;
  const Scanner sc(text);
  a->tokens.clear();
  a->keys.clear();
  a->tokens.reserve(text.size() / 5 + 16);
  a->keys.reserve(text.size() + 64);

  uint16_t pending_flags = 0;
  auto emit = [&](size_t begin, size_t end) {
    Token t;
    t.norm_start = static_cast<uint32_t>(begin);
    t.norm_end = static_cast<uint32_t>(end);
    t.start = a->offsets.MapStart(t.norm_start);
    t.end = a->offsets.MapEnd(t.norm_end);
    const std::string_view form = text.substr(begin, end - begin);
    uint16_t flags = pending_flags;
    pending_flags = 0;
    bool ascii = true;
    int letters = 0, upper = 0, lower = 0;
    for (char c : form) {
      if (c & 0x80) {
        ascii = false;
      } else if (IsAsciiUpper(c)) {
        ++letters, ++upper;
      } else if (IsAsciiLower(c)) {
        ++letters, ++lower;
      } else if (IsAsciiDigit(c)) {
        flags |= kTokHasDigit;
      }
    }
    t.key_start = static_cast<uint32_t>(a->keys.size());
    if (ascii) {
      for (char c : form) a->keys.push_back(AsciiLower(c));
    } else {
      flags |= kTokNonAscii;
      icu::UnicodeString u =
          icu::UnicodeString::fromUTF8(icu::StringPiece(form.data(), form.size()));
      for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        if (u_isUUppercase(c))
          ++letters, ++upper;
        else if (u_isULowercase(c))
          ++letters, ++lower;
        else if (u_isalpha(c))
          ++letters;
        i += U16_LENGTH(c);
      }
      u.foldCase();
      std::string folded;
      u.toUTF8String(folded);
      a->keys.append(folded);
    }
    t.key_length = static_cast<uint32_t>(a->keys.size() - t.key_start);
    if (letters > 0) flags |= kTokAlpha;
    if (upper > 0) {
      flags |= kTokHasUpper;
      // Capitalised: the first letter is upper case.
      for (size_t i = 0; i < form.size();) {
        size_t length;
        const char32_t c = (form[i] & 0x80) ? DecodeUtf8(form, i, &length) : form[i];
        if (!(form[i] & 0x80)) length = 1;
        if (u_isalpha(c)) {
          if (u_isUUppercase(c)) flags |= kTokCapitalized;
          break;
        }
        i += length;
      }
      if (lower == 0 && upper >= 2) flags |= kTokAllCaps;
    }
    t.flags = flags;
    a->tokens.push_back(t);
  };

  size_t pos = 0;
  int newlines = 0;
  bool space = false;
  while (pos < text.size()) {
    const char c = text[pos];
    if (IsAsciiSpace(c)) {
      space = true;
      if (c == '\n') ++newlines;
      ++pos;
      continue;
    }
    pending_flags = 0;
    if (space) pending_flags |= kTokSpaceBefore;
    if (newlines >= 1) pending_flags |= kTokNewlineBefore;
    if (newlines >= 2) pending_flags |= kTokParagraphBefore;
    space = false;
    newlines = 0;

    // URLs and e-mail addresses stay whole.
    if (IsUrlStart(text.substr(pos))) {
      size_t end = pos;
      while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
      while (end > pos &&
             std::string_view(".,;:!?)]}\"'").find(text[end - 1]) != std::string_view::npos)
        --end;
      emit(pos, end);
      pos = end;
      continue;
    }

    size_t length;
    if (sc.WordAt(pos, &length)) {
      size_t end = pos + length;
      size_t segment_start = pos;  // start of the run since the last internal period
      bool internal_period = false;
      for (;;) {
        if (sc.WordAt(end, &length)) {
          end += length;
          continue;
        }
        const char d = sc.At(end);
        const char prev = text[end - 1];
        if (d == '-' && sc.WordAt(end + 1)) {
          ++end;
          continue;
        }
        if (d == '.' && sc.DigitAt(end - 1) && sc.DigitAt(end + 1)) {
          ++end;
          continue;
        }
        if (d == '.' && IsAsciiAlpha(prev) && IsAsciiAlpha(sc.At(end + 1)) &&
            end - segment_start <= 2 && (sc.At(end + 2) == '.' || !sc.WordAt(end + 2))) {
          internal_period = true;
          ++end;
          segment_start = end;
          continue;
        }
        if (d == ',' && IsAsciiDigit(prev) && sc.DigitAt(end + 1) && sc.DigitAt(end + 2) &&
            sc.DigitAt(end + 3) && !sc.DigitAt(end + 4)) {
          end += 1;
          continue;
        }
        if (d == ':' && IsAsciiDigit(prev) && sc.DigitAt(end + 1) && sc.DigitAt(end + 2) &&
            !sc.DigitAt(end + 3)) {
          end += 1;
          continue;
        }
        if ((d == '/' || d == '&') && sc.WordAt(end + 1) && !(d == '&' && !IsAsciiUpper(prev))) {
          ++end;
          continue;
        }
        if (d == '\'' && sc.LetterAt(end - 1) && sc.LetterAt(end + 1)) {
          ++end;
          continue;
        }
        break;
      }
      // A final period that belongs to the word: abbreviations and initials.
      bool abbreviation = false;
      if (sc.At(end) == '.' && sc.At(end + 1) != '.') {
        const std::string_view word = text.substr(pos, end - pos);
        std::string lower = AsciiLowercase(word);
        lower.push_back('.');
        if (internal_period || rules_->Abbreviation(lower) != AbbreviationClass::kNone ||
            (word.size() == 1 && IsAsciiUpper(word[0]))) {
          abbreviation = true;
          ++end;
        }
      }
      const std::string_view word = text.substr(pos, end - pos);
      // Contractions and possessives, split as the Penn Treebank does.
      size_t split = std::string_view::npos;
      if (word.size() > 3) {
        const std::string_view tail = word.substr(word.size() - 3);
        if ((tail[0] == 'n' || tail[0] == 'N') && tail[1] == '\'' &&
            (tail[2] == 't' || tail[2] == 'T')) {
          split = word.size() - 3;
        }
      }
      if (split == std::string_view::npos) {
        const size_t apostrophe = word.rfind('\'');
        if (apostrophe != std::string_view::npos && apostrophe > 0) {
          const std::string suffix = AsciiLowercase(word.substr(apostrophe + 1));
          if (suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" ||
              suffix == "d" || suffix == "m") {
            split = apostrophe;
          }
        }
      }
      if (split != std::string_view::npos) {
        emit(pos, pos + split);
        emit(pos + split, end);
      } else {
        emit(pos, end);
        Token& t = a->tokens.back();
        if (abbreviation) t.flags |= kTokAbbreviation;
        if (t.flags & kTokCapitalized) {
          const std::string lower = AsciiLowercase(word);
          if (rules_->Month(lower) > 0 || rules_->Weekday(lower) > 0) t.flags |= kTokCalendar;
        }
      }
      pos = end;
      // "Russians'" -> "Russians" "'".
      if (sc.At(pos) == '\'' && (text[pos - 1] == 's' || text[pos - 1] == 'S') &&
          !sc.WordAt(pos + 1)) {
        emit(pos, pos + 1);
        pos += 1;
      }
      continue;
    }

    // Punctuation and symbols.
    size_t end = pos + 1;
    if (c == '.' || c == '-') {
      while (end < text.size() && text[end] == c) ++end;
    } else if ((c == '`' || c == '\'') && sc.At(pos + 1) == c) {
      end = pos + 2;
    } else if (c & 0x80) {
      DecodeUtf8(text, pos, &length);
      end = pos + length;
    }
    emit(pos, end);
    pos = end;
  }

  // Quotation marks: opening or closing, and the tokens they enclose. A blank
  // line closes any quote left open (news quotes reopen at each paragraph).
  bool inside = false;
  int open_single = -1;
  for (size_t i = 0; i < a->tokens.size(); ++i) {
    Token& t = a->tokens[i];
    if (t.flags & kTokParagraphBefore) inside = false, open_single = -1;
    const std::string_view form = a->Form(t);
    const bool next_space = i + 1 >= a->tokens.size() || (a->tokens[i + 1].flags & kTokSpaceBefore);
    const bool prev_space = (t.flags & kTokSpaceBefore) || i == 0;
    if (form == "\"" || form == "``" || form == "''") {
      bool opens;
      if (form == "``") {
        opens = true;
      } else if (form == "''") {
        opens = false;
      } else if (prev_space && !next_space) {
        opens = true;
      } else if (!prev_space && next_space) {
        opens = false;
      } else {
        opens = !inside;
      }
      t.flags |= opens ? kTokOpenQuote : kTokCloseQuote;
      inside = opens;
      continue;
    }
    if (form == "'" && !(i > 0 && a->Form(i - 1).back() == 's' && !prev_space)) {
      // A single quotation mark, not the possessive of a plural.
      if (prev_space && !next_space && open_single < 0) {
        t.flags |= kTokOpenQuote;
        open_single = static_cast<int>(i);
        continue;
      }
      if (!prev_space && open_single >= 0) {
        t.flags |= kTokCloseQuote;
        for (size_t j = open_single + 1; j < i; ++j) a->tokens[j].flags |= kTokInQuote;
        open_single = -1;
        continue;
      }
    }
    if (inside) t.flags |= kTokInQuote;
  }
}

}  // namespace palmyra
