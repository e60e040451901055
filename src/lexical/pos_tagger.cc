#include "lexical/pos_tagger.h"

#include <algorithm>
#include <cstring>

#include "core/data_file.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/mapped_image.h"
#include "core/strings.h"
#include "lexical/tagger_features.h"

namespace palmyra {
namespace {

constexpr char kMagic[8] = {'P', 'L', 'M', 'T', 'A', 'G', '0', '1'};

uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

size_t TableSize(size_t n) {
  size_t size = 16;
  while (size < n * 2) size <<= 1;
  return size;
}

template <typename T>
void Put(std::string* out, const T& value) {
  out->append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
bool Get(std::string_view* in, T* value) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(value, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

}  // namespace

uint64_t TagDictionaryKey(std::string_view form) { return NonZero(Hash64(form, 99)); }

Status WriteTaggerModel(const TaggerModelData& data, const std::string& path) {
  std::string out(kMagic, sizeof kMagic);
  Put(&out, static_cast<uint32_t>(kNumTaggerTags));
  Put(&out, static_cast<uint32_t>(data.features.size()));
  Put(&out, static_cast<uint32_t>(data.tag_dictionary.size()));
  for (const auto& [hash, weights] : data.features) {
    Put(&out, hash);
    Put(&out, static_cast<uint32_t>(weights.size()));
    for (const auto& w : weights) {
      Put(&out, w.tag);
      Put(&out, w.value);
    }
  }
  for (const auto& [key, tag] : data.tag_dictionary) {
    Put(&out, key);
    Put(&out, tag);
  }
  return WriteFile(path, out);
}

struct PosTagger::Tables {
  std::vector<Slot> slots;
  std::vector<TaggerModelData::Weight> weights;
  size_t features = 0;
  std::vector<uint64_t> dict_keys;
  std::vector<uint8_t> dict_tags;

  // Room for the tables, then each feature and each dictionary word.
  void Reserve(size_t num_features, size_t num_weights, size_t words) {
    slots.assign(TableSize(num_features), Slot{0, 0, 0});
    weights.reserve(num_weights);
    dict_keys.assign(TableSize(words), 0);
    dict_tags.assign(dict_keys.size(), 0);
  }
  void AddFeature(uint64_t hash, const TaggerModelData::Weight* w, size_t count) {
    const size_t mask = slots.size() - 1;
    const uint64_t key = NonZero(hash);
    size_t i = key & mask;
    while (slots[i].key != 0 && slots[i].key != key) i = (i + 1) & mask;
    if (slots[i].key == key) return;  // duplicate hash: keep the first
    slots[i] = {key, static_cast<uint32_t>(weights.size()), static_cast<uint32_t>(count)};
    weights.insert(weights.end(), w, w + count);
    ++features;
  }
  void AddWordTag(uint64_t key, uint8_t tag) {
    const size_t mask = dict_keys.size() - 1;
    size_t i = key & mask;
    while (dict_keys[i] != 0 && dict_keys[i] != key) i = (i + 1) & mask;
    dict_keys[i] = key;
    dict_tags[i] = tag;
  }
};

namespace {
// Changes whenever the image's layout does, so that old images are compiled
// again.
constexpr uint64_t kImageVersion = 1;
}  // namespace

Result<std::unique_ptr<PosTagger>> PosTagger::Load(const std::string& path) {
  const uint64_t file_stamp = FileStamp(path);
  std::unique_ptr<MappedImage> image;
  if (file_stamp == 0) {
    ASSIGN_OR_RETURN(std::string body, Compile(path));  // the error naming the file
    image = MappedImage::FromBody(std::move(body));
  } else {
    // model/tagger.bin is compiled into model/tagger.idx.
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    name = name.substr(0, name.rfind('.'));
    ASSIGN_OR_RETURN(image, MappedImage::Open(dir, name, HashCombine(file_stamp, kImageVersion),
                                              [&] { return Compile(path); }));
  }
  std::unique_ptr<PosTagger> tagger(new PosTagger());
  RETURN_IF_ERROR(tagger->View(std::move(image)));
  return tagger;
}

Result<std::string> PosTagger::Compile(const std::string& path) {
  auto contents = ReadFile(path);
  if (!contents.ok()) {
    return Status(
        contents.status().code(),
        contents.status().message() +
            " (the part-of-speech model is made when Palmyra is built; run 'make build')");
  }
  std::string_view in = *contents;
  auto corrupt = [&]() { return DataError(path + ": not a Palmyra tagger model, or truncated"); };
  if (in.size() < sizeof kMagic || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) {
    return corrupt();
  }
  in.remove_prefix(sizeof kMagic);
  uint32_t tags, num_features, num_dict;
  if (!Get(&in, &tags) || !Get(&in, &num_features) || !Get(&in, &num_dict) ||
      tags != kNumTaggerTags) {
    return corrupt();
  }
  Tables t;
  t.Reserve(num_features, in.size() / 5, num_dict);
  TaggerModelData::Weight weights[kNumTaggerTags];
  for (uint32_t f = 0; f < num_features; ++f) {
    uint64_t hash;
    uint32_t count;
    if (!Get(&in, &hash) || !Get(&in, &count) || count > kNumTaggerTags) return corrupt();
    for (uint32_t k = 0; k < count; ++k) {
      TaggerModelData::Weight& w = weights[k];
      if (!Get(&in, &w.tag) || !Get(&in, &w.value) || w.tag >= kNumTaggerTags) return corrupt();
    }
    t.AddFeature(hash, weights, count);
  }
  for (uint32_t d = 0; d < num_dict; ++d) {
    uint64_t key;
    uint8_t tag;
    if (!Get(&in, &key) || !Get(&in, &tag) || tag >= kNumTaggerTags) return corrupt();
    t.AddWordTag(key, tag);
  }
  if (!in.empty()) return corrupt();
  return Finish(&t);
}

std::unique_ptr<PosTagger> PosTagger::FromData(const TaggerModelData& data) {
  std::unique_ptr<PosTagger> tagger(new PosTagger());
  const Status viewed = tagger->View(MappedImage::FromBody(Compile(data)));
  (void)viewed;  // tables built here are well formed
  return tagger;
}

std::string PosTagger::Compile(const TaggerModelData& data) {
  size_t weights = 0;
  for (const auto& feature : data.features) weights += feature.second.size();
  Tables t;
  t.Reserve(data.features.size(), weights, data.tag_dictionary.size());
  for (const auto& [hash, w] : data.features) t.AddFeature(hash, w.data(), w.size());
  for (const auto& [key, tag] : data.tag_dictionary) t.AddWordTag(key, tag);
  return Finish(&t);
}

std::string PosTagger::Finish(Tables* t) {
  // The previous tags' own features, summed once for every pair, with a
  // tagger reading the tables as built.
  PosTagger reader;
  reader.slots_ = t->slots.data();
  reader.num_slots_ = t->slots.size();
  reader.weights_ = t->weights.data();
  constexpr int T = kNumTaggerTags;
  std::vector<float> transitions(static_cast<size_t>(T + 1) * (T + 1) * T, 0.0f);
  uint64_t f[kNumTagFeatures];
  for (int p1 = 0; p1 <= T; ++p1) {
    for (int p2 = 0; p2 <= T; ++p2) {
      TaggerFeatures::ExtractTagFeatures(p1 == T ? kStartTag : p1, p2 == T ? kStartTag : p2, f);
      float* scores = &transitions[(static_cast<size_t>(p1) * (T + 1) + p2) * T];
      for (uint64_t h : f) reader.AddWeights(h, scores);
    }
  }
  ImageWriter out;
  out.Add(t->slots);
  out.Add(t->weights);
  const std::vector<uint64_t> features{t->features};
  out.Add(features);
  out.Add(transitions);
  out.Add(t->dict_keys);
  out.Add(t->dict_tags);
  return out.Take();
}

Status PosTagger::View(std::unique_ptr<MappedImage> image) {
  constexpr size_t T = kNumTaggerTags;
  ImageReader in(image->body());
  const uint64_t* features = nullptr;
  size_t num_weights, one, transitions, tags;
  bool valid = in.Next(&slots_, &num_slots_) && in.Next(&weights_, &num_weights) &&
               in.Next(&features, &one) && one == 1 && in.Next(&transitions_, &transitions) &&
               in.Next(&dict_keys_, &dict_size_) && in.Next(&dict_tags_, &tags) && in.AtEnd() &&
               transitions == (T + 1) * (T + 1) * T && tags == dict_size_ && num_slots_ > 0 &&
               (num_slots_ & (num_slots_ - 1)) == 0 && dict_size_ > 0 &&
               (dict_size_ & (dict_size_ - 1)) == 0;
  for (size_t i = 0; valid && i < num_slots_; ++i) {
    const Slot& slot = slots_[i];
    valid =
        slot.count <= T && slot.offset <= num_weights && slot.count <= num_weights - slot.offset;
  }
  for (size_t i = 0; valid && i < num_weights; ++i) valid = weights_[i].tag < T;
  for (size_t i = 0; valid && i < dict_size_; ++i) valid = dict_tags_[i] < T;
  if (!valid) {
    return DataError((image->path().empty() ? std::string("the tagger's tables") : image->path()) +
                     ": not a Palmyra tagger image");
  }
  num_features_ = features[0];
  image_ = std::move(image);
  return Status::Ok();
}

const PosTagger::Slot* PosTagger::Home(uint64_t hash) const {
  const uint64_t key = NonZero(hash);
  return &slots_[key & (num_slots_ - 1)];
}

const PosTagger::Slot* PosTagger::Find(uint64_t hash) const {
  const uint64_t key = NonZero(hash);
  const size_t mask = num_slots_ - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) return &slots_[i];
    if (slots_[i].key == 0) return nullptr;
  }
}

void PosTagger::AddWeights(uint64_t hash, float* scores) const {
  const Slot* slot = Find(hash);
  if (slot == nullptr) return;
  const TaggerModelData::Weight* w = &weights_[slot->offset];
  for (uint32_t k = 0; k < slot->count; ++k) scores[w[k].tag] += w[k].value;
}

int PosTagger::TagOf(uint64_t word_key) const {
  const size_t mask = dict_size_ - 1;
  for (size_t i = word_key & mask;; i = (i + 1) & mask) {
    if (dict_keys_[i] == word_key) return dict_tags_[i];
    if (dict_keys_[i] == 0) return -1;
  }
}

Status PosTagger::LoadTagConstraints(const std::string& path) {
  return ForEachDataLine(path, [&](std::string_view line, int) -> Status {
    const auto fields = SplitWhitespace(line);
    if (fields.size() < 2) return DataError("expected a word and one or more tags");
    uint64_t mask = 0;
    for (size_t i = 1; i < fields.size(); ++i) {
      const auto tag = PosTagFromName(fields[i]);
      if (!tag) return DataError("unknown part-of-speech tag '" + std::string(fields[i]) + "'");
      mask |= uint64_t{1} << TagIndex(*tag);
    }
    const std::string word(fields[0]);
    const bool exact = AsciiLowercase(word) != word;
    StringTable& table = exact ? exact_constraints_ : folded_constraints_;
    std::vector<uint64_t>& masks = exact ? exact_masks_ : folded_masks_;
    const int32_t id = table.Add(word);
    if (id >= static_cast<int32_t>(masks.size())) masks.resize(id + 1, 0);
    masks[id] = mask;
    return Status::Ok();
  });
}

uint64_t PosTagger::Allowed(std::string_view word, std::string_view key) const {
  int32_t id = exact_constraints_.Find(word);
  if (id != StringTable::kNotFound) return exact_masks_[id];
  id = folded_constraints_.Find(key);
  if (id != StringTable::kNotFound) return folded_masks_[id];
  return 0;
}

namespace {
const int kInterjection = TagIndex(PosTag::UH);

// A tag that gives its stretch of a sentence a verb: a finite one, a modal,
// or a participle (which may be the verb the model read wrongly: "US jets
// killed civilians"); not a gerund.
bool TellsAVerb(PosTag t) { return (IsVerb(t) && t != PosTag::VBG) || t == PosTag::MD; }
}  // namespace

void PosTagger::TagWords(const std::vector<std::string_view>& words, std::vector<PosTag>* tags,
                         const std::vector<std::string_view>* keys) const {
  constexpr int T = kNumTaggerTags;
  thread_local TaggerFeatures features;
  thread_local std::vector<int> fixed;  // a word's tag known without scoring, else -1
  thread_local std::vector<uint64_t> allowed;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<float> word_scores;  // [i * T + tag]
  const size_t n = words.size();
  features.Prepare(words, lexicon_);
  tags->resize(n);
  fixed.assign(n, -1);
  allowed.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    allowed[i] = keys != nullptr ? Allowed(words[i], (*keys)[i]) : 0;
    if (allowed[i] == 0) fixed[i] = TagOf(TagDictionaryKey(words[i]));
    if (allowed[i] != 0 && (allowed[i] & (allowed[i] - 1)) == 0)
      fixed[i] = __builtin_ctzll(allowed[i]);
  }
  // The features of the words alone, for every word to score at once: their
  // slots are fetched from memory together rather than one after another.
  hashes.resize(n * kNumWordFeatures);
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] >= 0) continue;
    uint64_t* f = &hashes[i * kNumWordFeatures];
    features.ExtractWordFeatures(i, f);
    for (int k = 0; k < kNumWordFeatures; ++k) __builtin_prefetch(Home(f[k]));
  }
  // Then their weights, fetched together in the same way.
  thread_local std::vector<const Slot*> found;
  found.assign(n * kNumWordFeatures, nullptr);
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] >= 0) continue;
    for (int k = 0; k < kNumWordFeatures; ++k) {
      const Slot* slot = Find(hashes[i * kNumWordFeatures + k]);
      found[i * kNumWordFeatures + k] = slot;
      if (slot != nullptr) __builtin_prefetch(&weights_[slot->offset]);
    }
  }
  word_scores.assign(n * T, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] >= 0) continue;
    float* scores = &word_scores[i * T];
    for (int k = 0; k < kNumWordFeatures; ++k) {
      const Slot* slot = found[i * kNumWordFeatures + k];
      if (slot == nullptr) continue;
      const TaggerModelData::Weight* w = &weights_[slot->offset];
      for (uint32_t j = 0; j < slot->count; ++j) scores[w[j].tag] += w[j].value;
    }
  }
  int prev = kStartTag, prev2 = kStartTag;
  uint64_t f[kNumWordTagFeatures];
  for (size_t i = 0; i < n; ++i) {
    int best = fixed[i];
    if (best < 0) {
      float scores[T];
      const size_t p1 = prev == kStartTag ? T : prev, p2 = prev2 == kStartTag ? T : prev2;
      const float* word = &word_scores[i * T];
      const float* transition = &transitions_[(p1 * (T + 1) + p2) * T];
      for (int t = 0; t < T; ++t) scores[t] = word[t] + transition[t];
      features.ExtractWordTagFeatures(i, prev, f);
      for (uint64_t h : f) AddWeights(h, scores);
      for (int t = 0; t < T; ++t) {
        if (allowed[i] != 0 && !(allowed[i] & (uint64_t{1} << t))) continue;
        // News has almost no interjections; Brown teaches the tagger that a
        // capitalised word before a comma may be one ("Hezbollah, which ...").
        if (t == kInterjection && allowed[i] == 0) continue;
        if (best < 0 || scores[t] > scores[best]) best = t;
      }
    }
    (*tags)[i] = TagFromIndex(best);
    prev2 = prev;
    prev = best;
  }
}

