#include "entities/entity_stage.h"

#include "entities/actor_cache.h"

namespace palmyra {

const std::vector<std::string>& BuiltInActorFiles() {
  static const std::vector<std::string> kFiles = {"countries.txt", "organizations.txt",
                                                  "armed_groups.txt", "leaders.txt", "agents.txt"};
  return kFiles;
}

Result<std::unique_ptr<EntityStage>> EntityStage::Load(const std::string& data_dir,
                                                       const NameTokenizer& names,
                                                       StringTable* vocabulary) {
  std::vector<Diagnostic> warnings;
  return Load(data_dir, names, vocabulary, {}, true, &warnings);
}

Result<std::unique_ptr<EntityStage>> EntityStage::Load(
    const std::string& data_dir, const NameTokenizer& names, StringTable* vocabulary,
    const std::vector<std::string>& user_files, bool builtin, std::vector<Diagnostic>* warnings,
    const std::string& cache_dir) {
  std::unique_ptr<EntityStage> stage(new EntityStage());
  stage->vocabulary_ = vocabulary;
  ASSIGN_OR_RETURN(stage->codes_, ActorCodes::Load(data_dir));
  for (const std::string& file : builtin ? BuiltInActorFiles() : std::vector<std::string>()) {
    ASSIGN_OR_RETURN(ActorFile parsed, ReadActorDictionary(data_dir + "/actors/" + file));
    for (const Diagnostic& d : parsed.diagnostics) {
      if (d.error) return DataError(d.ToString());
    }
    stage->dictionary_.Add(parsed, names, vocabulary);
  }
  // The user's files: what the reader could not read is reported, the rest
  // is used.
  for (const std::string& file : user_files) {
    ASSIGN_OR_RETURN(ActorFile parsed, ReadCompiledActorDictionary(file, names, cache_dir));
    warnings->insert(warnings->end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    stage->dictionary_.Add(parsed, names, vocabulary);
  }
  stage->dictionary_.Freeze();
  stage->composer_ = std::make_unique<ActorComposer>(&stage->dictionary_, stage->codes_.get());
  ASSIGN_OR_RETURN(stage->coreference_,
                   Coreference::Load(data_dir, stage->composer_.get(), stage->codes_.get()));
  return stage;
}

void EntityStage::Run(Analysis* a) const {
  // Every token, the dateline's too (it is outside the sentences).
  for (Token& t : a->tokens) {
    const std::string_view key = a->Key(t);
    t.word_id = vocabulary_->Find(key);
    t.lemma_id = t.lemma == key ? t.word_id : vocabulary_->Find(t.lemma);
    // "a US-led attack", "Saudi-led strikes": whoever leads is named, and
    // the dictionaries match the name as the word's lemma.
    if (t.flags & kTokCapitalized) {
      if (const std::string_view leader = LeaderName(key); !leader.empty())
        t.lemma_id = vocabulary_->Find(leader);
    }
  }
  a->mentions.clear();
  dictionary_.Match(a);
  a->home_country = dictionary_.DatelineCountry(*a);
  composer_->Compose(a);
  coreference_->Resolve(a);
}

void EntityStage::DateActors(Analysis* a) const {
  const Date* published = a->has_reference_date ? &a->reference_date : nullptr;
  for (EventCandidate& c : a->events) {
    if (!c.date || !c.date->historical) continue;
    // The middle of the week, month or year the event is dated to.
    Date when = c.date->value;
    switch (c.date->precision) {
      case DatePrecision::kYear:
        when.month = 7;
        break;
      case DatePrecision::kMonth:
        when.day = 15;
        break;
      case DatePrecision::kWeek:
        when = when.AddDays(3);
        break;
      default:
        break;
    }
    for (auto [actor, code] :
         {std::pair{c.source, &c.source_code}, std::pair{c.target, &c.target_code}}) {
      if (actor < 0) continue;
      const PhraseActor& x = a->actors[actor];
      if (!x.individual || x.mention < 0 || *code != x.code) continue;
      const Mention& m = a->mentions[x.mention];
      if (m.kind != MentionKind::kPerson) continue;
      // Only a code the table gave: not one a title in the text gave.
      if (dictionary_.CodeOn(m.entry, published) != x.code) continue;
      *code = dictionary_.CodeOn(m.entry, &when);
    }
  }
}

}  // namespace palmyra
