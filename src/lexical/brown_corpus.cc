#include "lexical/brown_corpus.h"

#include <algorithm>
#include <filesystem>

#include "core/data_file.h"
#include "core/file.h"
#include "core/strings.h"

namespace palmyra {
namespace {

struct RawToken {
  std::string word;
  BrownConverter::Choice choice;
};

bool RemoveSuffix(std::string* s, std::string_view suffix) {
  if (s->size() > suffix.size() && EndsWith(*s, suffix)) {
    s->resize(s->size() - suffix.size());
    return true;
  }
  return false;
}

bool IsCapitalised(const std::string& w) { return !w.empty() && IsAsciiUpper(w[0]); }

}  // namespace

Result<BrownConverter> BrownConverter::Load(const std::string& tag_map_path) {
  BrownConverter converter;
  auto parse_choice = [](std::string_view text, Choice* choice) {
    if (text == "VB|VBP") {
      *choice = {PosTag::VB, Pending::kBaseOrPresent};
      return true;
    }
    if (text == "PDT|DT") {
      *choice = {PosTag::DT, Pending::kPredeterminer};
      return true;
    }
    const auto tag = PosTagFromName(text);
    if (!tag) return false;
    *choice = {*tag, Pending::kNone};
    return true;
  };
  RETURN_IF_ERROR(ForEachDataLine(tag_map_path, [&](std::string_view line, int) -> Status {
    const auto f = SplitWhitespace(line);
    Choice choice;
    if (f.size() == 3 && f[0] == "tag" && parse_choice(f[2], &choice)) {
      converter.tags_[std::string(f[1])] = choice;
    } else if (f.size() == 4 && f[0] == "word" && parse_choice(f[3], &choice)) {
      converter.words_[std::string(f[1]) + "\t" + std::string(f[2])] = choice;
    } else {
      return DataError("expected 'tag BROWN PTB' or 'word WORD BROWN PTB' with a Treebank tag");
    }
    return Status::Ok();
  }));
  return converter;
}

BrownConverter::Choice BrownConverter::Map(const std::string& lower_word,
                                           const std::string& base) const {
  auto w = words_.find(lower_word + "\t" + base);
  if (w != words_.end()) return w->second;
  auto t = tags_.find(base);
  if (t != tags_.end()) return t->second;
  return {PosTag::NN, Pending::kNone};  // unknown tags are rare typos in the corpus
}

bool BrownConverter::ConvertLine(std::string_view line, TaggedSentence* out) const {
  out->words.clear();
  out->tags.clear();
  std::vector<RawToken> raw;
  for (std::string_view item : SplitWhitespace(line)) {
    const size_t slash = item.rfind('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == item.size()) continue;
    const std::string word(item.substr(0, slash));
    std::string tag = AsciiLowercase(item.substr(slash + 1));
    bool title = false;
    for (bool changed = true; changed;) {
      changed = RemoveSuffix(&tag, "-hl") || RemoveSuffix(&tag, "-nc");
      if (RemoveSuffix(&tag, "-tl")) title = changed = true;
    }
    if (StartsWith(tag, "fw-")) {
      raw.push_back({word, {PosTag::FW, Pending::kNone}});
      continue;
    }
    auto emit = [&](const std::string& w, const std::string& base) {
      Choice c = Map(AsciiLowercase(w), base);
      // Capitalised adverbial nouns are names of days and months: "Friday".
      if ((base == "nr" || base == "nrs") && IsCapitalised(w)) {
        c.tag = base == "nr" ? PosTag::NNP : PosTag::NNPS;
      }
      if (title && IsCapitalised(w)) {
        if (c.tag == PosTag::NN || c.tag == PosTag::JJ || c.tag == PosTag::VBN ||
            c.tag == PosTag::VBG) {
          c.tag = PosTag::NNP;
        } else if (c.tag == PosTag::NNS) {
          c.tag = PosTag::NNPS;
        }
      }
      raw.push_back({w, c});
    };
    const std::string lower = AsciiLowercase(word);
    const size_t plus = tag.find('+');
    if (plus != std::string::npos && plus > 0) {
      // A contraction: "it's" pps+bez -> "it" + "'s".
      std::string first = tag.substr(0, plus);
      std::string second = tag.substr(plus + 1);
      const size_t next_plus = second.find('+');
      if (next_plus != std::string::npos) second.resize(next_plus);
      RemoveSuffix(&second, "*");
      const size_t apostrophe = word.rfind('\'');
      if (apostrophe != std::string::npos && apostrophe > 0) {
        emit(word.substr(0, apostrophe), first);
        emit(word.substr(apostrophe), second);
      } else {
        emit(word, first);
      }
      continue;
    }
    if (tag.size() > 1 && tag.back() == '*') {
      // A negation: "don't" do* -> "do" + "n't"; "cannot" -> "can" + "not".
      const std::string base = tag.substr(0, tag.size() - 1);
      if (lower.size() > 3 && EndsWith(lower, "n't")) {
        emit(word.substr(0, word.size() - 3), base);
        emit(word.substr(word.size() - 3), "*");
      } else if (lower == "cannot") {
        emit(word.substr(0, 3), base);
        emit(word.substr(3), "*");
      } else {
        emit(word, base);
      }
      continue;
    }
    if (tag.size() > 1 && tag.back() == '$' && tag != "pp$" && tag != "wp$" && tag != "pp$$") {
      // A possessive: "Atlanta's" np$ -> "Atlanta" + "'s".
      const std::string base = tag.substr(0, tag.size() - 1);
      if (lower.size() > 2 && EndsWith(lower, "'s")) {
        emit(word.substr(0, word.size() - 2), base);
        raw.push_back({word.substr(word.size() - 2), {PosTag::POS, Pending::kNone}});
      } else if (lower.size() > 1 && lower.back() == '\'') {
        emit(word.substr(0, word.size() - 1), base);
        raw.push_back({"'", {PosTag::POS, Pending::kNone}});
      } else {
        emit(word, base);
      }
      continue;
    }
    emit(word, tag);
  }
  if (raw.empty()) return false;

  // Settle the context-dependent choices.
  for (size_t i = 0; i < raw.size(); ++i) {
    Choice& c = raw[i].choice;
    if (c.pending == Pending::kBaseOrPresent) {
      size_t j = i;
      while (j > 0 &&
             (raw[j - 1].choice.tag == PosTag::RB || raw[j - 1].choice.tag == PosTag::kOpenQuote))
        --j;
      bool base = j == 0;
      if (j > 0) {
        const PosTag prev = raw[j - 1].choice.tag;
        const std::string prev_word = AsciiLowercase(raw[j - 1].word);
        base = prev == PosTag::MD || prev == PosTag::TO ||
               ((prev_word == "do" || prev_word == "does" || prev_word == "did") && IsVerb(prev));
      }
      c.tag = base ? PosTag::VB : PosTag::VBP;
    } else if (c.pending == Pending::kPredeterminer) {
      const bool before_determiner = i + 1 < raw.size() && (raw[i + 1].choice.tag == PosTag::DT ||
                                                            raw[i + 1].choice.tag == PosTag::PRP_S);
      c.tag = before_determiner ? PosTag::PDT : PosTag::DT;
    }
    c.pending = Pending::kNone;
  }
  for (RawToken& t : raw) {
    out->words.push_back(std::move(t.word));
    out->tags.push_back(t.choice.tag);
  }
  return true;
}

Result<std::vector<TaggedSentence>> ReadBrownCorpus(const std::string& dir,
                                                    const BrownConverter& converter) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() == 4 && name[0] == 'c' && IsAsciiLower(name[1]) && IsAsciiDigit(name[2]) &&
        IsAsciiDigit(name[3])) {
      files.push_back(entry.path().string());
    }
  }
  if (error) return IoError(dir + ": cannot list the Brown corpus: " + error.message());
  if (files.empty()) {
    return NotFoundError(dir + ": no Brown corpus files (ca01 ... cr09); run 'make setup'");
  }
  std::sort(files.begin(), files.end());
  std::vector<TaggedSentence> sentences;
  TaggedSentence sentence;
  for (const std::string& path : files) {
    ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      if (converter.ConvertLine(std::string_view(text).substr(pos, end - pos), &sentence)) {
        sentences.push_back(std::move(sentence));
        sentence = TaggedSentence();
      }
      pos = end + 1;
    }
  }
  return sentences;
}

}  // namespace palmyra