void PosTagger::VerbsAfterAuxiliaries(const std::vector<std::string_view>& keys,
                                      std::vector<PosTag>* out) const {
  std::vector<PosTag>& tags = *out;
  // "did not even ever clash", "won't even clash": after a modal or a
  // form of "do" and adverbs, a word that can be a verb is its base form,
  // not a noun or a present tense; a word before it that can be an adverb
  // ("even") is one.
  if (lexicon_ == nullptr) return;
  auto verb_like = [&](size_t i) {
    return (tags[i] == PosTag::NN || tags[i] == PosTag::VB || tags[i] == PosTag::VBP) &&
           lexicon_->IsLemma(keys[i], WordClass::kVerb);
  };
  for (size_t j = 0; j + 1 < tags.size(); ++j) {
    const std::string_view aux = keys[j];
    const bool auxiliary =
        tags[j] == PosTag::MD ||
        ((tags[j] == PosTag::VBD || tags[j] == PosTag::VBZ || tags[j] == PosTag::VBP) &&
         (aux == "did" || aux == "does" || aux == "do"));
    if (!auxiliary) continue;
    size_t m = j + 1;
    for (; m < tags.size(); ++m) {
      if (IsAdverb(tags[m])) continue;
      if (tags[m] != PosTag::VB || !lexicon_->IsLemma(keys[m], WordClass::kAdverb)) break;
      size_t next = m + 1;
      while (next < tags.size() && IsAdverb(tags[next])) ++next;
      if (next == tags.size() || !verb_like(next)) break;
      tags[m] = PosTag::RB;
    }
    if (m > j + 1 && m < tags.size() && verb_like(m)) tags[m] = PosTag::VB;
  }
}

