// Test helper: runs the text, lexical and syntax stages on a string and
// describes the verb groups found.
#ifndef PALMYRA_SYNTAX_SYNTAX_TEST_UTIL_H_
#define PALMYRA_SYNTAX_SYNTAX_TEST_UTIL_H_

#include <memory>
#include <string>

#include "core/build_config.h"
#include "lexical/lemmatizer.h"
#include "lexical/pos_tagger.h"
#include "syntax/chunker.h"
#include "syntax/clauses.h"
#include "text/text_test_util.h"

namespace palmyra {

class SyntaxStage {
 public:
  SyntaxStage() {
    tagger_ = std::move(PosTagger::Load(std::string(PALMYRA_DEFAULT_MODEL_DIR) + "/tagger.bin")).value();
    EXPECT_TRUE(
        tagger_->LoadTagConstraints(std::string(PALMYRA_TEST_DATA_DIR) + "/lexical/news_tags.txt").ok());
    lemmatizer_ =
        std::move(Lemmatizer::Load(PALMYRA_DEFAULT_WORDNET_DIR, PALMYRA_TEST_DATA_DIR)).value();
    lexicon_ = std::move(SyntaxLexicon::Load(PALMYRA_TEST_DATA_DIR)).value();
  }
  Analysis& Run(const std::string& text) {
    Analysis& a = const_cast<Analysis&>(text_.Run(text));
    tagger_->Tag(&a);
    lemmatizer_->Lemmatize(&a);
    Chunker(lexicon_.get()).Chunk(&a);
    ClauseAnalyzer(lexicon_.get()).Analyze(&a);
    analysis_ = &a;
    return a;
  }
  // The verb group whose main verb is `verb` (its first occurrence).
  const VerbGroup* Group(std::string_view verb) const {
    for (const VerbGroup& g : analysis_->verb_groups) {
      if (analysis_->Form(g.main) == verb) return &g;
    }
    return nullptr;
  }
  // The words of phrase `p`, or "-" for none.
  std::string PhraseText(int32_t p) const {
    if (p < 0) return "-";
    const Phrase& ph = analysis_->phrases[p];
    return std::string(analysis_->OriginalText(ph.begin, ph.end));
  }
  std::string Subject(std::string_view verb) const {
    const VerbGroup* g = Group(verb);
    return g ? PhraseText(g->subject) : "no verb " + std::string(verb);
  }
  std::string Object(std::string_view verb) const {
    const VerbGroup* g = Group(verb);
    return g ? PhraseText(g->object) : "no verb " + std::string(verb);
  }
  const SyntaxLexicon& lexicon() const { return *lexicon_; }
  // Tokens with tags, phrases and verb groups, for failure messages.
  std::string Dump() const {
    const Analysis& a = *analysis_;
    std::string out;
    for (uint32_t k = 0; k < a.phrases.size(); ++k) {
      const Phrase& p = a.phrases[k];
      out += std::to_string(k) + ":" + "NVPO"[static_cast<int>(p.type)] + "[";
      for (uint32_t i = p.begin; i < p.end; ++i) {
        out += std::string(a.Form(i)) + "/" + std::string(PosTagName(a.tokens[i].tag)) +
               (i + 1 < p.end ? " " : "");
      }
      out += "] ";
    }
    for (const VerbGroup& g : a.verb_groups) {
      out += "\n  " + std::string(a.Form(g.main)) + ": kind=" + std::to_string(static_cast<int>(g.kind)) +
             " subj=" + std::to_string(g.subject) + " obj=" + std::to_string(g.object) +
             " gov=" + std::to_string(g.governor) + " rep=" + std::to_string(g.reported_by) +
             " acc=" + std::to_string(g.according_to) + (g.passive ? " passive" : "") +
             (g.finite ? " finite" : "");
    }
    return out;
  }

 private:
  TextStage text_;
  std::unique_ptr<PosTagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<SyntaxLexicon> lexicon_;
  Analysis* analysis_ = nullptr;
};

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_SYNTAX_TEST_UTIL_H_
