#include "pipeline/pipeline.h"

#include <cstdio>
#include <set>

#include "core/file.h"
#include "core/hash.h"
#include "core/utf8.h"

namespace palmyra {

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& given) {
  const Options options = ResolveDefaults(given);
  std::unique_ptr<Pipeline> p(new Pipeline());
  ASSIGN_OR_RETURN(p->text_, TextStage::Load(options.data_dir));
  ASSIGN_OR_RETURN(p->lexical_, LexicalStage::Load(options));
  ASSIGN_OR_RETURN(p->syntax_, SyntaxStage::Load(options.data_dir));
  // The user's dictionaries, by kind.
  ASSIGN_OR_RETURN(const std::vector<std::string> files, ListDictionaryFiles(options.dictionaries));
  std::vector<std::string> actor_files, verb_files;
  std::vector<Diagnostic> warnings;
  for (const std::string& file : files) {
    ASSIGN_OR_RETURN(const std::string text, ReadFile(file));
    RETURN_IF_ERROR(CheckDictionaryText(file, text));
    switch (DetectDictionaryKind(file, text)) {
      case DictionaryKind::kActors:
      case DictionaryKind::kAgents:
        actor_files.push_back(file);
        break;
      case DictionaryKind::kVerbs:
        verb_files.push_back(file);
        break;
      case DictionaryKind::kDiscards: {
        const DiscardFile discards = ParseDiscardDictionary(file, text);
        warnings.insert(warnings.end(), discards.diagnostics.begin(), discards.diagnostics.end());
        p->discards_.Add(discards);
        break;
      }
      case DictionaryKind::kIssues: {
        const IssueFile issues = ParseIssueDictionary(file, text);
        warnings.insert(warnings.end(), issues.diagnostics.begin(), issues.diagnostics.end());
        break;
      }
    }
  }
  ASSIGN_OR_RETURN(p->entities_,
                   EntityStage::Load(options.data_dir, p->text_->names(), &p->vocabulary_,
                                     actor_files, options.builtin_dictionaries, &warnings,
                                     options.dictionary_cache ? UserCacheDir() : ""));
  Conventions conventions = options.petrarch_conventions ? Conventions::Petrarch() : Conventions();
  conventions.new_actor_length = options.new_actor_length;
  conventions.wordnet_neighbours = options.wordnet_verbs && !options.petrarch_conventions;
  ASSIGN_OR_RETURN(
      p->events_,
      EventStage::Load(options.data_dir, p->text_->names(), &p->syntax_->lexicon(),
                       &p->entities_->codes(), &p->vocabulary_, verb_files,
                       options.builtin_dictionaries, &warnings, conventions, options.wordnet_dir));
  std::set<std::string> seen;
  for (const Diagnostic& d : warnings) {
    Diagnostic w = d;
    w.error = false;  // skipped, not fatal
    std::string text = w.ToString();
    if (seen.insert(text).second) p->load_warnings_.push_back(std::move(text));
  }
  ASSIGN_OR_RETURN(p->acled_, AcledCoder::Load(options.data_dir, &p->entities_->codes()));
  if (options.decide) {
    ASSIGN_OR_RETURN(p->decide_, DecideStage::Load(options.data_dir, options.min_confidence));
  }
  if (options.resolve) {
    ASSIGN_OR_RETURN(p->resolve_, ResolveStage::Load(options.data_dir, options.model_dir,
                                                     p->text_->names(), &p->entities_->codes()));
  }
  return p;
}

void Pipeline::Analyze(const Document& document, Analysis* a) const {
  a->Clear();
  a->doc = &document;
  if (document.published) {
    a->reference_date = *document.published;
    a->has_reference_date = true;
  }
  text_->Run(a);
  lexical_->Run(a);
  syntax_->Run(a);
  entities_->Run(a);
  events_->Run(a);
  discards_.Apply(a);
  if (resolve_ != nullptr) {
    resolve_->Run(a);
    entities_->DateActors(a);
  } else if (a->has_reference_date) {
    for (EventCandidate& c : a->events)
      c.date = EventDate{a->reference_date, DatePrecision::kDay, "", false};
  }
  if (decide_ != nullptr) decide_->Run(a);
}