void PosTagger::AgeNounsBeforeVerbs(const std::vector<std::string_view>& keys,
                                    std::vector<PosTag>* out) {
  // "The 67-year-old accused Nato": a person named by their age, after a
  // determiner and before a verb, is a noun, and the verb is finite.
  std::vector<PosTag>& tags = *out;
  for (size_t i = 1; i + 1 < tags.size(); ++i) {
    if (tags[i] != PosTag::JJ || tags[i - 1] != PosTag::DT || AgeNoun(keys[i]).empty()) continue;
    const PosTag next = tags[i + 1];
    if (next != PosTag::VBN && next != PosTag::VBD && next != PosTag::VBZ && next != PosTag::MD)
      continue;
    tags[i] = PosTag::NN;
    if (next == PosTag::VBN) tags[i + 1] = PosTag::VBD;
  }
}

void PosTagger::VerbOfVerblessSentence(const std::vector<std::string_view>& keys,
                                       std::vector<PosTag>* out) const {
  // "Iraqi police beat protesters": a sentence the model gave no verb at all
  // has one in its first noun after a noun that can be a verb and has an
  // object after it (not a name: "operations officer Seamus Kearney"); a
  // past form ("seized") is a past tense, else a present.
  std::vector<PosTag>& tags = *out;
  if (lexicon_ == nullptr) return;
  if (std::any_of(tags.begin(), tags.end(), TellsAVerb)) return;
  for (size_t i = 1; i + 1 < tags.size(); ++i) {
    const PosTag before = tags[i - 1], after = tags[i + 1];
    if (tags[i] != PosTag::NN || (before != PosTag::NN && before != PosTag::NNS) ||
        !lexicon_->IsLemma(lexicon_->Lemma(keys[i], WordClass::kVerb), WordClass::kVerb) ||
        (after != PosTag::NNS && after != PosTag::DT && after != PosTag::PRP_S &&
         after != PosTag::CD)) {
      continue;
    }
    tags[i] = lexicon_->Lemma(keys[i], WordClass::kVerb) != keys[i] ? PosTag::VBD : PosTag::VBP;
    return;
  }
}

