// Part-of-speech tags on modern news: the tags the pipeline gives (the
// tagger's model and its corrections, on Palmyra's own tokens) against the
// gold Penn Treebank tags of ../shared/ud/gum_news.conllu (24 Wikinews
// articles). A word is counted where Palmyra's token has exactly the gold
// token's bytes; punctuation is left out. GUM tags "to" before a noun
// phrase IN where the Penn Treebank's own rule, which Palmyra follows, has
// TO for every "to": TO is counted right there.
//
//   build/bench/eval_tagger [--verbose]
//
// --verbose adds the most frequent confusions (gold -> given) with examples.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "core/analysis.h"
#include "core/pos_tag.h"
#include "pipeline/pipeline.h"

namespace palmyra {
namespace {

struct GoldToken {
  std::string form, tag;
  size_t start = 0, end = 0;  // bytes in the sentence's text; end 0 when not found
};

struct GoldSentence {
  std::string text;
  std::vector<GoldToken> tokens;
};

// The sentences of a CoNLL-U file: "# text = ..." and the word lines (not
// multi-word ranges or empty nodes), each placed in the text in order.
std::vector<GoldSentence> ReadConllu(const std::string& path) {
  std::ifstream in(path);
  std::vector<GoldSentence> out;
  GoldSentence s;
  std::string line;
  auto finish = [&]() {
    if (!s.tokens.empty()) out.push_back(std::move(s));
    s = GoldSentence();
  };
  while (std::getline(in, line)) {
    if (line.empty()) {
      finish();
    } else if (line.rfind("# text = ", 0) == 0) {
      s.text = line.substr(9);
    } else if (line[0] != '#') {
      std::vector<std::string> fields;
      size_t from = 0;
      for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
        fields.push_back(line.substr(from, tab - from));
      fields.push_back(line.substr(from));
      if (fields.size() < 5 || fields[0].find_first_of("-.") != std::string::npos) continue;
      s.tokens.push_back({fields[1], fields[4], 0, 0});
    }
  }
  finish();
  for (GoldSentence& g : out) {
    size_t at = 0;
    for (GoldToken& t : g.tokens) {
      const size_t found = g.text.find(t.form, at);
      if (found == std::string::npos) break;  // the rest stays unplaced
      t.start = found;
      t.end = found + t.form.size();
      at = t.end;
    }
  }
  return out;
}

bool IsPunctuationTag(const std::string& tag) {
  static const char* const kPunctuation[] = {",",     ".",    ":",   "``", "''", "-LRB-",
                                             "-RRB-", "HYPH", "NFP", "$",  "#"};
  for (const char* p : kPunctuation) {
    if (tag == p) return true;
  }
  return false;
}

}  // namespace
}  // namespace palmyra

int main(int argc, char** argv) {
  using namespace palmyra;
  const bool verbose = argc == 2 && std::strcmp(argv[1], "--verbose") == 0;
  if (argc > 2 || (argc == 2 && !verbose)) {
    std::fprintf(stderr, "usage: eval_tagger [--verbose]\n");
    return 2;
  }
  const std::string shared = SharedDir();
  if (shared.empty()) {
    std::printf("skipped: ../shared (GUM's news with gold tags) is not present\n");
    return 0;
  }
  const std::string path = shared + "/ud/gum_news.conllu";
  const std::vector<GoldSentence> sentences = ReadConllu(path);
  if (sentences.empty()) {
    std::fprintf(stderr, "%s: no sentences read\n", path.c_str());
    return 1;
  }
  Options options;
  options.resolve = false;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "cannot start: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  int words = 0, aligned = 0, right = 0;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> confusions;
  for (const GoldSentence& g : sentences) {
    Document doc;
    doc.id = "gum";
    doc.text = g.text;
    Analysis a;
    (*pipeline)->Analyze(doc, &a);
    std::map<std::pair<size_t, size_t>, PosTag> given;
    for (const Token& t : a.tokens) given[{t.start, t.end}] = t.tag;
    for (const GoldToken& t : g.tokens) {
      if (IsPunctuationTag(t.tag)) continue;
      ++words;
      const auto it = t.end == 0 ? given.end() : given.find({t.start, t.end});
      if (it == given.end()) continue;
      ++aligned;
      const std::string tag(PosTagName(it->second));
      const bool to = tag == "TO" && t.tag == "IN" && (t.form == "to" || t.form == "To");
      if (tag == t.tag || to) {
        ++right;
      } else if (verbose) {
        confusions[{t.tag, tag}].push_back(t.form);
      }
    }
  }
  std::printf("Part-of-speech tags on news (ud/gum_news.conllu: %zu sentences)\n",
              sentences.size());
  std::printf("  %d words, %d with Palmyra's token boundaries (%.1f%%)\n", words, aligned,
              100.0 * aligned / words);
  std::printf("  tags right: %d of %d (%.2f%%)\n", right, aligned, 100.0 * right / aligned);
  if (verbose) {
    std::vector<std::pair<size_t, std::pair<std::string, std::string>>> order;
    for (const auto& [pair, forms] : confusions) order.push_back({forms.size(), pair});
    std::sort(order.rbegin(), order.rend());
    std::printf("  confusions (gold -> given), most frequent first:\n");
    for (size_t i = 0; i < order.size() && i < 30; ++i) {
      const auto& forms = confusions[order[i].second];
      std::string examples;
      for (size_t k = 0; k < forms.size() && k < 8; ++k) examples += " " + forms[k];
      std::printf("    %-5s -> %-5s %4zu  %s\n", order[i].second.first.c_str(),
                  order[i].second.second.c_str(), order[i].first, examples.c_str());
    }
  }
  return 0;
}
