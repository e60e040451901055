#include "text/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <charconv>
#include <cstdint>

#include "core/strings.h"
#include "core/utf8.h"

namespace palmyra {
namespace {

// Typographic characters folded to the ASCII that the tokenizer and the
// dictionaries use. nullptr means "drop the character".
const char* Fold(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x02BB:
    case 0x00B4:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2014:
    case 0x2015:
    case 0x2E3A:
    case 0x2E3B:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x0085:
      return " ";
    case 0x2028:
    case 0x2029:
      return "\n";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return nullptr;
    default:
      return "";  // not folded
  }
}

bool IsFolded(char32_t c) {
  const char* f = Fold(c);
  return f == nullptr || *f != '\0';
}

// The character an HTML character reference at text[i] ('&') stands for,
// with the reference's length: "&#233;", "&#xE9;" and the named references
// news text carries over from web pages ("&amp;", "&rsquo;"). Anything else,
// "AT&T" among them, stands for itself (0).
char32_t CharacterReference(std::string_view text, size_t i, size_t* length) {
  const size_t semicolon = text.find(';', i + 1);
  if (semicolon == std::string_view::npos || semicolon - i > 10 || semicolon == i + 1) return 0;
  const std::string_view name = text.substr(i + 1, semicolon - i - 1);
  *length = semicolon - i + 1;
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    const char* last = digits.data() + digits.size();
    uint32_t c = 0;
    const auto [end, error] = std::from_chars(digits.data(), last, c, hex ? 16 : 10);
    if (digits.empty() || error != std::errc() || end != last) return 0;
    // Characters of text only: no controls, surrogates or beyond Unicode.
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0xD800 && c < 0xE000) || c > 0x10FFFF)
      return 0;
    return c;
  }
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
      {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"pound", 0xA3},   {"euro", 0x20AC},  {"eacute", 0xE9}};
  for (const auto& [entity, c] : kNamed) {
    if (name == entity) return c;
  }
  return 0;
}

}  // namespace

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  if (U_FAILURE(error) || nfkc == nullptr) {
    return InternalError(std::string("cannot load ICU's NFKC normaliser: ") + u_errorName(error));
  }
  return std::unique_ptr<Normalizer>(new Normalizer(nfkc));
}

NormalizeResult Normalizer::Normalize(std::string_view text, std::string* norm,
                                      OffsetMap* offsets) const {
  NormalizeResult result;
  norm->clear();
  norm->reserve(text.size() + 16);
  offsets->Clear();
  size_t run_start = 0;  // pending run of unchanged ASCII
  size_t i = 0;
  auto flush_run = [&](size_t end) {
    if (end > run_start) {
      norm->append(text.substr(run_start, end - run_start));
      offsets->AppendIdentity(static_cast<uint32_t>(run_start),
                              static_cast<uint32_t>(end - run_start));
    }
  };
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      const bool joining_underscore = b == '_' && i > 0 && i + 1 < text.size() &&
                                      IsAsciiAlpha(text[i - 1]) && IsAsciiAlpha(text[i + 1]);
      size_t reference_length = 0;
      const char32_t referenced = b == '&' ? CharacterReference(text, i, &reference_length) : 0;
      if (referenced != 0) {
        // "communiqu&#233;" is "communiqué", folded as the character itself.
        flush_run(i);
        const size_t before = norm->size();
        AppendReferenced(referenced, norm);
        offsets->AppendReplaced(static_cast<uint32_t>(i), static_cast<uint32_t>(reference_length),
                                static_cast<uint32_t>(norm->size() - before));
        i += reference_length;
        run_start = i;
        continue;
      }
      if ((b < 0x20 && b != '\n' && b != '\t' && b != '\r') || joining_underscore) {
        // Control characters become spaces, and so does an underscore
        // joining two words ("Dol_Amroth"), as in the dictionaries.
        flush_run(i);
        norm->push_back(' ');
        offsets->AppendReplaced(static_cast<uint32_t>(i), 1, 1);
        run_start = ++i;
        continue;
      }
      ++i;
      continue;
    }
    size_t length;
    const char32_t c = DecodeUtf8(text, i, &length);
    if (c == kReplacementChar && length == 1) {
      flush_run(i);
      ++result.invalid_bytes;
      if (result.first_invalid == std::string::npos) result.first_invalid = i;
      const size_t before = norm->size();
      AppendUtf8(kReplacementChar, norm);
      offsets->AppendReplaced(static_cast<uint32_t>(i), 1,
                              static_cast<uint32_t>(norm->size() - before));
      run_start = ++i;
      continue;
    }
    if (IsFolded(c)) {
      flush_run(i);
      const char* f = Fold(c);
      const size_t n = f == nullptr ? 0 : std::char_traits<char>::length(f);
      if (f != nullptr) norm->append(f, n);
      offsets->AppendReplaced(static_cast<uint32_t>(i), static_cast<uint32_t>(length),
                              static_cast<uint32_t>(n));
      i += length;
      run_start = i;
      continue;
    }
    // A segment for ICU: this code point (with the ASCII character before it
    // when it may combine with it) up to the next normalisation boundary.
    size_t begin = i;
    if (!nfkc_->hasBoundaryBefore(c) && i > run_start) --begin;  // the ASCII base character
    flush_run(begin);
    size_t end = i + length;
    while (end < text.size()) {
      size_t next_length;
      const char32_t next = DecodeUtf8(text, end, &next_length);
      if (next == kReplacementChar && next_length == 1) break;
      if (nfkc_->hasBoundaryBefore(next) || IsFolded(next)) break;
      end += next_length;
    }
    NormalizeSegment(text, begin, end, norm, offsets);
    i = end;
    run_start = i;
  }
  flush_run(i);
  return result;
}

void Normalizer::AppendReferenced(char32_t c, std::string* norm) const {
  if (IsFolded(c)) {
    if (const char* f = Fold(c)) norm->append(f);
    return;
  }
  std::string utf8;
  AppendUtf8(c, &utf8);
  UErrorCode error = U_ZERO_ERROR;
  const icu::UnicodeString normal =
      nfkc_->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8)), error);
  if (U_SUCCESS(error)) {
    normal.toUTF8String(*norm);
  } else {
    norm->append(utf8);
  }
}

void Normalizer::NormalizeSegment(std::string_view text, size_t begin, size_t end,
                                  std::string* norm, OffsetMap* offsets) const {
  const std::string_view segment = text.substr(begin, end - begin);
  UErrorCode error = U_ZERO_ERROR;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(segment.data(), segment.size()));
  if (nfkc_->isNormalized(source, error) && U_SUCCESS(error)) {
    norm->append(segment);
    offsets->AppendIdentity(static_cast<uint32_t>(begin), static_cast<uint32_t>(segment.size()));
    return;
  }
  error = U_ZERO_ERROR;
  const icu::UnicodeString normal = nfkc_->normalize(source, error);
  std::string out;
  if (U_FAILURE(error)) {
    out.assign(segment);
  } else {
    normal.toUTF8String(out);
  }
  norm->append(out);
  offsets->AppendReplaced(static_cast<uint32_t>(begin), static_cast<uint32_t>(segment.size()),
                          static_cast<uint32_t>(out.size()));
}

}  // namespace palmyra