void PosTagger::PresentVerbOfVerblessClause(const Analysis& a, const Sentence& s,
                                            const std::vector<std::string_view>& keys,
                                            std::vector<PosTag>* out) const {
  // "Mordor arrests and tortures dissidents", "... as Erdogan arrests or
  // jails reporters": a clause the model gave no verb has one in its first
  // plural in -s after a name or pronoun that is a verb's present (and
  // in those coordinated with it), when an object follows. A stretch without
  // a verb runs from punctuation, a preposition or a relative pronoun to
  // the next.
  std::vector<PosTag>& tags = *out;
  if (lexicon_ == nullptr) return;
  auto present = [&](size_t i) {
    return tags[i] == PosTag::NNS && keys[i].size() > 3 && keys[i].back() == 's' &&
           lexicon_->IsLemma(keys[i].substr(0, keys[i].size() - 1), WordClass::kVerb);
  };
  // What may open its object: "arrests dissidents", "jails the editor".
  auto object = [&](size_t i) {
    const PosTag t = tags[i];
    return t == PosTag::DT || t == PosTag::PRP_S || t == PosTag::CD || t == PosTag::NNS ||
           t == PosTag::NNP || t == PosTag::NNPS || t == PosTag::PRP;
  };
  auto opens = [&](size_t i) {
    const PosTag t = tags[i];
    return IsPunctuation(t) || t == PosTag::WDT || t == PosTag::WP || t == PosTag::IN ||
           t == PosTag::TO;
  };
  size_t begin = 0;
  while (begin < tags.size()) {
    size_t end = begin + 1;
    while (end < tags.size() && !opens(end)) ++end;
    const bool verb = std::any_of(tags.begin() + begin, tags.begin() + end, TellsAVerb);
    for (size_t i = begin + 1; !verb && i + 1 < end; ++i) {
      // A name (or one read as an adjective: "Erdogan", not "Greek") or a
      // pronoun; not a noun ("human rights groups", "the world champions
      // England").
      const PosTag before = tags[i - 1];
      const std::string_view word = a.Form(s.token_begin + static_cast<uint32_t>(i - 1));
      const bool subject = before == PosTag::NNP || before == PosTag::PRP ||
                           (before == PosTag::JJ && !word.empty() && IsAsciiUpper(word[0]) &&
                            !lexicon_->IsLemma(keys[i - 1], WordClass::kAdjective));
      const bool then_object = object(i + 1) || (i + 3 < end && tags[i + 1] == PosTag::CC &&
                                                 present(i + 2) && object(i + 3));
      if (!subject || !present(i) || !then_object) continue;
      tags[i] = PosTag::VBZ;
      for (size_t j = i + 1; j + 2 < end && tags[j] == PosTag::CC && present(j + 1); j += 2)
        tags[j + 1] = PosTag::VBZ;
      break;
    }
    begin = end;
  }
}