ActorRef Pipeline::MakeActor(const Analysis& a, int32_t index, const std::string& code,
                             uint32_t byte_offset) const {
  const PhraseActor& x = a.actors[index];
  ActorRef ref;
  ref.text = SanitizeUtf8(a.OriginalText(x.begin, x.end));
  ref.code = code;
  ref.country = std::string(entities_->codes().Country(code));
  ref.sector = std::string(entities_->codes().Sector(code));
  ref.start = a.tokens[x.begin].start + byte_offset;
  ref.end = a.tokens[x.end - 1].end + byte_offset;
  return ref;
}

std::optional<Event> Pipeline::MakeEvent(const Analysis& a, const EventCandidate& c,
                                         int sentence_offset, uint32_t byte_offset) const {
  const CameoEntry* cameo = events_->cameo().Find(c.cameo);
  if (cameo == nullptr) return std::nullopt;  // a user dictionary's code CAMEO does not know
  Event e;
  e.doc_id = a.doc->id;
  e.sentence_index = static_cast<int>(c.sentence) + sentence_offset;
  e.evidence.start = a.tokens[c.evidence_begin].start + byte_offset;
  e.evidence.end = a.tokens[c.evidence_end - 1].end + byte_offset;
  e.evidence.text = SanitizeUtf8(a.OriginalText(c.evidence_begin, c.evidence_end));
  if (c.source >= 0) e.source = MakeActor(a, c.source, c.source_code, byte_offset);
  if (c.target >= 0) e.target = MakeActor(a, c.target, c.target_code, byte_offset);
  if (c.target < 0 && c.target_place >= 0) {
    // A place done to stands for its country ("jets bombed Aleppo").
    const PlaceMention& m = a.places[c.target_place];
    ActorRef place;
    place.text = SanitizeUtf8(a.OriginalText(m.begin, m.end));
    place.code = c.target_code;  // the country, or its people ("SYRCVL")
    place.country = std::string(entities_->codes().Country(c.target_code));
    place.sector = std::string(entities_->codes().Sector(c.target_code));
    place.start = a.tokens[m.begin].start + byte_offset;
    place.end = a.tokens[m.end - 1].end + byte_offset;
    e.target = std::move(place);
  }
  e.cameo.code = cameo->code;
  e.cameo.root = cameo->code.substr(0, 2);
  e.cameo.quad_class = cameo->quad_class;
  e.cameo.goldstein = cameo->goldstein;
  e.plover.type = cameo->plover_type;
  e.plover.mode = cameo->plover_mode;
  e.modality = c.modality;
  if (c.attribution >= 0) {
    const Phrase& ph = a.phrases[c.attribution];
    Attribution attribution;
    attribution.text = SanitizeUtf8(a.OriginalText(ph.begin, ph.end));
    if (const PhraseActor* speaker = a.ActorOf(c.attribution)) attribution.code = speaker->code;
    e.attribution = std::move(attribution);
  }
  e.date = c.date;
  e.quantities = c.quantities;
  e.location = c.location;
  e.rule = c.rule;
  e.confidence = c.confidence;
  e.acled = acled_->Code(a, c, e);
  // A stable id: the same document always gives the same ids.
  const std::string key = e.doc_id + '\x1f' + std::to_string(e.sentence_index) + '\x1f' +
                          c.source_code + '\x1f' + c.target_code + '\x1f' + c.cameo;
  char id[17];
  std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(Hash64(key, 0x5a1)));
  e.event_id = id;
  return e;
}

std::vector<Event> Pipeline::Events(const Analysis& a, int sentence_offset,
                                    uint32_t byte_offset) const {
  std::vector<Event> out;
  out.reserve(a.events.size());
  for (const EventCandidate& c : a.events) {
    if (std::optional<Event> e = MakeEvent(a, c, sentence_offset, byte_offset))
      out.push_back(std::move(*e));
  }
  return out;
}

}  // namespace palmyra
