#include "events/pattern_dictionary.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/analysis.h"
#include "core/strings.h"

namespace palmyra {

int32_t PatternDictionary::SynsetIndex(const std::string& name) {
  const int32_t id = synset_names_.Add(name);
  if (id >= static_cast<int32_t>(pending_.size())) {
    pending_.resize(id + 1);
    synsets_.resize(id + 1);
    defined_.resize(id + 1, false);
    defined_where_.resize(id + 1);
  }
  return id;
}

int32_t PatternDictionary::SynsetId(std::string_view name) const {
  const int32_t id = synset_names_.Find(name);
  return (id >= 0 && defined_[id]) ? id : -1;
}

std::vector<int32_t> PatternDictionary::WordIds(const std::string& word, const NameTokenizer& names,
                                                StringTable* vocabulary) const {
  std::vector<int32_t> ids;
  for (const std::string& key : names.Tokenize(word).keys) ids.push_back(vocabulary->Add(key));
  return ids;
}

bool PatternDictionary::Compile(const RawElement& raw, const NameTokenizer& names,
                                StringTable* vocabulary, PatternElement* out, int* specificity) {
  out->kind = raw.kind;
  out->joined = raw.joined;
  switch (raw.kind) {
    case ElementKind::kWord:
      out->words = WordIds(raw.text, names, vocabulary);
      if (out->words.empty()) return false;
      *specificity += 2;
      break;
    case ElementKind::kSynset:
      out->synset = SynsetIndex(raw.text);
      *specificity += 2;
      break;
    case ElementKind::kPrep:
    case ElementKind::kNounGroup:
      for (const RawElement& child : raw.children) {
        PatternElement c;
        if (!Compile(child, names, vocabulary, &c, specificity)) return false;
        out->children.push_back(std::move(c));
      }
      if (raw.kind == ElementKind::kPrep &&
          (out->children.empty() || (out->children[0].kind != ElementKind::kWord &&
                                     out->children[0].kind != ElementKind::kSynset))) {
        return false;  // a prepositional group starts with its preposition
      }
      *specificity += 1;
      break;
    default:
      *specificity += 1;
      break;
  }
  return true;
}

void PatternDictionary::Add(const PatternFile& file, const NameTokenizer& names,
                            StringTable* vocabulary, std::vector<Diagnostic>* diagnostics) {
  for (const RawSynset& raw : file.synsets) {
    const int32_t id = SynsetIndex(raw.name);
    if (defined_[id]) {
      diagnostics->push_back(
          {file.file, raw.line,
           "synonym set &" + raw.name + " is already defined at " + defined_where_[id], false});
    }
    defined_[id] = true;
    defined_where_[id] = file.file + ":" + std::to_string(raw.line);
    for (const auto& member : raw.members) {
      PendingMember m;
      if (member.size() == 1 && member[0][0] == '&') {
        m.reference = SynsetIndex(member[0].substr(1));
      } else {
        for (const std::string& w : member) {
          for (int32_t id2 : WordIds(w, names, vocabulary)) m.words.push_back(id2);
        }
      }
      pending_[id].push_back(std::move(m));
    }
  }
  for (const RawBlock& raw : file.blocks) {
    const int32_t b = static_cast<int32_t>(blocks_.size());
    PatternBlock block;
    block.name = raw.name;
    block.code = raw.code;
    block.alternate = raw.alternate_code;
    block.noun = raw.noun;
    block.actorless = raw.actorless;
    block.ongoing = raw.ongoing;
    block.rule = file.file + ":" + std::to_string(raw.line);
    for (const RawPattern& rp : raw.patterns) {
      Pattern p;
      p.block = b;
      p.code = rp.code;
      p.alternate = rp.alternate_code;
      p.last_left_joined = rp.last_left_joined;
      p.rule = file.file + ":" + std::to_string(rp.line);
      bool ok = true;
      for (const RawElement& e : rp.left) {
        PatternElement c;
        ok = ok && Compile(e, names, vocabulary, &c, &p.specificity);
        p.left.push_back(std::move(c));
      }
      for (const RawElement& e : rp.right) {
        PatternElement c;
        ok = ok && Compile(e, names, vocabulary, &c, &p.specificity);
        p.right.push_back(std::move(c));
      }
      if (!ok) {
        diagnostics->push_back({file.file, rp.line, "pattern has an empty word or group", true});
        continue;
      }
      block.patterns.push_back(static_cast<int32_t>(patterns_.size()));
      patterns_.push_back(std::move(p));
    }
    for (const RawVerb& rv : raw.verbs) {
      Trigger t;
      t.block = b;
      t.code = rv.code;
      t.alternate = rv.alternate_code;
      t.has_code = rv.has_code;
      t.rule = file.file + ":" + std::to_string(rv.line);
      for (size_t k = 0; k < rv.words.size(); ++k) {
        auto& into = static_cast<int>(k) < rv.head ? t.before : t.words;
        for (int32_t id : WordIds(AsciiLowercase(rv.words[k]), names, vocabulary))
          into.push_back(id);
      }
      for (const auto& form : rv.forms) {
        // The forms repeat the words before the verb ("WIRE_+TAPPED").
        std::vector<int32_t> ids;
        for (size_t k = static_cast<size_t>(rv.head); k < form.size(); ++k) {
          for (int32_t id : WordIds(AsciiLowercase(form[k]), names, vocabulary)) ids.push_back(id);
        }
        if (!ids.empty()) t.forms.push_back(std::move(ids));
      }
      if (t.words.empty()) continue;
      const int32_t index = static_cast<int32_t>(triggers_.size());
      auto& table = raw.noun ? noun_index_ : verb_index_;
      auto add = [&](int32_t word) {
        if (word >= static_cast<int32_t>(table.size())) table.resize(word + 1);
        if (table[word].empty() || table[word].back() != index) table[word].push_back(index);
      };
      add(t.words[0]);
      for (const auto& form : t.forms) add(form[0]);
      triggers_.push_back(std::move(t));
    }
    blocks_.push_back(std::move(block));
  }
}

void PatternDictionary::Freeze(std::vector<Diagnostic>* diagnostics) {
  // Resolve nested sets depth-first; a set that refers to itself is cut.
  std::vector<int> state(pending_.size(), 0);  // 0 new, 1 resolving, 2 done
  // Each member once: a set listing another twice, nested, would double at
  // every level.
  std::function<void(int32_t)> resolve = [&](int32_t id) {
    if (state[id] != 0) return;
    state[id] = 1;
    std::set<std::vector<int32_t>> seen(synsets_[id].begin(), synsets_[id].end());
    auto add = [&](const std::vector<int32_t>& words) {
      if (seen.insert(words).second) synsets_[id].push_back(words);
    };
    for (const PendingMember& m : pending_[id]) {
      if (m.reference < 0) {
        if (!m.words.empty()) add(m.words);
        continue;
      }
      if (m.reference == id) continue;  // "&A" inside &A (adding to it while reading it)
      resolve(m.reference);
      for (const auto& words : synsets_[m.reference]) add(words);
    }
    state[id] = 2;
  };
  for (int32_t id = 0; id < static_cast<int32_t>(pending_.size()); ++id) {
    resolve(id);
    if (!defined_[id]) {
      diagnostics->push_back(
          {"", 0, "synonym set &" + std::string(synset_names_.Get(id)) + " is used but not defined",
           false});
    }
  }
  // Longer triggers first: "carry out" before "carry".
  for (auto* table : {&verb_index_, &noun_index_}) {
    for (auto& list : *table) {
      std::stable_sort(list.begin(), list.end(), [&](int32_t x, int32_t y) {
        return triggers_[x].words.size() > triggers_[y].words.size();
      });
    }
  }
}

void PatternDictionary::TriggersAt(const Analysis& a, uint32_t t, bool noun,
                                   std::vector<int32_t>* out) const {
  out->clear();
  const auto& table = noun ? noun_index_ : verb_index_;
  const Token& token = a.tokens[t];
  // The form first: a dictionary that lists "LEFT" apart from "LEAVE"
  // (TABARI's habit) means that form.
  for (int32_t id : {token.word_id, token.lemma_id}) {
    if (id < 0 || id >= static_cast<int32_t>(table.size())) continue;
    for (int32_t trig : table[id]) {
      if (std::find(out->begin(), out->end(), trig) == out->end()) out->push_back(trig);
    }
  }
}

}  // namespace palmyra
