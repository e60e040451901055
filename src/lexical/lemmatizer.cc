#include "lexical/lemmatizer.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "core/data_file.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/mapped_image.h"
#include "core/strings.h"

namespace palmyra {
namespace {

struct Rule {
  std::string_view suffix;
  std::string_view replacement;
};

// WordNet's morphy detachment rules.
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjectiveRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

const char* ClassFile(WordClass cls) {
  switch (cls) {
    case WordClass::kNoun:
      return "noun";
    case WordClass::kVerb:
      return "verb";
    case WordClass::kAdjective:
      return "adj";
    case WordClass::kAdverb:
      return "adv";
  }
  return "noun";
}

constexpr WordClass kClasses[] = {WordClass::kNoun, WordClass::kVerb, WordClass::kAdjective,
                                  WordClass::kAdverb};

// What a thread has worked out about the words it has seen: news repeats its
// vocabulary, and each answer costs several table probes (exceptions, then
// up to eight suffix rules). One record per distinct lower-cased word in a
// flat open-addressing table; the table is emptied when it fills.
constexpr int32_t kNotComputed = INT32_MIN;
enum LemmaSlot { kNounLemma, kPluralNounLemma, kVerbLemma, kAdjectiveLemma, kAdverbLemma };

struct WordRecord {
  uint64_t hash = 0;                // 0: an empty slot
  uint32_t offset = 0, length = 0;  // the word, in the table's arena
  int16_t classes = -1;             // WordClass bits; -1 until computed
  int32_t lemmas[5] = {kNotComputed, kNotComputed, kNotComputed, kNotComputed, kNotComputed};
};

class WordRecords {
 public:
  WordRecord& Get(uint64_t instance, std::string_view word) {
    if (instance != instance_ || used_ * 2 >= slots_.size() || arena_.size() > (8u << 20)) {
      instance_ = instance;
      slots_.assign(kSlots, WordRecord());
      arena_.clear();
      used_ = 0;
    }
    const uint64_t h = Hash64(word, 17) | 1;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      WordRecord& r = slots_[i];
      if (r.hash == 0) {
        r.hash = h;
        r.offset = static_cast<uint32_t>(arena_.size());
        r.length = static_cast<uint32_t>(word.size());
        arena_.append(word);
        ++used_;
        return r;
      }
      if (r.hash == h && std::string_view(arena_).substr(r.offset, r.length) == word) return r;
    }
  }

 private:
  static constexpr size_t kSlots = size_t{1} << 17;
  uint64_t instance_ = 0;
  std::vector<WordRecord> slots_;
  std::string arena_;
  size_t used_ = 0;
};

WordRecords& ThreadWordRecords() {
  thread_local WordRecords records;
  return records;
}

std::atomic<uint64_t> next_instance{1};

// WordNet's tables as the lemmatizer reads them, built from the text files.
struct LexiconTables {
  StringTable lemmas;            // every lemma of every class
  std::vector<uint8_t> classes;  // WordClass bits per lemma id
  StringTable exception_forms;   // inflected forms in the *.exc files and lemmas.txt
  // per exception form: its (class, lemma) pairs, the project's first
  std::vector<std::vector<Lemmatizer::Exception>> exceptions;

  int32_t Lemma(std::string_view word) {
    const int32_t id = lemmas.Add(word);
    if (id >= static_cast<int32_t>(classes.size())) classes.resize(id + 1, 0);
    return id;
  }
  std::vector<Lemmatizer::Exception>& ExceptionsOf(std::string_view form) {
    const int32_t id = exception_forms.Add(form);
    if (id >= static_cast<int32_t>(exceptions.size())) exceptions.resize(id + 1);
    return exceptions[id];
  }
};

Status ReadWordNet(const std::string& wordnet_dir, LexiconTables* t) {
  for (WordClass cls : kClasses) {
    const std::string path = wordnet_dir + "/index." + ClassFile(cls);
    auto contents = ReadFile(path);
    if (!contents.ok()) {
      return Status(contents.status().code(),
                    contents.status().message() + " (install Debian's wordnet-base: make setup)");
    }
    const std::string_view text = *contents;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      t->classes[t->Lemma(line.substr(0, line.find(' ')))] |= static_cast<uint8_t>(cls);
    }
  }
  if (t->lemmas.size() < 1000) {
    return DataError(wordnet_dir + ": the WordNet index files hold almost no lemmas");
  }
  for (WordClass cls : kClasses) {
    const std::string path = wordnet_dir + "/" + ClassFile(cls) + ".exc";
    ASSIGN_OR_RETURN(std::string contents, ReadFile(path));
    for (std::string_view line : Split(contents, '\n')) {
      const auto fields = SplitWhitespace(line);
      if (fields.size() < 2) continue;
      // The base is usually a lemma; add it when it is not, so that it has an id.
      const int32_t base = t->Lemma(fields[1]);
      t->ExceptionsOf(fields[0]).push_back({base, static_cast<uint8_t>(cls), {}});
    }
  }
  return Status::Ok();
}