void PosTagger::CorrectTags(const Analysis& a, const Sentence& s,
                            const std::vector<std::string_view>& keys,
                            std::vector<PosTag>* out) const {
  std::vector<PosTag>& tags = *out;
  // Agreement: "their hunger strike", "the army attack": a base form (VB,
  // VBP) cannot follow a singular noun that follows a determiner; it is a
  // noun in a compound.
  for (size_t i = 2; i < tags.size(); ++i) {
    if ((tags[i] == PosTag::VB || tags[i] == PosTag::VBP) && tags[i - 1] == PosTag::NN &&
        (tags[i - 2] == PosTag::DT || tags[i - 2] == PosTag::PRP_S || tags[i - 2] == PosTag::JJ ||
         tags[i - 2] == PosTag::POS)) {
      tags[i] = PosTag::NN;
    }
  }
  // "offered to host a new round": after "to", a base verb before a
  // determiner, not a noun.
  for (size_t i = 1; i + 1 < tags.size(); ++i) {
    if (tags[i - 1] == PosTag::TO && tags[i] == PosTag::NN && lexicon_ != nullptr &&
        (tags[i + 1] == PosTag::DT || tags[i + 1] == PosTag::PRP_S) &&
        lexicon_->IsLemma(keys[i], WordClass::kVerb)) {
      tags[i] = PosTag::VB;
    }
  }
  // "the fighting that followed", "its shelling of the town": a gerund
  // right after a determiner or possessive, not before a noun, is a noun.
  for (size_t i = 1; i < tags.size(); ++i) {
    const PosTag next = i + 1 < tags.size() ? tags[i + 1] : PosTag::kNone;
    const bool noun_next = next == PosTag::NN || next == PosTag::NNS || next == PosTag::NNP ||
                           next == PosTag::NNPS || next == PosTag::JJ;
    if (tags[i] == PosTag::VBG && !noun_next &&
        (tags[i - 1] == PosTag::DT || tags[i - 1] == PosTag::PRP_S || tags[i - 1] == PosTag::POS)) {
      tags[i] = PosTag::NN;
    }
  }
  // "A car bombing killed six", "the army shelling was heavy": a gerund
  // after a determiner and a noun, before a verb, heads the noun phrase.
  for (size_t i = 2; i + 1 < tags.size(); ++i) {
    const PosTag next = tags[i + 1];
    const bool verb_next = next == PosTag::VBD || next == PosTag::VBZ || next == PosTag::VBP ||
                           next == PosTag::MD || next == PosTag::VBN;
    if (tags[i] == PosTag::VBG && verb_next && tags[i - 1] == PosTag::NN &&
        (tags[i - 2] == PosTag::DT || tags[i - 2] == PosTag::PRP_S || tags[i - 2] == PosTag::POS ||
         tags[i - 2] == PosTag::JJ)) {
      tags[i] = PosTag::NN;
    }
  }
  // "threatened on Monday", "met in March": before a day or a month, a
  // particle is the preposition of a date.
  for (size_t i = 0; i + 1 < tags.size(); ++i) {
    if (tags[i] == PosTag::RP && (a.tokens[s.token_begin + i + 1].flags & kTokCalendar))
      tags[i] = PosTag::IN;
  }
  // "Trump also called on Ankara", "Brown said": a capitalised first word
  // read as an imperative, with a finite verb or a participle after it
  // (adverbs between), is a name, and the participle its past tense.
  {
    size_t first = 0;
    while (first < tags.size() && IsPunctuation(tags[first])) ++first;
    size_t next = first + 1;
    while (next < tags.size() && tags[next] == PosTag::RB) ++next;
    const std::string_view form = first < tags.size() ? a.Form(s.token_begin + first) : "";
    if (next < tags.size() && (tags[first] == PosTag::VB || tags[first] == PosTag::VBP) &&
        !form.empty() && form[0] >= 'A' && form[0] <= 'Z' &&
        (tags[next] == PosTag::VBD || tags[next] == PosTag::VBZ || tags[next] == PosTag::VBN ||
         tags[next] == PosTag::MD)) {
      tags[first] = PosTag::NNP;
      if (tags[next] == PosTag::VBN) tags[next] = PosTag::VBD;
    }
  }
  VerbsAfterAuxiliaries(keys, out);
  AgeNounsBeforeVerbs(keys, out);
  ParticiplesOpeningSentences(out);
  PresentVerbOfVerblessClause(a, s, keys, out);
  BaseVerbOfVerblessThatClause(keys, out);
  VerbOfVerblessSentence(keys, out);
  PluralNounsBeforePastVerbs(keys, out);
}

