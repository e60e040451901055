#include "lexical/lemmatizer.h"

#include <atomic>
#include <cstring>

#include "core/data_file.h"
#include "core/file.h"
#include "core/hash.h"
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

}  // namespace

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& wordnet_dir,
                                                     const std::string& data_dir) {
  std::unique_ptr<Lemmatizer> lemmatizer(new Lemmatizer());
  lemmatizer->instance_ = next_instance.fetch_add(1);
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
      const size_t space = line.find(' ');
      const int32_t id = lemmatizer->lemmas_.Add(line.substr(0, space));
      if (id >= static_cast<int32_t>(lemmatizer->classes_.size()))
        lemmatizer->classes_.resize(id + 1, 0);
      lemmatizer->classes_[id] |= static_cast<uint8_t>(cls);
    }
  }
  if (lemmatizer->lemmas_.size() < 1000) {
    return DataError(wordnet_dir + ": the WordNet index files hold almost no lemmas");
  }
  for (WordClass cls : kClasses) {
    const std::string path = wordnet_dir + "/" + ClassFile(cls) + ".exc";
    ASSIGN_OR_RETURN(std::string contents, ReadFile(path));
    for (std::string_view line : Split(contents, '\n')) {
      const auto fields = SplitWhitespace(line);
      if (fields.size() < 2) continue;
      const int32_t form = lemmatizer->exception_forms_.Add(fields[0]);
      if (form >= static_cast<int32_t>(lemmatizer->exceptions_.size())) {
        lemmatizer->exceptions_.resize(form + 1);
      }
      // The base is usually a lemma; add it when it is not, so that it has an id.
      int32_t base = lemmatizer->lemmas_.Add(fields[1]);
      if (base >= static_cast<int32_t>(lemmatizer->classes_.size()))
        lemmatizer->classes_.resize(base + 1, 0);
      lemmatizer->exceptions_[form].push_back({static_cast<uint8_t>(cls), base});
    }
  }
  RETURN_IF_ERROR(
      ForEachDataLine(data_dir + "/lexical/lemmas.txt", [&](std::string_view line, int) -> Status {
        const auto fields = SplitWhitespace(line);
        uint8_t bits = 0;
        for (WordClass cls : kClasses) {
          if (fields.size() == 3 && fields[1] == ClassFile(cls)) bits = static_cast<uint8_t>(cls);
        }
        if (bits == 0)
          return DataError("expected FORM CLASS LEMMA with CLASS noun, verb, adj or adv");
        const int32_t form = lemmatizer->exception_forms_.Add(fields[0]);
        if (form >= static_cast<int32_t>(lemmatizer->exceptions_.size())) {
          lemmatizer->exceptions_.resize(form + 1);
        }
        const int32_t base = lemmatizer->lemmas_.Add(fields[2]);
        if (base >= static_cast<int32_t>(lemmatizer->classes_.size()))
          lemmatizer->classes_.resize(base + 1, 0);
        lemmatizer->exceptions_[form].insert(lemmatizer->exceptions_[form].begin(), {bits, base});
        return Status::Ok();
      }));
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
    for (const auto& [bits, base] : exceptions_[form]) {
      if (bits == static_cast<uint8_t>(cls)) return base;
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

void Lemmatizer::Lemmatize(Analysis* a) const {
  for (const Sentence& s : a->sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      Token& t = a->tokens[i];
      t.lemma = LemmaForTag(a->Key(t), t.tag);
      // Proper names WordNet does not know ("Mwangi") are told apart from
      // words that are capitalised here ("Tuesday", "Predator").
      if ((t.flags & kTokCapitalized) && Classes(a->Key(t)) != 0) t.flags |= kTokInLexicon;
    }
  }
}

}  // namespace palmyra