Status ReadOwnLemmas(const std::string& path, LexiconTables* t) {
  return ForEachDataLine(path, [&](std::string_view line, int) -> Status {
    const auto fields = SplitWhitespace(line);
    uint8_t bits = 0;
    for (WordClass cls : kClasses) {
      if (fields.size() == 3 && fields[1] == ClassFile(cls)) bits = static_cast<uint8_t>(cls);
    }
    if (bits == 0) return DataError("expected FORM CLASS LEMMA with CLASS noun, verb, adj or adv");
    const int32_t base = t->Lemma(fields[2]);
    auto& exceptions = t->ExceptionsOf(fields[0]);
    exceptions.insert(exceptions.begin(), {base, bits, {}});
    return Status::Ok();
  });
}

// The lexicon's files, for the image's stamp: it is compiled again when one
// of them or the image's layout changes.
constexpr uint64_t kImageVersion = 1;

std::vector<std::string> LexiconFiles(const std::string& wordnet_dir, const std::string& data_dir) {
  std::vector<std::string> files;
  for (WordClass cls : kClasses) {
    files.push_back(wordnet_dir + "/index." + ClassFile(cls));
    files.push_back(wordnet_dir + "/" + ClassFile(cls) + ".exc");
  }
  files.push_back(data_dir + "/lexical/lemmas.txt");
  return files;
}

}  // namespace

Result<std::string> Lemmatizer::Compile(const std::string& wordnet_dir,
                                        const std::string& data_dir) {
  LexiconTables t;
  RETURN_IF_ERROR(ReadWordNet(wordnet_dir, &t));
  RETURN_IF_ERROR(ReadOwnLemmas(data_dir + "/lexical/lemmas.txt", &t));
  ImageWriter out;
  t.lemmas.Write(&out);
  out.Add(t.classes);
  t.exception_forms.Write(&out);
  std::vector<uint32_t> begins{0};
  std::vector<Exception> entries;
  for (const auto& pairs : t.exceptions) {
    entries.insert(entries.end(), pairs.begin(), pairs.end());
    begins.push_back(static_cast<uint32_t>(entries.size()));
  }
  out.Add(begins);
  out.Add(entries);
  return out.Take();
}

Status Lemmatizer::View(std::unique_ptr<MappedImage> image) {
  ImageReader in(image->body());
  size_t classes, begins, entries;
  const bool read = lemmas_.Read(&in) && in.Next(&classes_, &classes) &&
                    exception_forms_.Read(&in) && in.Next(&exception_begins_, &begins) &&
                    in.Next(&exceptions_, &entries) && in.AtEnd();
  bool valid = read && classes == static_cast<size_t>(lemmas_.size()) &&
               begins == static_cast<size_t>(exception_forms_.size()) + 1 &&
               exception_begins_[0] == 0 && exception_begins_[begins - 1] == entries;
  for (size_t i = 1; valid && i < begins; ++i) {
    valid = exception_begins_[i] >= exception_begins_[i - 1];
  }
  for (size_t i = 0; valid && i < entries; ++i) {
    valid = exceptions_[i].lemma >= 0 && exceptions_[i].lemma < lemmas_.size();
  }
  if (!valid) {
    return DataError((image->path().empty() ? std::string("the WordNet tables") : image->path()) +
                     ": not a Palmyra lexicon image");
  }
  image_ = std::move(image);
  return Status::Ok();
}

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& wordnet_dir,
                                                     const std::string& data_dir,
                                                     const std::string& image_dir) {
  std::unique_ptr<Lemmatizer> lemmatizer(new Lemmatizer());
  lemmatizer->instance_ = next_instance.fetch_add(1);
  uint64_t stamp = kImageVersion;
  bool stamped = !image_dir.empty();
  for (const std::string& file : LexiconFiles(wordnet_dir, data_dir)) {
    const uint64_t s = FileStamp(file);
    stamped = stamped && s != 0;
    stamp = HashCombine(stamp, HashCombine(Hash64(file), s));
  }
  std::unique_ptr<MappedImage> image;
  if (stamped) {
    ASSIGN_OR_RETURN(image, MappedImage::Open(image_dir, "wordnet", stamp,
                                              [&] { return Compile(wordnet_dir, data_dir); }));
  } else {
    ASSIGN_OR_RETURN(std::string body, Compile(wordnet_dir, data_dir));
    image = MappedImage::FromBody(std::move(body));
  }
  RETURN_IF_ERROR(lemmatizer->View(std::move(image)));
  return lemmatizer;
}