void PosTagger::BaseVerbOfVerblessThatClause(const std::vector<std::string_view>& keys,
                                             std::vector<PosTag>* out) const {
  // "demanded that the council lift the ban", "insisted that the government
  // release the prisoners": a clause opened by "that" with no verb has one
  // in the first word after its subject's nouns that can be a verb and has
  // an object after it. It is a subjunctive, the Treebank's VB; it is tagged
  // VBP so that it is read as the finite verb of its clause, with a subject.
  std::vector<PosTag>& tags = *out;
  if (lexicon_ == nullptr) return;
  auto opens = [&](size_t i) {
    const PosTag t = tags[i];
    return IsPunctuation(t) || t == PosTag::WDT || t == PosTag::WP || t == PosTag::IN ||
           t == PosTag::TO;
  };
  auto noun = [&](size_t i) { return IsNoun(tags[i]) || tags[i] == PosTag::PRP; };
  auto object = [&](size_t i) {
    const PosTag t = tags[i];
    return IsNoun(t) || t == PosTag::DT || t == PosTag::PRP_S || t == PosTag::CD ||
           t == PosTag::JJ || t == PosTag::PRP;
  };
  for (size_t j = 0; j + 3 < tags.size(); ++j) {
    if (keys[j] != "that" || tags[j] != PosTag::IN) continue;
    size_t end = j + 1;
    while (end < tags.size() && !opens(end)) ++end;
    if (std::any_of(tags.begin() + j + 1, tags.begin() + end, TellsAVerb)) continue;
    for (size_t i = j + 2; i + 1 < end; ++i) {
      if ((tags[i] != PosTag::NN && tags[i] != PosTag::VBP) || !noun(i - 1) || !object(i + 1) ||
          !lexicon_->IsLemma(keys[i], WordClass::kVerb)) {
        continue;
      }
      tags[i] = PosTag::VBP;
      break;
    }
  }
}

