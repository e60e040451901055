// Test helper: runs the text, lexical and syntax stages on a string and
// describes the verb groups found.
#ifndef PALMYRA_SYNTAX_SYNTAX_FIXTURE_H_
#define PALMYRA_SYNTAX_SYNTAX_FIXTURE_H_

#include <memory>
#include <string>

#include "lexical/lexical_stage.h"
#include "palmyra/options.h"
#include "syntax/syntax_stage.h"
#include "text/text_fixture.h"

namespace palmyra {

class SyntaxFixture {
 public:
  SyntaxFixture() {
    Options options;
    options.data_dir = PALMYRA_TEST_DATA_DIR;
    options = ResolveDefaults(options);
    auto lexical = LexicalStage::Load(options);
    EXPECT_TRUE(lexical.ok()) << lexical.status().ToString();
    lexical_ = std::move(lexical).value();
    syntax_ = std::move(SyntaxStage::Load(PALMYRA_TEST_DATA_DIR)).value();
  }
  Analysis& Run(const std::string& text, const std::string& title = "") {
    text_.Run(text, title);
    Analysis& a = text_.analysis();
    lexical_->Run(&a);
    syntax_->Run(&a);
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
  const SyntaxLexicon& lexicon() const { return syntax_->lexicon(); }
  const TextFixture& text() const { return text_; }
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
      out += "\n  " + std::string(a.Form(g.main)) +
             ": kind=" + std::to_string(static_cast<int>(g.kind)) +
             " subj=" + std::to_string(g.subject) + " obj=" + std::to_string(g.object) +
             " gov=" + std::to_string(g.governor) + " rep=" + std::to_string(g.reported_by) +
             " acc=" + std::to_string(g.according_to) + (g.passive ? " passive" : "") +
             (g.finite ? " finite" : "");
    }
    return out;
  }

 private:
  TextFixture text_;
  std::unique_ptr<LexicalStage> lexical_;
  std::unique_ptr<SyntaxStage> syntax_;
  Analysis* analysis_ = nullptr;
};

}  // namespace palmyra

#endif  // PALMYRA_SYNTAX_SYNTAX_FIXTURE_H_