int32_t Lemmatizer::LemmaId(std::string_view word, WordClass cls) const {
  const int32_t id = lemmas_.Find(word);
  if (id == StringTable::kNotFound) return -1;
  return (classes_[id] & static_cast<uint8_t>(cls)) ? id : -1;
}

bool Lemmatizer::IsLemma(std::string_view word, WordClass cls) const {
  return LemmaId(word, cls) >= 0;
}

int32_t Lemmatizer::WordNetLemma(std::string_view word, WordClass cls, bool inflected) const {
  const int32_t form = exception_forms_.Find(word);
  if (form != StringTable::kNotFound) {
    for (uint32_t i = exception_begins_[form]; i < exception_begins_[form + 1]; ++i) {
      if (exceptions_[i].cls == static_cast<uint8_t>(cls)) return exceptions_[i].lemma;
    }
  }
  int32_t id = LemmaId(word, cls);
  const int32_t itself = id;
  if (id >= 0 && !inflected) return id;
  const Rule* rules = nullptr;
  size_t n = 0;
  switch (cls) {
    case WordClass::kNoun:
      rules = kNounRules, n = std::size(kNounRules);
      break;
    case WordClass::kVerb:
      rules = kVerbRules, n = std::size(kVerbRules);
      break;
    case WordClass::kAdjective:
      rules = kAdjectiveRules, n = std::size(kAdjectiveRules);
      break;
    case WordClass::kAdverb:
      return itself;
  }
  char buffer[64];
  for (size_t r = 0; r < n; ++r) {
    if (word.size() <= rules[r].suffix.size() || !EndsWith(word, rules[r].suffix)) continue;
    const size_t stem = word.size() - rules[r].suffix.size();
    if (stem + rules[r].replacement.size() > sizeof buffer) continue;
    // A verb takes "-es" only after a hissing sound or "o" ("passes", "goes"):
    // "departes" is not a form of "depart".
    if (cls == WordClass::kVerb && rules[r].suffix == "es" && rules[r].replacement.empty()) {
      const std::string_view base = word.substr(0, stem);
      if (!(EndsWith(base, "s") || EndsWith(base, "x") || EndsWith(base, "z") ||
            EndsWith(base, "ch") || EndsWith(base, "sh") || EndsWith(base, "o")))
        continue;
    }
    std::memcpy(buffer, word.data(), stem);
    std::memcpy(buffer + stem, rules[r].replacement.data(), rules[r].replacement.size());
    size_t length = stem + rules[r].replacement.size();
    id = LemmaId(std::string_view(buffer, length), cls);
    if (id >= 0) return id;
    // "stopped" -> "stopp" -> "stop": undo a doubled final consonant.
    if (rules[r].replacement.empty() && length >= 3 && buffer[length - 1] == buffer[length - 2] &&
        std::string_view("aeiouy").find(buffer[length - 1]) == std::string_view::npos) {
      id = LemmaId(std::string_view(buffer, length - 1), cls);
      if (id >= 0) return id;
    }
  }
  return itself;
}

uint8_t Lemmatizer::Classes(std::string_view word) const {
  WordRecord& r = ThreadWordRecords().Get(instance_, word);
  if (r.classes < 0) r.classes = ComputeClasses(word);
  return static_cast<uint8_t>(r.classes);
}

uint8_t Lemmatizer::ComputeClasses(std::string_view word) const {
  uint8_t bits = 0;
  for (WordClass cls : kClasses) {
    if (WordNetLemma(word, cls) >= 0) bits |= static_cast<uint8_t>(cls);
  }
  if (bits == 0 && word.find('-') != std::string_view::npos && word.size() < 64) {
    // "re-open", "co-operate": WordNet writes them without the hyphen.
    std::string joined;
    for (char c : word) {
      if (c != '-') joined.push_back(c);
    }
    for (WordClass cls : kClasses) {
      if (WordNetLemma(joined, cls) >= 0) bits |= static_cast<uint8_t>(cls);
    }
  }
  return bits;
}

std::string_view Lemmatizer::Lemma(std::string_view word, WordClass cls) const {
  return Lemma(word, cls, /*inflected=*/false);
}

std::string_view Lemmatizer::Lemma(std::string_view word, WordClass cls, bool inflected) const {
  const int slot = cls == WordClass::kNoun        ? (inflected ? kPluralNounLemma : kNounLemma)
                   : cls == WordClass::kVerb      ? kVerbLemma
                   : cls == WordClass::kAdjective ? kAdjectiveLemma
                                                  : kAdverbLemma;
  WordRecord& r = ThreadWordRecords().Get(instance_, word);
  if (r.lemmas[slot] == kNotComputed) r.lemmas[slot] = LemmaCode(word, cls, inflected);
  const int32_t code = r.lemmas[slot];
  return code >= 0 ? lemmas_.Get(code) : word.substr(0, static_cast<size_t>(-(code + 1)));
}