void PosTagger::ParticiplesOpeningSentences(std::vector<PosTag>* out) {
  // "Armed men entered the village", "Displaced families fled": a
  // participle opening the sentence before the nouns of the subject and
  // its verb describes them; it is not the verb.
  std::vector<PosTag>& tags = *out;
  size_t first = 0;
  while (first < tags.size() && IsPunctuation(tags[first])) ++first;
  if (first >= tags.size() || (tags[first] != PosTag::VBN && tags[first] != PosTag::VBD)) return;
  size_t next = first + 1;
  while (next < tags.size() && IsNoun(tags[next])) ++next;
  if (next == first + 1 || next == tags.size()) return;
  const PosTag verb = tags[next];
  if (verb == PosTag::VBD || verb == PosTag::VBZ || verb == PosTag::VBP || verb == PosTag::MD)
    tags[first] = PosTag::JJ;
}

void PosTagger::PluralNounsBeforePastVerbs(const std::vector<std::string_view>& keys,
                                           std::vector<PosTag>* out) const {
  // "Calenardhon crowds burned down its embassy": a present verb in -s
  // between a name or adjective and a past verb is a plural noun.
  std::vector<PosTag>& tags = *out;
  for (size_t i = 1; i + 1 < tags.size(); ++i) {
    if (tags[i] == PosTag::VBZ && tags[i + 1] == PosTag::VBD &&
        (tags[i - 1] == PosTag::NNP || tags[i - 1] == PosTag::JJ) && lexicon_ != nullptr &&
        keys[i].size() > 2 && keys[i].back() == 's' &&
        lexicon_->IsLemma(keys[i].substr(0, keys[i].size() - 1), WordClass::kNoun)) {
      tags[i] = PosTag::NNS;
    }
  }
}

void PosTagger::Tag(Analysis* a) const {
  std::vector<std::string_view> words, keys;
  std::vector<PosTag> tags;
  for (const Sentence& s : a->sentences) {
    words.clear();
    keys.clear();
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = a->tokens[i];
      words.push_back(TaggerForm(a->Form(t), t.flags & kTokOpenQuote, t.flags & kTokCloseQuote));
      keys.push_back(a->Key(t));
    }
    TagWords(words, &tags, &keys);
    CorrectTags(*a, s, keys, &tags);
    for (uint32_t i = s.token_begin; i < s.token_end; ++i)
      a->tokens[i].tag = tags[i - s.token_begin];
  }
}

}  // namespace palmyra
