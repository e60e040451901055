// Test helper: runs the stages up to entities on a string and describes the
// actors found.
#ifndef PALMYRA_ENTITIES_ENTITY_FIXTURE_H_
#define PALMYRA_ENTITIES_ENTITY_FIXTURE_H_

#include <memory>
#include <string>

#include "entities/entity_stage.h"
#include "syntax/syntax_fixture.h"

namespace palmyra {

class EntityFixture {
 public:
  EntityFixture() {
    auto stage =
        EntityStage::Load(PALMYRA_TEST_DATA_DIR, syntax_.text().stage().names(), &vocabulary_);
    EXPECT_TRUE(stage.ok()) << stage.status().ToString();
    stage_ = std::move(stage).value();
  }
  // Analyses `text` as published on `date` (YYYY-MM-DD, or "" for none).
  Analysis& Run(const std::string& text, const std::string& date = "2019-06-01") {
    Analysis& a = syntax_.Run(text);
    a.has_reference_date = !date.empty();
    if (!date.empty()) a.reference_date = *Date::Parse(date);
    stage_->Run(&a);
    analysis_ = &a;
    return a;
  }
  // "words=CODE" for every actor, in text order.
  std::vector<std::string> Actors() const {
    std::vector<std::string> out;
    for (const PhraseActor& x : analysis_->actors) {
      out.push_back(std::string(analysis_->OriginalText(x.begin, x.end)) + "=" + x.code);
    }
    return out;
  }
  // The code of the actor whose words are `words`, or "none".
  std::string CodeOf(std::string_view words) const {
    for (const PhraseActor& x : analysis_->actors) {
      if (analysis_->OriginalText(x.begin, x.end) == words) return x.code;
    }
    return "none";
  }
  SyntaxFixture& syntax() { return syntax_; }
  const EntityStage& stage() const { return *stage_; }

 private:
  SyntaxFixture syntax_;
  StringTable vocabulary_;
  std::unique_ptr<EntityStage> stage_;
  Analysis* analysis_ = nullptr;
};

}  // namespace palmyra

#endif  // PALMYRA_ENTITIES_ENTITY_FIXTURE_H_