int32_t Lemmatizer::LemmaCode(std::string_view word, WordClass cls, bool inflected) const {
  auto prefix = [](size_t n) { return -static_cast<int32_t>(n) - 1; };
  int32_t id = WordNetLemma(word, cls, inflected);
  if (id >= 0) return id;
  if (word.find('-') != std::string_view::npos && word.size() < 64) {
    std::string joined;
    for (char c : word) {
      if (c != '-') joined.push_back(c);
    }
    id = WordNetLemma(joined, cls, inflected);
    if (id >= 0) return id;
  }
  // Words WordNet does not know ("airstrikes", "airlifted"): strip the
  // regular ending.
  if (cls == WordClass::kNoun) {
    if (EndsWith(word, "ies") && word.size() > 4)
      return prefix(word.size());  // cannot point at "y"
    if (word.size() > 3 && word.back() == 's' && !EndsWith(word, "ss") && !EndsWith(word, "us") &&
        !EndsWith(word, "is")) {
      return prefix(word.size() - 1);
    }
  } else if (cls == WordClass::kVerb) {
    if (word.size() > 4 && EndsWith(word, "ing")) return prefix(word.size() - 3);
    if (word.size() > 3 && EndsWith(word, "ed")) return prefix(word.size() - 2);
    if (word.size() > 3 && word.back() == 's' && !EndsWith(word, "ss"))
      return prefix(word.size() - 1);
  }
  return prefix(word.size());
}

std::string_view Lemmatizer::LemmaForTag(std::string_view word, PosTag tag) const {
  switch (tag) {
    case PosTag::NN:
      return Lemma(word, WordClass::kNoun);
    case PosTag::NNS:
      return Lemma(word, WordClass::kNoun, /*inflected=*/true);
    case PosTag::VB:
    case PosTag::VBD:
    case PosTag::VBG:
    case PosTag::VBN:
    case PosTag::VBP:
    case PosTag::VBZ:
    case PosTag::MD:
      return Lemma(word, WordClass::kVerb);
    case PosTag::JJ:
    case PosTag::JJR:
    case PosTag::JJS:
      return Lemma(word, WordClass::kAdjective);
    case PosTag::RB:
    case PosTag::RBR:
    case PosTag::RBS:
      return Lemma(word, WordClass::kAdverb);
    case PosTag::NNPS:
      // "Russians" -> "russian", "Houthis" -> "houthi".
      return Lemma(word, WordClass::kNoun);
    default:
      return word;
  }
}

std::string_view AgeNoun(std::string_view word) {
  // "36-year-old", "five-year-olds", "the 19-month-old": a person named by
  // their age, one lemma whatever the number.
  for (std::string_view unit : {"-year-old", "-month-old"}) {
    const size_t at = word.find(unit);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view rest = word.substr(at + unit.size());
    if (!rest.empty() && rest != "s") continue;
    const std::string_view number = word.substr(0, at);
    const bool digits = std::all_of(number.begin(), number.end(), IsAsciiDigit);
    const bool letters = std::all_of(number.begin(), number.end(),
                                     [](char c) { return IsAsciiLower(c) || c == '-'; });
    if (!digits && !letters) continue;
    return unit == "-year-old" ? std::string_view("year-old") : std::string_view("month-old");
  }
  return {};
}

void Lemmatizer::Lemmatize(Analysis* a) const {
  for (const Sentence& s : a->sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      Token& t = a->tokens[i];
      t.lemma = LemmaForTag(a->Key(t), t.tag);
      // "the 36-year-old was", not "a 40-year-old embargo" nor "a
      // 25-year-old man" (the man names the person).
      const PosTag next = i + 1 < s.token_end ? a->tokens[i + 1].tag : PosTag::kNone;
      const bool ends_phrase = next != PosTag::NN && next != PosTag::NNS && next != PosTag::NNP &&
                               next != PosTag::NNPS && next != PosTag::JJ;
      if (ends_phrase && (t.tag == PosTag::NN || t.tag == PosTag::NNS || t.tag == PosTag::JJ)) {
        if (const std::string_view age = AgeNoun(a->Key(t)); !age.empty()) t.lemma = age;
      }
      // Proper names WordNet does not know ("Mwangi") are told apart from
      // words that are capitalised here ("Tuesday", "Predator").
      if ((t.flags & kTokCapitalized) && Classes(a->Key(t)) != 0) t.flags |= kTokInLexicon;
    }
  }
}

}  // namespace palmyra
